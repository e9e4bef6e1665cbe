import { z } from 'zod';
import { IdSchema } from './common';
import { method } from './define';

/** The registry's columns, in the order the registry shows them by default. */
export const REGISTRY_COLUMNS = [
  'regNumber',
  'registeredOn',
  'applicantName',
  'applicantPhone',
  'summary',
  'topics',
  'kind',
  'channel',
  'status',
  'responsibleName',
  'dueDate',
] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

/** A person's registry columns: the ones shown, in order, each with the width it was dragged to. */
export const RegistryColumnsSchema = z
  .array(
    z.object({
      key: z.enum(REGISTRY_COLUMNS),
      /** Pixels; absent: the column's own width. */
      width: z.number().int().min(40).max(900).optional(),
    }),
  )
  .min(1, { message: 'at least one column' })
  .max(REGISTRY_COLUMNS.length)
  .refine((cols) => new Set(cols.map((c) => c.key)).size === cols.length, {
    message: 'a column named twice',
  });
export type RegistryColumns = z.infer<typeof RegistryColumnsSchema>;

/** The office's own contact fields a person chose as columns of the contact list, in the fields' order. */
export const ContactFieldColumnsSchema = z
  .array(IdSchema)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'a field named twice' });

export const prefMethods = {
  'prefs.registryColumns': method({
    summary: 'My registry columns (null: the default set)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({ columns: RegistryColumnsSchema.nullable() }),
  }),
  'prefs.setRegistryColumns': method({
    summary: 'Keep my registry columns; null goes back to the default set',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ columns: RegistryColumnsSchema.nullable() }).strict(),
    output: z.object({ columns: RegistryColumnsSchema.nullable() }),
  }),
  'prefs.contactFieldColumns': method({
    summary: 'The office fields I show as columns of the contact list',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({ fieldIds: ContactFieldColumnsSchema }),
  }),
  'prefs.setContactFieldColumns': method({
    summary: 'Keep the office fields I show as columns of the contact list',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ fieldIds: ContactFieldColumnsSchema }).strict(),
    output: z.object({ fieldIds: ContactFieldColumnsSchema }),
  }),
} as const;
