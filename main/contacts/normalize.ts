import type { ImportTarget, RejectReason } from '../../shared/api/contacts';
import { IMPORT_TARGETS } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import { contactText } from '../../shared/i18n/ru/contacts';
import { addressKey, emailKey, foldText, fullName, nameKey, normalizePhone } from '../../shared/domain/text';

/** One row of a file as a contact: every value trimmed and normalised, or the reason it cannot be one. */
export interface ImportedContact {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  fullName: string;
  nameKey: string | null;
  phones: { phone: string; raw: string }[];
  email: string | null;
  emailKey: string | null;
  address: string | null;
  addressKey: string | null;
  region: string | null;
  district: string | null;
  settlement: string | null;
  street: string | null;
  house: string | null;
  flat: string | null;
  birthDate: string | null;
  socialCategory: string | null;
  statuses: string[];
  tags: string[];
  source: string | null;
  comment: string | null;
}

export type Normalized = { ok: true; contact: ImportedContact } | { ok: false; reason: RejectReason };

/** What headers usually say, folded; an export's own headers map back to their fields. */
const HEADER_WORDS: [ImportTarget, RegExp][] = [
  ['fullName', /^(фио|ф\.и\.о\.?|ф и о|полное имя|full ?name|name)$/],
  ['lastName', /^(фамилия|last ?name|surname)/],
  ['firstName', /^(имя|first ?name)$/],
  ['middleName', /^(отчество|middle ?name|patronymic)/],
  ['phone', /(телефон|тел\b|тел\.|моб|сотов|phone|mobile)/],
  ['email', /(e-?mail|эл\. ?почта|электронн|почта)/],
  ['birthDate', /(дата рождения|рожд|birth)/],
  ['region', /^(регион|область|субъект|region)/],
  ['district', /^(район|округ|district)/],
  ['settlement', /^(населенный пункт|нас\. пункт|город|поселок|село|settlement|city)/],
  ['street', /^(улица|ул\.?|street)$/],
  ['house', /^(дом|д\.|house)$/],
  ['flat', /^(квартира|кв\.?|flat|apartment)$/],
  ['address', /(адрес|address)/],
  ['socialCategory', /(социальн|льгот|категория)/],
  ['statuses', /^(статус|статусы|status)/],
  ['tags', /^(метки|метка|теги|тег|tags?)$/],
  ['source', /^(источник|source|кампания)/],
  ['comment', /^(комментари|примечани|заметк|comment|note)/],
];

export function guessMapping(headers: readonly string[]): ImportTarget[] {
  const exportHeaders = new Map(
    Object.entries(contactText.exportHeaders).map(([k, v]) => [foldText(v), k as ImportTarget]),
  );
  return headers.map((h) => {
    const f = foldText(h).trim();
    const exact = exportHeaders.get(f);
    if (exact && (IMPORT_TARGETS as readonly string[]).includes(exact)) return exact;
    return HEADER_WORDS.find(([, re]) => re.test(f))?.[0] ?? 'skip';
  });
}

/** The key a file layout's mapping is remembered by. */
export function headerKey(headers: readonly string[]): string {
  return headers.map((h) => foldText(h).trim()).join('\u001f');
}

/** Our export neutralises formulas with a leading apostrophe; an import of it takes the apostrophe off. */
function cell(v: string | undefined): string {
  const t = (v ?? '').trim();
  return t.length > 1 && t[0] === "'" && '=+-@'.includes(t[1]!) ? t.slice(1) : t;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** No living applicant was born before 1900. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Why a birth date is not a living person's: before 1900, or after the office's today (9999-12-31). */
export function birthDateProblem(date: string, today: string): 'before1900' | 'future' | null {
  return date < EARLIEST_BIRTH_DATE ? 'before1900' : date > today ? 'future' : null;
}

/** A typed birth date is refused naming the field when it is no living person's. */
export function checkBirthDate(date: string | null | undefined, today: string): void {
  const problem = date ? birthDateProblem(date, today) : null;
  if (problem)
    throw new ApiError(
      'validation',
      problem === 'future' ? 'birthDate: the date is in the future' : 'birthDate: the date is before 1900',
      { field: 'birthDate' },
    );
}

export function parseBirthDate(s: string): string | null {
  const d = parseDate(s);
  return d && d >= EARLIEST_BIRTH_DATE ? d : null;
}

/** 31.12.1960, 31/12/1960, 1960-12-31 → 1960-12-31; anything else (31.02.2020) is not a date. */
export function parseDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1000)
    return null;
  return date.toISOString().slice(0, 10);
}

