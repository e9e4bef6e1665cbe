/**
 * The checklists shipped with the app (resources/checklists/events.json): what each stage of an event
 * asks of the responsible person and the escort. Checked when this module loads, like the calendar.
 * The office's own editions override them per stage and kind (Settings → Чек-листы).
 */
import { z } from 'zod';
import shipped from '../../../resources/checklists/events.json' with { type: 'json' };
import {
  ANY_KIND,
  CHECKLIST_ASSIGNEES,
  EVENT_STAGES,
  type ChecklistItemTemplate,
  type EventStage,
} from './event';

export const ChecklistItemTemplateSchema = z.object({
  text: z.string().trim().min(1, { message: 'required' }).max(300),
  mandatory: z.boolean(),
  assignee: z.enum(CHECKLIST_ASSIGNEES),
  offsetDays: z.number().int().min(-365).max(365),
});

export const ChecklistTemplateSchema = z.object({
  stage: z.enum(EVENT_STAGES),
  /** An event kind's code, or `*` for every kind. */
  kind: z.string().trim().min(1).max(40),
  items: z.array(ChecklistItemTemplateSchema).max(40),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

const FileSchema = z.object({ source: z.string(), templates: z.array(ChecklistTemplateSchema) });

function load(raw: unknown): readonly ChecklistTemplate[] {
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`resources/checklists/events.json is invalid: ${parsed.error.issues[0]?.message}`);
  const seen = new Set<string>();
  for (const t of parsed.data.templates) {
    const key = `${t.stage}/${t.kind}`;
    if (seen.has(key)) throw new Error(`resources/checklists/events.json gives ${key} twice`);
    seen.add(key);
  }
  return parsed.data.templates;
}

export const SHIPPED_CHECKLISTS: readonly ChecklistTemplate[] = load(shipped);

/**
 * The checklist a stage opens for an event of a kind: the kind's own template if there is one,
 * else the one for every kind; the office's editions (`edited`) before the shipped ones.
 */
export function checklistFor(
  stage: EventStage,
  kind: string,
  edited: readonly ChecklistTemplate[],
): ChecklistItemTemplate[] {
  const pick = (list: readonly ChecklistTemplate[], k: string) =>
    list.find((t) => t.stage === stage && t.kind === k);
  const t =
    pick(edited, kind) ??
    pick(SHIPPED_CHECKLISTS, kind) ??
    pick(edited, ANY_KIND) ??
    pick(SHIPPED_CHECKLISTS, ANY_KIND);
  return t ? t.items.map((i) => ({ ...i })) : [];
}
