import type { ReceptionDay } from '../../../../shared/api/reception';

/** What the arrows select: a slot of a day, or a walk-in of its queue. */
export interface Selection {
  dayId: string;
  /** The slot's time; null for a walk-in of the queue. */
  time: string | null;
  /** A walk-in of the queue. */
  bookingId?: string;
}

export const selectionKey = (s: Selection): string => `${s.dayId} ${s.time ?? `q${s.bookingId ?? ''}`}`;

/** A day's places in keyboard order: its slots, then its queue. */
function placesOf(day: ReceptionDay): Selection[] {
  return [
    ...day.slots.map((s) => ({ dayId: day.id, time: s.time })),
    ...day.queue.map((b) => ({ dayId: day.id, time: null, bookingId: b.id })),
  ];
}

const clamp = (n: number, length: number): number => Math.min(length - 1, Math.max(0, n));

/**
 * Where an arrow key goes from the selection: ↑/↓ within the day (its slots, then its queue), ←/→ to the
 * same row of the day beside. With nothing selected, the first day's first place.
 */
export function step(days: readonly ReceptionDay[], sel: Selection | null, key: string): Selection | null {
  const open = days.map(placesOf).filter((p) => p.length > 0);
  if (open.length === 0) return null;
  const di = Math.max(
    0,
    open.findIndex((p) => p[0]!.dayId === sel?.dayId),
  );
  const places = open[di]!;
  const at = sel ? places.findIndex((p) => selectionKey(p) === selectionKey(sel)) : -1;
  if (at < 0) return places[0]!;
  if (key === 'ArrowDown' || key === 'ArrowUp')
    return places[clamp(at + (key === 'ArrowDown' ? 1 : -1), places.length)]!;
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return places[at]!;
  const beside = open[clamp(di + (key === 'ArrowRight' ? 1 : -1), open.length)]!;
  return beside[clamp(at, beside.length)]!;
}