/** A list cell: `a, b; c` → [a, b, c]. */
const listOf = (s: string): string[] =>
  s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A phone as people write it: `8 (999) 123-45-67`, `+7 999 123 45 67`, `89991234567`, `9991234567`. The common
 * Russian forms are read by hand (most rows of a large file); anything else goes to libphonenumber.
 */
export function importPhone(raw: string): string | null {
  const digits = raw.replace(/[\s()\-.]/g, '');
  if (/^(\+7|8|7)\d{10}$/.test(digits)) return '+7' + digits.slice(-10);
  if (/^9\d{9}$/.test(digits)) return '+7' + digits;
  return normalizePhone(raw);
}

export function normalizeRow(
  values: readonly string[],
  mapping: readonly ImportTarget[],
  statusCodes: ReadonlyMap<string, string>,
  defaultSource: string | null,
  /** The office's today: a birth date after it is no living person's. */
  today: string,
): Normalized {
  const one: Partial<Record<ImportTarget, string>> = {};
  const phones: string[] = [];
  const statuses: string[] = [];
  const tags: string[] = [];
  mapping.forEach((target, i) => {
    const v = cell(values[i]);
    if (!v || target === 'skip') return;
    if (target === 'phone')
      phones.push(
        ...v
          .split(/[,;/]/)
          .map((p) => p.trim())
          .filter(Boolean),
      );
    else if (target === 'statuses') statuses.push(...listOf(v).map((s) => statusCodes.get(foldText(s)) ?? s));
    else if (target === 'tags') tags.push(...listOf(v));
    else one[target] = one[target] ? `${one[target]} ${v}` : v;
  });
  let { lastName = null, firstName = null, middleName = null } = one;
  if (one.fullName && !lastName) {
    const [l, f, ...m] = one.fullName.split(/\s+/);
    lastName = l ?? null;
    firstName = firstName ?? f ?? null;
    middleName = middleName ?? (m.length > 0 ? m.join(' ') : null);
  }
  if (!lastName) return { ok: false, reason: 'no_surname' };
  const normalizedPhones = new Map<string, string>();
  for (const raw of phones) {
    const phone = importPhone(raw);
    if (!phone) return { ok: false, reason: 'bad_phone' };
    if (!normalizedPhones.has(phone)) normalizedPhones.set(phone, raw);
  }
  const email = one.email ?? null;
  if (email && !EMAIL_RE.test(email)) return { ok: false, reason: 'bad_email' };
  let birthDate: string | null = null;
  if (one.birthDate) {
    birthDate = parseBirthDate(one.birthDate);
    if (!birthDate || birthDateProblem(birthDate, today)) return { ok: false, reason: 'bad_date' };
  }
  const structured = [
    one.settlement,
    one.street,
    one.house && `д. ${one.house}`,
    one.flat && `кв. ${one.flat}`,
  ];
  const address = one.address ?? (one.street ? structured.filter(Boolean).join(', ') : null);
  if (normalizedPhones.size === 0 && !email && !address) return { ok: false, reason: 'no_contact_data' };
  const parts = { lastName, firstName, middleName };
  return {
    ok: true,
    contact: {
      lastName,
      firstName,
      middleName,
      fullName: fullName(parts),
      nameKey: nameKey(parts),
      phones: [...normalizedPhones].map(([phone, raw]) => ({ phone, raw })),
      email,
      emailKey: emailKey(email),
      address,
      addressKey: addressKey(address),
      region: one.region ?? null,
      district: one.district ?? null,
      settlement: one.settlement ?? null,
      street: one.street ?? null,
      house: one.house ?? null,
      flat: one.flat ?? null,
      birthDate,
      socialCategory: one.socialCategory ?? null,
      statuses: [...new Set(statuses)],
      tags: [...new Set(tags)],
      source: one.source ?? defaultSource,
      comment: one.comment ?? null,
    },
  };
}
