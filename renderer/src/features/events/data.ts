import type { EventKind } from '../../../../shared/api/events';
import { useCall } from '../../api/use-call';

const NO_KINDS: EventKind[] = [];

/** The kinds the office uses (hidden ones left out unless asked); none while they load or if they fail. */
export function useEventKinds(includeHidden = false): EventKind[] {
  const kinds = useCall('events.kinds', { includeHidden });
  return kinds.error ? NO_KINDS : (kinds.data ?? NO_KINDS);
}

/** `YYYY-MM-DD` arithmetic in UTC, where a calendar date has no time zone to slip through. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week the date is in. */
export function weekStart(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}
