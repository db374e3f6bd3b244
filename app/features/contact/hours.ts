// Business-hours arithmetic in the shop's time zone: is the shop open, when does it open next,
// when is a reply due ("within 4 business hours"), and how many business minutes lie between
// two instants (first-response and resolution metrics). Wall-clock hours are converted to
// instants per local day with Intl, so DST changes (23- and 25-hour days) are counted as the
// clock on the shop's wall shows them. No hours at all means always open.

/** Opening hours per weekday, Monday (0) to Sunday (6): "HH:MM" wall-clock times, or null (closed). */
export type WeekHours = ({ open: string; close: string } | null)[];

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
export const isTime = (value: string) => HHMM.test(value);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time in `timeZone` at instant `ms`. */
export function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time on a local date. In a DST gap (02:30 that never happens)
 * it moves forward by the gap (03:30), as Temporal's "compatible" does; in an overlap, the
 * first of the two.
 */
export function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  if (first === second) return first;
  // Two candidates (DST change near this time): the earlier one that shows this wall time,
  // else (a gap) the later one, where the clock lands after the jump.
  const [a, b] = first < second ? [first, second] : [second, first];
  return a + offsetAt(a, timeZone) === guess ? a : b;
}

const hasHours = (hours: WeekHours) => hours.some((d) => d !== null);

/** Open intervals [start, end) in ms that overlap [from, to), in order. */
export function* openIntervals(hours: WeekHours, timeZone: string, from: number, to: number) {
  if (!hasHours(hours)) {
    if (to > from) yield [from, to] as const;
    return;
  }
  // Start a day early: an interval that began yesterday may still be running.
  const start = wallClock(from - DAY_MS, timeZone);
  let local = Date.UTC(start.year, start.month - 1, start.day);
  for (;;) {
    const d = new Date(local);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const weekday = (d.getUTCDay() + 6) % 7;
    const dayHours = hours[weekday];
    const dayStart = instantOf(y, m, day, 0, timeZone);
    if (dayStart >= to) return;
    if (dayHours) {
      const open = minutesOf(dayHours.open);
      const close = minutesOf(dayHours.close);
      if (close > open) {
        const s = Math.max(from, instantOf(y, m, day, open, timeZone));
        const e = Math.min(
          to,
          close === 1440 ? instantOf(y, m, day + 1, 0, timeZone) : instantOf(y, m, day, close, timeZone),
        );
        if (e > s) yield [s, e] as const;
      }
    }
    local += DAY_MS;
  }
}

export function isOpen(hours: WeekHours, timeZone: string, at: number): boolean {
  for (const _ of openIntervals(hours, timeZone, at, at + 1)) return true;
  return false;
}

/** The next instant at or after `from` when the shop is open (null: never within 14 days). */
export function nextOpening(hours: WeekHours, timeZone: string, from: number): number | null {
  for (const [s] of openIntervals(hours, timeZone, from, from + 14 * DAY_MS)) return s;
  return null;
}

/** Business minutes between two instants (0 when `to` is before `from`). */
export function businessMinutesBetween(hours: WeekHours, timeZone: string, from: number, to: number): number {
  let total = 0;
  for (const [s, e] of openIntervals(hours, timeZone, from, to)) total += e - s;
  return total / 60_000;
}

/** The instant `minutes` business minutes after `from` (a reply promise's due time). */
export function addBusinessMinutes(hours: WeekHours, timeZone: string, from: number, minutes: number): number {
  let left = minutes * 60_000;
  let cursor = from;
  // Looks ahead in windows of four weeks (a long promise over a sparse week needs several).
  for (let round = 0; round < 60; round++) {
    const until = cursor + 28 * DAY_MS;
    for (const [s, e] of openIntervals(hours, timeZone, cursor, until)) {
      if (e - s >= left) return s + left;
      left -= e - s;
    }
    cursor = until;
  }
  return cursor;
}
