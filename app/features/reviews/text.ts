// Review text is plain text: the one cleaning every way in (the storefront form, a review
// request's form, a CSV import) applies before it is stored.

/** Plain text: no control characters but newlines and tabs; Windows newlines normalised. */
export function cleanText(value: string | undefined): string {
  return (
    (value ?? "")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .trim()
  );
}

export const EMAIL = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;
