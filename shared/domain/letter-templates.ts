/**
 * Letter bodies the office edits (Settings → Бланки писем): plain text with named fields in double
 * braces, «{{заявителю}}». Each kind of letter has its own set of fields; a field a kind does not know
 * is refused when the template is saved, so a letter never goes out with a blank where a name should be.
 */
import type { Art11Ground } from './workflow/art11';

export const LETTER_KINDS = [
  'request',
  'reply',
  'art11_p2',
  'art11_p3',
  'art11_p4',
  'art11_p4_1',
  'art11_p5',
  'art11_p5_1',
  'art11_p6',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Part 1 has no notice: there is nowhere to send one. */
export type NoticeGround = Exclude<Art11Ground, 'p1'>;
export const noticeKind = (g: NoticeGround): LetterKind => `art11_${g}`;

const COMMON = [
  'заявитель',
  'заявителю',
  'адрес_заявителя',
  'обращение_номер',
  'обращение_дата',
  'обращение_поступило',
  'содержание',
  'депутат',
  'сегодня',
] as const;
const REQUEST = ['адресат', 'руководитель_адресата', 'срок_ответа', 'текст_запроса'] as const;
const REPLY = ['текст_ответа'] as const;
const ART11 = ['основание'] as const;
/** Part 5.1: the address of the page where the answer is published. */
const PUBLISHED = ['ссылка_на_ответ'] as const;

export type LetterField =
  | (typeof COMMON)[number]
  | (typeof REQUEST)[number]
  | (typeof REPLY)[number]
  | (typeof ART11)[number]
  | (typeof PUBLISHED)[number];

export function fieldsOf(kind: LetterKind): readonly LetterField[] {
  if (kind === 'request') return [...COMMON, ...REQUEST];
  if (kind === 'reply') return [...COMMON, ...REPLY];
  if (kind === 'art11_p5_1') return [...COMMON, ...ART11, ...PUBLISHED];
  return [...COMMON, ...ART11];
}

const FIELD = /\{\{([^{}]*)\}\}/g;

export interface TemplateProblem {
  /** The field as written between the braces (trimmed). */
  field: string;
  kind: 'unknown' | 'unclosed';
}

/** Unknown fields and unbalanced braces, in the order they appear. */
export function checkTemplate(kind: LetterKind, body: string): TemplateProblem[] {
  const known = new Set<string>(fieldsOf(kind));
  const problems: TemplateProblem[] = [];
  for (const m of body.matchAll(FIELD)) {
    const name = m[1]!.trim();
    if (!known.has(name)) problems.push({ field: name, kind: 'unknown' });
  }
  const rest = body.replace(FIELD, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) {
    const near = rest.slice(stray.index, stray.index + 30).split('\n')[0]!;
    problems.push({ field: near, kind: 'unclosed' });
  }
  return problems;
}

export type LetterValues = Partial<Record<LetterField, string>>;

/** The body with its fields filled; a known field without a value becomes «___» to be written by hand. */
export function fillTemplate(body: string, values: LetterValues): string {
  return body.replace(FIELD, (_all, raw: string) => {
    const v = values[raw.trim() as LetterField];
    return v == null || v === '' ? '___' : v;
  });
}
