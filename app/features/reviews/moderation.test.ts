import { describe, expect, it } from "vitest";
import { containsLink, heldWordIn, moderate, parseWordList, type ModerationRules } from "./moderation";

const rules: ModerationRules = { autoPublishMinRating: 4, heldWords: ["refund", "scam"], holdLinks: true };
const review = (rating: number, body: string, title = "") => ({ rating, title, body });

describe("moderate", () => {
  it("publishes at or above the auto-publish rating", () => {
    expect(moderate(review(4, "Nice mug"), rules).status).toBe("published");
    expect(moderate(review(5, "Nice mug"), rules).status).toBe("published");
  });
  it("holds reviews below it", () => {
    expect(moderate(review(3, "Okay mug"), rules)).toEqual({
      status: "pending",
      reason: "below the auto-publish rating",
    });
  });
  it("holds every review when auto-publish is off", () => {
    expect(moderate(review(5, "Great"), { ...rules, autoPublishMinRating: 0 }).status).toBe("pending");
  });
  it("holds reviews with a listed word, in any case, whole words only", () => {
    expect(moderate(review(5, "This is a SCAM!"), rules)).toEqual({ status: "pending", reason: "contains “scam”" });
    expect(moderate(review(5, "Great", "I want a Refund"), rules).status).toBe("pending");
    expect(moderate(review(5, "Scampi-shaped mug"), rules).status).toBe("published");
  });
  it("holds reviews with links when asked to", () => {
    expect(moderate(review(5, "Cheaper at https://example.com"), rules).reason).toBe("contains a link");
    expect(moderate(review(5, "see www.example.org"), rules).status).toBe("pending");
    expect(moderate(review(5, "buy at cheap-mugs.shop today"), rules).status).toBe("pending");
    expect(moderate(review(5, "https://example.com"), { ...rules, holdLinks: false }).status).toBe("published");
  });
});

describe("helpers", () => {
  it("finds words in other scripts", () => {
    expect(heldWordIn("これは詐欺です", ["詐欺"])).toBe("詐欺"); // no spaces between Japanese words
    expect(heldWordIn("詐欺", ["詐欺"])).toBe("詐欺");
    expect(heldWordIn("Das ist Betrug.", ["betrug"])).toBe("betrug");
  });
  it("recognises links but not sentences with dots", () => {
    expect(containsLink("Great mug. Would buy again.")).toBe(false);
    expect(containsLink("http://x.y")).toBe(true);
  });
  it("parses the settings word list", () => {
    expect(parseWordList("scam, refund\n\n  fake  \nscam")).toEqual(["scam", "refund", "fake"]);
  });
});
