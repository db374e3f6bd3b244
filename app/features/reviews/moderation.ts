// Moderation rules for new reviews (Settings → Product reviews). Pure.

export interface ModerationRules {
  /** Publish at once at or above this many stars (0: hold every review). */
  autoPublishMinRating: number;
  /** Hold reviews containing any of these words (case-insensitive, whole words). */
  heldWords: string[];
  /** Hold reviews containing a link or a web address. */
  holdLinks: boolean;
}

export type ModerationDecision = { status: "published" | "pending"; reason: string | null };

const LINK = /\b(?:https?:\/\/|www\.)\S|\b[a-z0-9-]{2,}\.(?:com|net|org|io|co|ru|cn|info|biz|shop|xyz|top)\b/i;

export function containsLink(text: string): boolean {
  return LINK.test(text);
}

/** A held word occurs in the text (whole word, any case; inside text for CJK and Thai). */
export function heldWordIn(text: string, words: string[]): string | null {
  const lower = text.toLocaleLowerCase();
  for (const word of words) {
    const w = word.trim().toLocaleLowerCase();
    if (!w) continue;
    // Scripts written without spaces between words: any occurrence counts.
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(w)) {
      if (lower.includes(w)) return word.trim();
      continue;
    }
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(lower)) return word.trim();
  }
  return null;
}

export function moderate(
  review: { rating: number; title: string; body: string },
  rules: ModerationRules,
): ModerationDecision {
  const text = `${review.title}\n${review.body}`;
  const word = heldWordIn(text, rules.heldWords);
  if (word) return { status: "pending", reason: `contains “${word}”` };
  if (rules.holdLinks && containsLink(text)) return { status: "pending", reason: "contains a link" };
  if (rules.autoPublishMinRating > 0 && review.rating >= rules.autoPublishMinRating)
    return { status: "published", reason: null };
  return { status: "pending", reason: rules.autoPublishMinRating > 0 ? "below the auto-publish rating" : null };
}

/** The settings textarea (one word or phrase per line or comma) as a list. */
export function parseWordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((w) => w.trim())
        .filter((w) => w.length > 0 && w.length <= 60),
    ),
  ].slice(0, 200);
}
