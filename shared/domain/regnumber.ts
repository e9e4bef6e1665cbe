/**
 * Registration number from the office's template: КОД = office code, ГГГГ = four-digit year,
 * ГГ = two-digit year, a run of N = the sequence zero-padded to that many digits.
 */
export function formatRegNumber(format: string, office: string, year: number, seq: number): string {
  return format
    .replace(/КОД/g, office)
    .replace(/ГГГГ/g, String(year))
    .replace(/ГГ/g, String(year % 100).padStart(2, '0'))
    .replace(/N+/g, (run) => String(seq).padStart(run.length, '0'));
}
