/**
 * Registration numbers. An office may register on several computers (desks), each offline for days, so
 * every desk keeps its own sequence per year and its numbers carry the desk: no two desks can issue the
 * same number. Desk 1 — the computer the office was set up on — numbers as an office with one computer
 * always has, so a single-computer office sees no change.
 */

/** The desk's token in a format: АРМ, «автоматизированное рабочее место», as Russian offices say. */
export const DESK_TOKEN = 'АРМ';

/**
 * `reg_seq` keeps the year's sequence of every desk apart under one key (office, year, seq): desk d's
 * n-th number of the year is stored as (d − 1) × DESK_SPAN + n. Desk 1's keys are its numbers as they
 * always were; a desk would need a billion registrations in a year to reach the next desk's range.
 */
export const DESK_SPAN = 1_000_000_000;

export function deskSeqKey(desk: number, n: number): number {
  return (desk - 1) * DESK_SPAN + n;
}

/** The range of `reg_seq` a desk's numbers take, both ends included. */
export function deskSeqRange(desk: number): [number, number] {
  return [deskSeqKey(desk, 1), deskSeqKey(desk, DESK_SPAN - 1)];
}

/** The desk and its own sequence number behind a `reg_seq` key. */
export function splitDeskSeq(key: number): { desk: number; n: number } {
  return { desk: Math.floor((key - 1) / DESK_SPAN) + 1, n: ((key - 1) % DESK_SPAN) + 1 };
}

const TOKENS = /КОД|ГГГГ|ГГ|АРМ|N+/g;

/**
 * Registration number from the office's template: КОД = office code, ГГГГ = four-digit year, ГГ =
 * two-digit year, a run of N = the desk's sequence zero-padded to that many digits, АРМ = the desk's
 * number. A template without АРМ numbers desk 1 as written and puts "d-" before the sequence on desk
 * d ≥ 2 (КОД-ГГГГ-NNNNN: desk 1 issues ПТР-2026-00042, desk 2 ПТР-2026-2-00042). Tokens are read in one
 * pass, so an office code that happens to contain ГГ or N is not rewritten.
 */
export function formatRegNumber(format: string, office: string, year: number, seq: number, desk = 1): string {
  const template = desk === 1 || format.includes(DESK_TOKEN) ? format : withDesk(format);
  return template.replace(TOKENS, (token) => {
    switch (token) {
      case 'КОД':
        return office;
      case 'ГГГГ':
        return String(year);
      case 'ГГ':
        return String(year % 100).padStart(2, '0');
      case DESK_TOKEN:
        return String(desk);
      default:
        return String(seq).padStart(token.length, '0');
    }
  });
}

/** The template a desk ≥ 2 uses when the office's has no АРМ: the desk and a dash before the sequence. */
function withDesk(format: string): string {
  return format.replace(/N+/, (run) => `${DESK_TOKEN}-${run}`);
}

export type RegNumberFormatProblem = 'no_sequence' | 'desk_twice' | 'desk_not_apart';

/**
 * Why a template could give two desks the same number, or null. АРМ glued to a digit-producing token
 * (ПТР-2026-АРМNNNNN) cannot be read back: desk 1's 100001st number and desk 11's first would both
 * read 1100001; a letter or a digit next to it is refused too, as the office code may end in a digit.
 */
export function regNumberFormatProblem(format: string): RegNumberFormatProblem | null {
  if (!/N+/.test(format)) return 'no_sequence';
  const at = format.indexOf(DESK_TOKEN);
  if (at < 0) return null;
  if (format.indexOf(DESK_TOKEN, at + 1) >= 0) return 'desk_twice';
  const before = format.slice(0, at);
  const after = format.slice(at + DESK_TOKEN.length);
  const apart = (ch: string | undefined) => ch === undefined || /[^\p{L}\p{N}]/u.test(ch);
  return apart(before.at(-1)) && apart(after[0]) ? null : 'desk_not_apart';
}

/** A number made unique again after two desks issued it (see the sync's number clash): ПТР-2026-00042/2. */
export function clashSuffix(number: string, taken: (candidate: string) => boolean): string {
  for (let k = 2; ; k++) {
    const candidate = `${number}/${k}`;
    if (!taken(candidate)) return candidate;
  }
}
