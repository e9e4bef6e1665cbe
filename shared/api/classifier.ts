import { z } from 'zod';
import { method } from './define';
import { ClassifierCodeSchema, Empty, InstantSchema, IsoDateSchema, RequiredText } from './common';
import { isBase64 } from './attachments';

export const CLASSIFIER_LEVELS = [1, 2, 3, 4, 5] as const;

/** One level above an entry, as its path shows it: раздел → тематика → тема (→ вопрос for a subquestion). */
export const ClassifierStepSchema = z.object({ code: z.string(), name: z.string() });

/** An entry of the classifier as the picker offers it: its name, where it sits, and how often the office used it. */
export const ClassifierHitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(5),
  path: z.array(ClassifierStepSchema),
  /** Appeals of the office coded with it. */
  uses: z.number().int(),
  /** The edition that withdrew the entry (offered only to a filter, for older appeals); null while in force. */
  withdrawn: z.string().nullable(),
});
export type ClassifierHit = z.infer<typeof ClassifierHitSchema>;

/** A code's name; `name` is null for a code that is not in the classifier (shown as it is, never dropped). */
export const ClassifierNameSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  level: z.number().int().nullable(),
  path: z.array(ClassifierStepSchema),
  /** The edition that withdrew the entry: the code stays on older appeals, marked; null while in force. */
  withdrawn: z.string().nullable(),
});
export type ClassifierName = z.infer<typeof ClassifierNameSchema>;

/** Who takes a new edition of the classifier and corrects the office's names. */
export const CLASSIFIER_EDITORS = ['admin', 'office_head'] as const;

/** An edition's file is some 400 KB as JSON; a quarter of a megabyte more than the largest seen is room enough. */
export const MAX_EDITION_BYTES = 1024 * 1024;

/** A file of an edition: the shipped JSON format, or a CSV (UTF-8 or Windows-1251) or XLSX with «Код» and «Наименование». */
export const EditionFileSchema = z.object({
  name: RequiredText(200),
  dataBase64: z
    .string()
    .min(1, { message: 'the file is empty' })
    .max(Math.ceil(MAX_EDITION_BYTES / 3) * 4, { message: 'the file is too large' })
    .refine(isBase64, { message: 'not base64' }),
});

const EntrySchema = z.object({ code: z.string(), name: z.string(), level: z.number().int() });

/** What importing an edition would change, entry by entry. */
export const EditionPreviewSchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'cp1251']).nullable(),
  /** Entries in the file. */
  entries: z.number().int(),
  unchanged: z.number().int(),
  /** Codes the classifier in force does not hold (new, or withdrawn earlier and back). */
  added: z.array(EntrySchema),
  /** The official name changes; `officeName` is the office's own name for it, which stays. */
  renamed: z.array(
    EntrySchema.omit({ name: true }).extend({
      from: z.string(),
      to: z.string(),
      officeName: z.string().nullable(),
    }),
  ),
  /** In force now and absent from the file; `appeals` of the office keep it. */
  withdrawn: z.array(EntrySchema.extend({ appeals: z.number().int() })),
  /** Names the office corrected whose official text this edition changes (the office's name is kept). */
  clashes: z.array(z.object({ code: z.string(), official: z.string(), officeName: z.string() })),
  /** Ties an apply to this preview: the classifier or the file changed since makes it refused. */
  digest: z.string(),
});
export type EditionPreview = z.infer<typeof EditionPreviewSchema>;

export const ClassifierEditionSchema = z.object({
  edition: IsoDateSchema,
  source: z.string(),
  importedAt: InstantSchema.nullable(),
  entries: z.number().int(),
  added: z.number().int(),
  renamed: z.number().int(),
  withdrawn: z.number().int(),
});
export type ClassifierEdition = z.infer<typeof ClassifierEditionSchema>;

export const NameCorrectionSchema = z.object({
  code: z.string(),
  level: z.number().int(),
  name: z.string(),
  official: z.string(),
  setAt: InstantSchema,
  withdrawn: z.string().nullable(),
});
export type NameCorrection = z.infer<typeof NameCorrectionSchema>;

/** A whole code of the classifier, of any level. */
const EntryCodeSchema = z.string().regex(/^\d{4}(\.\d{4}){0,4}$/, { message: 'expected a classifier code' });

export const classifierMethods = {
  'classifier.search': method({
    summary:
      'Entries of the thematic classifier matching words (any word form, ё = е) or a code, best first; ' +
      "the office's most used first when nothing is typed",
    access: 'signed_in',
    kind: 'read',
    input: z
      .object({
        q: z.string().max(200),
        /** `question`: what an appeal is coded with (levels 4–5); `any`: every level, for a filter. */
        scope: z.enum(['question', 'any']).default('question'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ items: z.array(ClassifierHitSchema) }),
  }),
  'classifier.names': method({
    summary: 'The names and paths of classifier codes (of any level), in the order asked',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ codes: z.array(ClassifierCodeSchema).max(500) }).strict(),
    output: z.object({ entries: z.array(ClassifierNameSchema) }),
  }),
  'classifier.editions': method({
    summary: "The classifier's editions taken by the office, newest first, and the office's own names",
    access: CLASSIFIER_EDITORS,
    kind: 'read',
    input: Empty,
    output: z.object({
      editions: z.array(ClassifierEditionSchema),
      corrections: z.array(NameCorrectionSchema),
    }),
  }),
  'classifier.previewEdition': method({
    summary:
      'What a newer edition of the classifier would add, rename and withdraw; the file is checked whole',
    access: CLASSIFIER_EDITORS,
    kind: 'read',
    input: z.object({ file: EditionFileSchema }).strict(),
    output: EditionPreviewSchema,
  }),
  'classifier.applyEdition': method({
    summary:
      'Take a newer edition as previewed: withdrawn codes stay on older appeals and are no longer offered; ' +
      "the office's own names stay",
    access: CLASSIFIER_EDITORS,
    kind: 'write',
    input: z
      .object({
        file: EditionFileSchema,
        /** The date the edition is as of; later than every edition taken. */
        edition: IsoDateSchema,
        digest: z.string().min(1).max(100),
      })
      .strict(),
    output: ClassifierEditionSchema,
  }),
  'classifier.rename': method({
    summary: "The office's own name for an entry (null: the official name again)",
    access: CLASSIFIER_EDITORS,
    kind: 'write',
    input: z.object({ code: EntryCodeSchema, name: RequiredText(500).nullable() }).strict(),
    output: ClassifierNameSchema,
  }),
} as const;
