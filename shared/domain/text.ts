import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { plainWords, searchStem, surnameStem } from './stems';

/**
 * SQLite FTS5 folds Cyrillic case but neither ё→е nor й→и, and people type both ways;
 * the same fold is applied to indexed text and to queries.
 */
export function foldText(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/й/g, 'и');
}

/** A phone as E.164 (`+79991234567`), reading Russian national forms such as `8 (999) 123-45-67`. */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/\d/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'RU');
  if (parsed?.isPossible()) return parsed.number;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 5 ? `+${digits}` : null;
}

/** True when a search query is a phone number rather than words. */
export function looksLikePhone(q: string): boolean {
  return /^[\s\d()+\-.]+$/.test(q) && q.replace(/\D/g, '').length >= 7;
}

export function emailKey(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

export function fullName(parts: {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
}): string {
  return [parts.lastName, parts.firstName, parts.middleName].filter((p) => p && p.trim()).join(' ');
}

/** Comparison key for names: folded, single-spaced. */
export function nameKey(parts: {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
}): string | null {
  const n = foldText(fullName(parts)).replace(/\s+/g, ' ').trim();
  return n || null;
}

/** Comparison key for addresses: folded, punctuation and the usual abbreviations' dots dropped. */
export function addressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const k = foldText(address)
    .replace(/[.,;:№#"«»()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return k || null;
}

/**
 * Words of an FTS5 query, each quoted (so no FTS syntax leaks in) and matched by the start all its forms
 * share (`stems.ts`): «КРЫША» is `"крыш"*` and finds «крыши», «крыше»; a word still being typed is its own
 * start.
 */
export function ftsQuery(q: string): string | null {
  if (looksLikePhone(q)) {
    const phone = normalizePhone(q);
    return phone ? `"${phone.slice(1)}"` : null;
  }
  const words = plainWords(q);
  if (words.length === 0) return null;
  return words.map((w) => `"${foldText(searchStem(w))}"*`).join(' ');
}

/**
 * A search for names in a folded name key («кузнецова мария»): the first word read as a surname in any case
 * (`surnameStem`), each further word by its stem; all folded as the keys are.
 */
export function nameSearchStems(q: string): string[] {
  return plainWords(q).map((w, i) => foldText(i === 0 ? surnameStem(w) : searchStem(w)));
}

/** Text that goes into the full-text index for one appeal. */
export function ftsBody(parts: {
  regNumber: string;
  summary: string;
  text: string | null;
  applicantName: string;
  address: string | null;
  email: string | null;
  phones: readonly string[];
}): string {
  const phoneTokens = parts.phones.flatMap((p) => {
    const digits = p.replace(/\D/g, '');
    return digits.length === 11 && digits.startsWith('7') ? [digits, digits.slice(1)] : [digits];
  });
  return foldText(
    [
      parts.regNumber,
      parts.applicantName,
      parts.summary,
      parts.text ?? '',
      parts.address ?? '',
      parts.email ?? '',
      ...phoneTokens,
    ].join('\n'),
  );
}
