import type { Kysely } from 'kysely';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments';
import type { HqDB } from '../store';
import { forgetCached } from './cache';
import { RECEPTION_FILE_TYPES } from './uploads';

/**
 * The web reception's settings, kept in HQ's `hq_meta` under one key as JSON: the consent's wording and
 * version, the sizes, the limits. What is not set has the default; `npm run hq -- reception-settings`
 * changes them.
 */
export const WebSettingsSchema = z
  .object({
    /** The 152-FZ consent the citizen ticks, recorded with each application with its version. */
    consentText: z.string().min(20).max(5000),
    consentVersion: z.string().min(1).max(40),
    maxTextChars: z.number().int().min(100).max(100_000),
    /** Minutes a code is valid; tries before the application is locked. */
    codeMinutes: z.number().int().min(1).max(60),
    codeTries: z.number().int().min(1).max(10),
    /** Submissions an hour: from one network address, to one e-mail or phone. */
    perIpHour: z.number().int().min(1).max(100_000),
    perContactHour: z.number().int().min(1).max(1000),
    /** Code checks from one address per ten minutes; status lookups from one address a minute. */
    confirmsPerIp10min: z.number().int().min(1).max(100_000),
    statusPerIpMinute: z.number().int().min(1).max(100_000),
    /** Seconds a human needs at least to fill the form; hours a rendered form stays good. */
    minFillSeconds: z.number().int().min(0).max(600),
    formHours: z.number().int().min(1).max(72),
    /** Days within which a similar application of the same person is flagged as repeated. */
    repeatDays: z.number().int().min(1).max(365),
    /** Hours an unconfirmed application is kept before it is swept. */
    unconfirmedHours: z.number().int().min(1).max(72),
    /** Files a citizen may attach: how many, each and all together at most (bytes), of which types. */
    maxFiles: z.number().int().min(0).max(20),
    maxFileBytes: z.number().int().min(1024).max(MAX_ATTACHMENT_BYTES),
    maxTotalBytes: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024),
    fileTypes: z.array(z.enum(RECEPTION_FILE_TYPES)).max(RECEPTION_FILE_TYPES.length),
  })
  .strict();
export type WebSettings = z.infer<typeof WebSettingsSchema>;

export const DEFAULT_WEB_SETTINGS: WebSettings = {
  consentText:
    'Я даю согласие на обработку моих персональных данных, указанных в обращении, в целях его ' +
    'рассмотрения и направления ответа в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ ' +
    '«О персональных данных» и Федеральным законом от 02.05.2006 № 59-ФЗ.',
  consentVersion: '1',
  maxTextChars: 10_000,
  codeMinutes: 15,
  codeTries: 5,
  perIpHour: 20,
  perContactHour: 5,
  confirmsPerIp10min: 50,
  statusPerIpMinute: 30,
  minFillSeconds: 3,
  formHours: 12,
  repeatDays: 30,
  unconfirmedHours: 24,
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  fileTypes: ['pdf', 'jpeg', 'png', 'docx', 'odt', 'txt'],
};

const KEY = 'web_reception_settings';

/** Built once: building a schema is far dearer than parsing with it. */
const PartialSettings = WebSettingsSchema.partial();

export async function readWebSettings(db: Kysely<HqDB>): Promise<WebSettings> {
  const row = await db.selectFrom('hq_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_WEB_SETTINGS;
  return { ...DEFAULT_WEB_SETTINGS, ...PartialSettings.parse(JSON.parse(row.value)) };
}

/** Changes some settings; a bad value is refused naming the setting, and nothing changes. */
export async function changeWebSettings(db: Kysely<HqDB>, change: unknown): Promise<WebSettings> {
  const parsed = PartialSettings.safeParse(change);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(settings)'}: ${issue.message}`);
  }
  const next = { ...(await readWebSettings(db)), ...parsed.data };
  await db
    .insertInto('hq_meta')
    .values({ key: KEY, value: JSON.stringify(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
    .execute();
  forgetCached(db);
  return next;
}
