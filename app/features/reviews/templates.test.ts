import { describe, expect, it } from "vitest";
import { fillTemplate, formatTemplates, parseTemplates } from "./templates";

describe("reply templates", () => {
  it("fill in the reviewer's name and the product", () => {
    expect(fillTemplate("Thanks, {name}! Enjoy the {product}. {other}", { name: "Ann", product: "Mug" })).toBe(
      "Thanks, Ann! Enjoy the Mug. {other}",
    );
  });
  it("are edited as one 'Name | Text' line each", () => {
    const text = "Thanks | Thank you, {name}!\nno bar here\n | no name\nSorry|  We're sorry.  ";
    const templates = parseTemplates(text);
    expect(templates).toEqual([
      { name: "Thanks", body: "Thank you, {name}!" },
      { name: "Sorry", body: "We're sorry." },
    ]);
    expect(parseTemplates(formatTemplates(templates))).toEqual(templates);
  });
});
