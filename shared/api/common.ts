import { z } from 'zod';

export const IsoDateSchema = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
export const InstantSchema = z.iso.datetime({ message: 'expected an ISO 8601 instant' });
export const IdSchema = z.uuid({ message: 'expected an id (UUID)' });

/** A trimmed string; an empty one means "not given". */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const RequiredText = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max);

/**
 * Codes of the thematic classifier: section.theme[.topic[.question[.subquestion]]], zero-padded to 4 digits.
 * The picker codes a question (4 parts) or a subquestion (5); shorter codes of older appeals stay valid.
 */
export const TopicCodeSchema = z.string().regex(/^\d{4}\.\d{4}(\.\d{4}(\.\d{4}(\.\d{4})?)?)?$/, {
  message: 'expected a classifier code like 0005.0005.0056.1149 or 0004.0015.0158.0965.0064',
});

/** A classifier code of any level, or a prefix of one: a section's `0005` up to a subquestion. */
export const ClassifierCodeSchema = z.string().regex(/^\d{4}(\.\d{4}){0,4}$/, {
  message: 'expected a classifier code or its prefix',
});

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/**
 * A list read a page at a time (Задачи, Запросы): a page size, and where the previous page ended (its
 * `nextCursor`, opaque); none for the first page.
 */
export const PageInput = {
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).nullable().optional(),
};

/** A page of such a list, how many rows the filter finds in all, and where the next page starts (null: last). */
export const pageOf = <Row extends z.ZodType>(row: Row) =>
  z.object({ rows: z.array(row), total: z.number().int(), nextCursor: z.string().nullable() });
