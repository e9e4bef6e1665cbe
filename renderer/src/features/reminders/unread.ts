import { useEffect } from 'react';
import { create } from 'zustand';
import { call } from '../../api/client';
import { onTouched } from '../../api/invalidation';

/**
 * The bell's count, refreshed every minute (the scheduler's pace), after a screen change, after a write
 * (one may close what a reminder was about), and on demand.
 */
export const useUnread = create<{ unread: number; refresh(): Promise<void> }>()((set) => ({
  unread: 0,
  async refresh() {
    try {
      set({ unread: (await call('reminders.unread', {})).unread });
    } catch {
      // The count is a hint: a failed refresh keeps the last one, and the next minute tries again.
    }
  },
}));

export const UNREAD_REFRESH_MS = 60_000;

export function useUnreadPolling(dependency: unknown): void {
  useEffect(() => {
    void useUnread.getState().refresh();
  }, [dependency]);
  useEffect(() => {
    const timer = setInterval(() => void useUnread.getState().refresh(), UNREAD_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => onTouched('reminders.unread', () => void useUnread.getState().refresh()), []);
}
