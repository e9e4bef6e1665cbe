import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema, RequiredText, Text } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';
import {
  ImportJobSchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  ImportSourceSchema,
  ImportSummarySchema,
  MAX_IMPORT_BYTES,
} from './contact-import';
import { ConsentPurposeSchema, ContactCardSchema } from './contact-card';
import { ContactFilterSchema, Label } from './contact-filter';
import {
  contactFieldMethods,
  ContactEmailInputSchema,
  ContactSocialInputSchema,
  FieldValueInputSchema,
} from './contact-fields';

/** A person as an appeal's card and the registration form's lookup show them. */
export const ContactSummarySchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  socialCategory: z.string().nullable(),
});
export type ContactSummary = z.infer<typeof ContactSummarySchema>;

export * from './contact-card';
export * from './contact-import';
export * from './contact-fields';
export * from './contact-filter';

/** Who keeps the contact base; the deputy reads it, the HQ analyst sees counts only through reports. */
const BASE_READERS = [...DESK, ...DEPUTY] as const;

/** Statuses an office starts with; the list is editable (Settings → Контакты). */
export const DEFAULT_CONTACT_STATUSES = [
  'house_head',
  'hoa_chair',
  'supporter',
  'party_member',
  'volunteer',
  'volunteer_candidate',
] as const;

/** Purposes a consent is given for (152-FZ Art. 9); outreach needs one, the office's own records do not. */

/** Why contacts are exported: outreach needs consent; the office's own records (Art. 6 p.1.2) do not. */
export const EXPORT_PURPOSES = ['outreach', 'records'] as const;

const EmailSchema = z
  .string()
  .trim()
  .max(200)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'not an e-mail address' })
  .transform((s) => (s === '' ? null : s))
  .nullable();

/** The card's editable fields. A field left out is left as it is. */
export const ContactFieldsSchema = z.object({
  lastName: Text(100).optional(),
  firstName: Text(100).optional(),
  middleName: Text(100).optional(),
  /** Phones as typed; each is kept as written and normalised to E.164. */
  phones: z.array(z.string().trim().min(1).max(50)).max(10).optional(),
  /** The first e-mail; `emails`, when given, replaces them all. */
  email: EmailSchema.optional(),
  /** Every e-mail, in order; the first is the one letters go to. */
  emails: z.array(ContactEmailInputSchema).max(10).optional(),
  /** Social-network links, replacing the ones kept. */
  socials: z.array(ContactSocialInputSchema).max(10).optional(),
  /** Values of the office's own fields by field id; null clears one, a field left out stays. */
  fieldValues: z.record(z.string(), FieldValueInputSchema).optional(),
  address: Text(400).optional(),
  region: Text(200).optional(),
  district: Text(200).optional(),
  settlement: Text(200).optional(),
  street: Text(200).optional(),
  house: Text(30).optional(),
  flat: Text(30).optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  socialCategory: Text(100).optional(),
  statuses: z.array(Label).max(20).optional(),
  tags: z.array(Label).max(50).optional(),
  source: Text(200).optional(),
  comment: Text(4000).optional(),
});
export type ContactFields = z.infer<typeof ContactFieldsSchema>;

export const ContactRowSchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  statuses: z.array(z.string()),
  tags: z.array(z.string()),
  source: z.string().nullable(),
  /** Values of the office's fields the list asked for (`fieldIds`), by field id; a field without one is left out. */
  fieldValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ContactRow = z.infer<typeof ContactRowSchema>;

/** Fields a person chooses between when merging two cards. */
export const MERGE_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'email',
  'address',
  'birthDate',
  'socialCategory',
  'source',
  'comment',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const DuplicatePairSchema = z.object({
  a: ContactCardSchema.omit({ timeline: true, consents: true, household: true }),
  b: ContactCardSchema.omit({ timeline: true, consents: true, household: true }),
  matchedBy: z.enum(['phone', 'email', 'name_address']),
});
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;

export const SegmentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  filter: ContactFilterSchema,
  updatedAt: InstantSchema,
});
export type Segment = z.infer<typeof SegmentSchema>;

const ExportInput = z.object({
  filter: ContactFilterSchema.optional(),
  segmentId: IdSchema.optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  encoding: z.enum(['cp1251', 'utf-8']).default('cp1251'),
  purpose: z.enum(EXPORT_PURPOSES),
  /** For outreach: which consent the people must have given. */
  consentPurpose: ConsentPurposeSchema.default('mailing'),
  /** Write the file here instead of returning it (the command line only: a base of millions). */
  toPath: z.string().min(1).max(4000).optional(),
});

