// Settings textareas of "left | right" lines (FAQ entries, saved replies), read one way for
// every feature. No server imports: the reply desk's client code reads its templates too.

/** Each non-empty line split at its first bar, both sides trimmed; `right` is null without a bar. */
export function barLines(text: string): { left: string; right: string | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf("|");
      return bar < 0
        ? { left: line, right: null }
        : { left: line.slice(0, bar).trim(), right: line.slice(bar + 1).trim() };
    });
}
