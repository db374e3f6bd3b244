// Saved reply templates of the reply desk (Settings → Product reviews): a name and a text with
// the variables {name} (the reviewer's display name) and {product} (the product's title). Pure.

import { barLines } from "~/shop/bar-lines";

export interface ReplyTemplate {
  name: string;
  body: string;
}

export const DEFAULT_TEMPLATES: ReplyTemplate[] = [
  { name: "Thank you", body: "Thank you, {name}! We're so glad you like the {product}." },
  {
    name: "Sorry",
    body: "We're sorry, {name}. Please get in touch with us so that we can make it right with your {product}.",
  },
];

/** The template's text for one review; unknown variables stay as written. */
export function fillTemplate(body: string, vars: { name: string; product: string }): string {
  return body.replace(/\{(name|product)\}/g, (_, key: "name" | "product") => vars[key]);
}

/** The Settings textarea: one template a line, "Name | Text". */
export function parseTemplates(text: string): ReplyTemplate[] {
  return barLines(text)
    .flatMap(({ left, right }) => (right === null ? [] : [{ name: left, body: right }]))
    .filter((t) => t.name.length > 0 && t.name.length <= 60 && t.body.length > 0)
    .map((t) => ({ ...t, body: t.body.slice(0, 2000) }))
    .slice(0, 20);
}

export const formatTemplates = (templates: ReplyTemplate[]) => templates.map((t) => `${t.name} | ${t.body}`).join("\n");