export const contactMethods = {
  ...contactFieldMethods,
  'contacts.list': method({
    summary: 'A page of the contact base by a filter, sorted by name',
    access: BASE_READERS,
    kind: 'read',
    input: z.object({
      filter: ContactFilterSchema.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** The office's fields shown as columns: each row brings its values of them. */
      fieldIds: z.array(IdSchema).max(50).default([]),
    }),
    output: z.object({ rows: z.array(ContactRowSchema), total: z.number().int() }),
  }),
  'contacts.count': method({
    summary: 'How many contacts a filter selects',
    access: BASE_READERS,
    kind: 'read',
    input: z.object({ filter: ContactFilterSchema.default({}) }),
    output: z.object({ count: z.number().int() }),
  }),
  'contacts.get': method({
    summary: 'The contact card with its consents and timeline (the read is logged)',
    access: BASE_READERS,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: ContactCardSchema,
  }),
  'contacts.create': method({
    summary: 'A new contact',
    access: DESK,
    kind: 'write',
    input: ContactFieldsSchema,
    output: ContactCardSchema,
  }),
  'contacts.update': method({
    summary: 'Change a contact; fields left out stay as they are',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, fields: ContactFieldsSchema }),
    output: ContactCardSchema,
  }),
  'contacts.addNote': method({
    summary: 'A note on the contact’s timeline',
    access: BASE_READERS,
    kind: 'write',
    input: z.object({ id: IdSchema, text: RequiredText(4000) }),
    output: ContactCardSchema,
  }),
  'contacts.giveConsent': method({
    summary: 'Record a consent the person gave (purpose, wording version)',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, purpose: ConsentPurposeSchema, wordingVersion: RequiredText(60) }),
    output: ContactCardSchema,
  }),
  'contacts.withdrawConsent': method({
    summary: 'Record that the person withdrew a consent; it stops counting at once',
    access: DESK,
    kind: 'write',
    input: z.object({ consentId: IdSchema }),
    output: ContactCardSchema,
  }),
  'contacts.statuses': method({
    summary: 'The office’s list of contact statuses',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  'contacts.saveStatuses': method({
    summary: 'Replace the office’s list of contact statuses',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({
      statuses: z.array(z.object({ code: Label, name: RequiredText(100) })).max(50),
    }),
    output: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  'contacts.duplicates': method({
    summary: 'Pairs of contacts that look like one person: same phone, e-mail, or name and address',
    access: DESK,
    kind: 'read',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(DuplicatePairSchema),
  }),
  'contacts.merge': method({
    summary: 'Merge one contact into another, choosing each field; recorded and reversible',
    access: DESK,
    kind: 'write',
    input: z.object({
      keepId: IdSchema,
      mergeId: IdSchema,
      /** Fields whose value is taken from the merged contact; the rest keep the kept one's value. */
      take: z.array(z.enum(MERGE_FIELDS)).default([]),
    }),
    output: z.object({ mergeId: IdSchema, contact: ContactCardSchema }),
  }),
  'contacts.undoMerge': method({
    summary: 'Undo a merge: both contacts as they were, with their phones, labels, consents and appeals',
    access: DESK,
    kind: 'write',
    input: z.object({ mergeId: IdSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'contacts.settings': method({
    summary: 'Contact base settings',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: z.object({ autoMergePhone: z.boolean() }),
  }),
  'contacts.updateSettings': method({
    summary: 'Turn automatic merging of exact phone matches on or off',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ autoMergePhone: z.boolean() }),
    output: z.object({ autoMergePhone: z.boolean() }),
  }),
  'contacts.autoMerge': method({
    summary: 'Merge every pair with the same phone, when the office has turned this on',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({}),
    output: z.object({ merged: z.number().int() }),
  }),
  'contacts.upload': method({
    summary: 'Upload a CSV or XLSX file for import',
    access: DESK,
    kind: 'write',
    input: z.object({
      name: RequiredText(200),
      dataBase64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { message: 'the file is too large' }),
    }),
    output: z.object({ uploadId: IdSchema }),
  }),
  'contacts.importPreview': method({
    summary: 'What the file holds: encoding, delimiter, headers, mapping, and the first rows normalised',
    access: DESK,
    kind: 'read',
    input: z.object({ source: ImportSourceSchema, options: ImportOptionsSchema.prefault({}) }),
    output: ImportPreviewSchema,
  }),
  'contacts.import': method({
    summary:
      'Import contacts (or a dry run): every row is created, merged, unchanged or skipped with a reason',
    access: DESK,
    kind: 'write',
    input: z.object({
      source: ImportSourceSchema,
      options: ImportOptionsSchema.prefault({}),
      dryRun: z.boolean().default(false),
    }),
    output: ImportSummarySchema,
  }),
  'contacts.importStart': method({
    summary: 'Start an import in the background; its progress is read with contacts.importStatus',
    access: DESK,
    kind: 'write',
    input: z.object({ source: ImportSourceSchema, options: ImportOptionsSchema.prefault({}) }),
    output: z.object({ jobId: IdSchema }),
  }),
  'contacts.importStatus': method({
    summary: 'How far a background import is, and its summary once it has ended',
    access: DESK,
    kind: 'read',
    input: z.object({ jobId: IdSchema }),
    output: ImportJobSchema,
  }),
  'contacts.importCancel': method({
    summary: 'Cancel a background import: the batch under way is not written, earlier ones stay',
    access: DESK,
    kind: 'write',
    input: z.object({ jobId: IdSchema }),
    output: ImportJobSchema,
  }),
  'segments.list': method({
    summary: 'Saved segments with their current counts',
    access: BASE_READERS,
    kind: 'read',
    input: z.object({}),
    output: z.array(SegmentSchema.extend({ count: z.number().int() })),
  }),
  'segments.save': method({
    summary: 'Save a segment (a new one without id)',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema.optional(), name: RequiredText(200), filter: ContactFilterSchema }),
    output: SegmentSchema,
  }),
  'segments.delete': method({
    summary: 'Delete a saved segment',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'contacts.export': method({
    summary: 'Export a segment or the whole base to one CSV or XLSX file; the purpose is logged',
    access: DESK,
    kind: 'write',
    input: ExportInput,
    output: z.object({
      name: z.string(),
      mime: z.string(),
      count: z.number().int(),
      /** The file, unless it was written to `toPath`. */
      dataBase64: z.string().nullable(),
    }),
  }),
  'contacts.personalData': method({
    summary: 'Everything kept about one person, for a request under 152-FZ (the export is logged)',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: z.object({ name: z.string(), json: z.string() }),
  }),
  'contacts.erase': method({
    summary: 'Erase a person’s data on request: the contact is anonymised, the appeals are kept',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
} as const;
