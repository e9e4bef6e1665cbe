/**
 * Numbers as the office reads them, on screen and on paper: a comma before the fraction (21,4) and a
 * non-breaking space between thousands (3 000), so a figure never wraps across a line. One formatter
 * for every figure the app prints; the rules are the CLDR ones of `ru-RU` that Intl carries.
 */

const formats = new Map<number, Intl.NumberFormat>();

/** `21.4` → «21,4»; `3000` → «3 000» (U+00A0); at most `fractionDigits` after the comma (default 1). */
export function formatNumber(n: number, fractionDigits = 1): string {
  let f = formats.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: fractionDigits });
    formats.set(fractionDigits, f);
  }
  // Intl writes a minus as a hyphen-minus; print the typographic one, as the period report does.
  return f.format(n).replace('-', '\u2212');
}
