import type { ContactFieldDef, ImportColumn, ImportTarget, RejectReason } from '../../shared/api/contacts';
import { FIELD_TARGET_PREFIX, IMPORT_TARGETS, isFieldTarget } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import { contactText } from '../../shared/i18n/ru/contacts';
import { parseDate, typedValue, type TypedValue } from './values';
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
  /** Values of the office's own fields, by field id, checked against their types. */
  fields: [fieldId: string, value: TypedValue][];
}

export type Normalized =
  | { ok: true; contact: ImportedContact }
  /** `field`: the name of the office's field the reason is about (a required one left empty). */
  | { ok: false; reason: RejectReason; field?: string };

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

/** Targets from headers: an export's own, the office's fields by name, then the usual words. */
export function guessMapping(
  headers: readonly string[],
  fields: Iterable<ContactFieldDef> = [],
): ImportColumn[] {
  const exportHeaders = new Map(
    Object.entries(contactText.exportHeaders).map(([k, v]) => [foldText(v), k as ImportTarget]),
  );
  const byName = new Map([...fields].map((d) => [foldText(d.name).trim(), fieldTarget(d.id)]));
  return headers.map((h) => {
    const f = foldText(h).trim();
    const exact = exportHeaders.get(f);
    if (exact && (IMPORT_TARGETS as readonly string[]).includes(exact)) return exact;
    return byName.get(f) ?? HEADER_WORDS.find(([, re]) => re.test(f))?.[0] ?? 'skip';
  });
}

export const fieldTarget = (id: string): ImportColumn => `${FIELD_TARGET_PREFIX}${id}`;

/** A mapping's columns to fields the office no longer has become 'skip' (a layout remembered earlier). */
export function liveMapping(
  mapping: readonly ImportColumn[],
  fields: ReadonlyMap<string, ContactFieldDef>,
): ImportColumn[] {
  return mapping.map((t) =>
    isFieldTarget(t) && !fields.has(t.slice(FIELD_TARGET_PREFIX.length)) ? 'skip' : t,
  );
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
  mapping: readonly ImportColumn[],
  statusCodes: ReadonlyMap<string, string>,
  defaultSource: string | null,
  /** The office's today: a birth date after it is no living person's. */
  today: string,
  /** The office's own fields the mapping may name. */
  fieldDefs: ReadonlyMap<string, ContactFieldDef> = new Map(),
): Normalized {
  const one: Partial<Record<ImportTarget, string>> = {};
  const fields = new Map<string, TypedValue>();
  let badField = false;
  const phones: string[] = [];
  const statuses: string[] = [];
  const tags: string[] = [];
  mapping.forEach((target, i) => {
    const v = cell(values[i]);
    if (!v || target === 'skip') return;
    if (isFieldTarget(target)) {
      const def = fieldDefs.get(target.slice(FIELD_TARGET_PREFIX.length));
      const typed = def ? typedValue(def, v) : null;
      if (typed) fields.set(def!.id, typed);
      else badField = true;
    } else if (target === 'phone')
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
  if (badField) return { ok: false, reason: 'bad_field' };
  for (const def of fieldDefs.values())
    if (def.required && !fields.has(def.id)) return { ok: false, reason: 'missing_field', field: def.name };
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
      fields: [...fields],
    },
  };
}
