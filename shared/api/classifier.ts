import { z } from 'zod';
import { method } from './define';
import { ClassifierCodeSchema } from './common';

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
});
export type ClassifierHit = z.infer<typeof ClassifierHitSchema>;

/** A code's name; `name` is null for a code that is not in the classifier (shown as it is, never dropped). */
export const ClassifierNameSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  level: z.number().int().nullable(),
  path: z.array(ClassifierStepSchema),
});
export type ClassifierName = z.infer<typeof ClassifierNameSchema>;

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
} as const;
