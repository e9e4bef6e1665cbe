import type { Campaign } from '../../../../shared/api/campaigns';

/**
 * The funnel's lines matched to the stages it had: a line naming a stage keeps it (moved up or down); a
 * line whose name is new takes the place of the stage that stood on it, if that stage's name is gone (a
 * rename); any other line is a new stage. Stages no line keeps are removed (the server refuses it for a
 * stage with contacts).
 */
export function stagesFromLines(lines: readonly string[], old: Campaign['stages']) {
  const byName = new Map(old.map((s) => [s.name, s.id]));
  const kept = new Set(lines.flatMap((l) => (byName.has(l) ? [byName.get(l)!] : [])));
  return lines.map((name, i) => {
    const same = byName.get(name);
    if (same) return { id: same, name };
    const there = old[i];
    if (there && !kept.has(there.id) && !lines.includes(there.name)) {
      kept.add(there.id);
      return { id: there.id, name };
    }
    return { name };
  });
}
