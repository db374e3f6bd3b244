// The contact form's spam rules, without a third-party CAPTCHA. The app proxy does not sign
// the body, so every field is hostile input. A message that breaks a rule is not dropped: it
// is stored in the inbox's Spam folder with the reason, and the owner can mark it "not spam".

export const SPAM_REASONS = [
  "honeypot",
  "too_fast",
  "links",
  "repeated",
  "pattern",
  "duplicate",
  "rate_ip",
  "rate_email",
] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

export const SPAM_REASON_LABELS: Record<SpamReason, string> = {
  honeypot: "Filled the hidden field bots fill",
  too_fast: "Sent faster than a person can write",
  links: "Too many links",
  repeated: "Repeated text",
  pattern: "Known spam wording",
  duplicate: "Same text as a recent message from this address",
  rate_ip: "Too many messages from one address",
  rate_email: "Too many messages from one email",
};

/** A person needs longer than this to fill in the form. */
export const MIN_SECONDS_TO_WRITE = 3;
/** A form older than this was not shown to the sender recently (a replayed post). */
export const MAX_FORM_AGE_SECONDS = 7 * 86_400;
const MAX_LINKS = 2;

/** Phrases of bulk spam (SEO and marketing offers, crypto, pharmacy, gambling, adult). */
const PATTERNS: RegExp[] = [
  /\b(seo|backlinks?|link[- ]building|guest posts?|domain authority|page ?rank)\b.*\b(services?|offer|packages?|rank|traffic|price)\b/is,
  /\b(first page|top) of google\b/i,
  /\b(crypto(currency)?|bitcoin|forex|binary options)\b.*\b(invest|profit|earn|trading|returns?)\b/is,
  /\b(viagra|cialis|casino|porn|escort|payday loans?)\b/i,
  /\b(web ?design|app development|lead generation|virtual assistant) (services?|agency|company)\b/i,
  /\bunsubscribe\b.*\breply\b.*\b(stop|remove)\b/is,
];

/** Honeypot and time to submit. `started` is the block's render time (seconds since the epoch). */
export function formRules({
  website,
  started,
  now = Date.now(),
}: {
  website?: string;
  started?: string;
  now?: number;
}): SpamReason | null {
  if (website && website.trim() !== "") return "honeypot";
  const at = Number(started);
  const age = now / 1000 - at;
  if (!Number.isFinite(at) || at <= 0 || age < MIN_SECONDS_TO_WRITE || age > MAX_FORM_AGE_SECONDS) return "too_fast";
  return null;
}

const LINK = /\b(?:https?:\/\/|www\.)|\[url[=\]]|<a\s/gi;

/** Content rules over the name, the subject and the message. */
export function contentRules({ name, message }: { name: string; message: string }): SpamReason | null {
  if ((name.match(LINK) ?? []).length > 0) return "links";
  if ((message.match(LINK) ?? []).length > MAX_LINKS) return "links";
  if (isRepetitive(message)) return "repeated";
  if (PATTERNS.some((pattern) => pattern.test(message))) return "pattern";
  return null;
}

export function isRepetitive(text: string): boolean {
  // One character 30 times in a row ("!!!!!…", "aaaa…").
  if (/(.)\1{29,}/su.test(text)) return true;
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length >= 30 && new Set(words).size / words.length < 0.2) return true;
  // One word or phrase (up to 3 words) 8 times in a row.
  for (let size = 1; size <= 3; size++) {
    let run = 1;
    for (let i = size; i + size <= words.length; i += size) {
      const same = words.slice(i, i + size).join(" ") === words.slice(i - size, i).join(" ");
      run = same ? run + 1 : 1;
      if (run >= 8) return true;
    }
  }
  return false;
}

/** Texts compared for duplicates: case, spacing and punctuation don't matter. */
export const fingerprint = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
