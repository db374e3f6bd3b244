// Invoice numbers: prefix, optional year, zero-padded sequence. Pure; the sequence itself is
// taken atomically in numbering.server.ts.

export interface NumberFormat {
  prefix: string;
  includeYear: boolean;
  /** Restart the sequence at 1 every year (needs the year in the number). */
  yearlyReset: boolean;
  padding: number;
  /** Where the very first sequence of the shop starts. */
  startNumber: number;
}

/** The counter period a document issued at `year` draws from: the year, or 0 (never resets). */
export function counterPeriod(format: Pick<NumberFormat, "yearlyReset">, year: number): number {
  return format.yearlyReset ? year : 0;
}

export function formatNumber(format: NumberFormat, { year, sequence }: { year: number; sequence: number }): string {
  const seq = String(sequence).padStart(format.padding, "0");
  return `${format.prefix}${format.includeYear ? `${year}-` : ""}${seq}`;
}
