import { describe, expect, it } from "vitest";
import { contentRules, fingerprint, formRules, isRepetitive } from "./spam";

const now = Date.parse("2026-11-23T12:00:00Z");
const secondsAgo = (s: number) => String(now / 1000 - s);

describe("contact spam rules", () => {
  it("catches the honeypot and posts faster than a person", () => {
    expect(formRules({ website: "http://x", started: secondsAgo(60), now })).toBe("honeypot");
    expect(formRules({ website: " ", started: secondsAgo(60), now })).toBeNull();
    expect(formRules({ started: secondsAgo(1), now })).toBe("too_fast");
    // missing, garbage, in the future, or replayed long after
    for (const started of [undefined, "", "abc", "-5", secondsAgo(-100), secondsAgo(8 * 86_400), "1e400"])
      expect(formRules({ started, now })).toBe("too_fast");
    expect(formRules({ started: secondsAgo(30), now })).toBeNull();
  });

  it("counts links in every spelling, and allows two in a message", () => {
    expect(contentRules({ name: "Ann", message: "See https://a.example and www.b.example" })).toBeNull();
    expect(contentRules({ name: "Ann", message: "http://a.x https://b.x www.c.x" })).toBe("links");
    expect(contentRules({ name: "Ann", message: "[url=http://x]a[/url] [url]y[/url] <a href=z>" })).toBe("links");
    expect(contentRules({ name: "Visit www.spam.example", message: "Hello" })).toBe("links");
  });

  it("catches repeated text but not a normal message", () => {
    expect(isRepetitive("!".repeat(30))).toBe(true);
    expect(isRepetitive("buy now ".repeat(10))).toBe(true);
    expect(isRepetitive(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? "cheap" : "shoes")).join(" "))).toBe(true);
    expect(
      isRepetitive(
        "Hello, my order #1001 arrived yesterday but the mug was broken. Could you send a new one? I can send photos of the box and the mug if that helps. Thanks!",
      ),
    ).toBe(false);
    expect(isRepetitive("こんにちは。注文した商品がまだ届きません。確認していただけますか？")).toBe(false);
  });

  it("knows bulk spam wording", () => {
    expect(contentRules({ name: "Max", message: "We offer SEO services to rank your shop fast" })).toBe("pattern");
    expect(contentRules({ name: "Max", message: "Get your store to the first page of Google" })).toBe("pattern");
    expect(contentRules({ name: "Max", message: "Invest in Bitcoin now for 300% returns" })).toBe("pattern");
    expect(contentRules({ name: "Max", message: "Cheap VIAGRA here" })).toBe("pattern");
    // a known false positive: a rule on a word hits "casino-green" too (the owner rescues it with "Not spam")
    expect(contentRules({ name: "Max", message: "Does the casino-green sweater ship to Canada?" })).toBe("pattern");
    expect(
      contentRules({ name: "Max", message: "Does the green sweater ship to Canada? Where is my order?" }),
    ).toBeNull();
  });

  it("compares duplicates without case, spacing or punctuation", () => {
    expect(fingerprint("Where is MY order?!")).toBe(fingerprint("where is my   order"));
  });
});
