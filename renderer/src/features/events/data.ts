import { useEffect, useState } from 'react';
import type { EventKind } from '../../../../shared/api/events';
import { call } from '../../api/client';

/** The kinds the office uses (hidden ones left out unless asked). */
export function useEventKinds(includeHidden = false): EventKind[] {
  const [kinds, setKinds] = useState<EventKind[]>([]);
  useEffect(() => {
    let live = true;
    call('events.kinds', { includeHidden }).then(
      (list) => live && setKinds(list),
      () => live && setKinds([]),
    );
    return () => {
      live = false;
    };
  }, [includeHidden]);
  return kinds;
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
