import { useEffect } from 'react';
import { mayCall } from '../api/access';
import { useStore } from '../store';
import { mayOpen, SECTIONS } from './nav-slice';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The desk's global keys. Views handle their own keys first and call preventDefault when a key meant
 * something there (Escape closing a suggestion list), so this listener only sees what is left.
 */
export function useDeskShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const s = useStore.getState();
      const key = e.key.toLowerCase();
      // Browsers keep Ctrl+N for a new window; Alt+N works everywhere, Ctrl+N in the desktop app.
      if ((e.altKey || e.ctrlKey) && !e.shiftKey && (e.code === 'KeyN' || key === 'n' || key === 'т')) {
        e.preventDefault();
        if (mayCall(s.user?.role, 'appeals.register')) s.go({ view: 'register' });
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.shiftKey && (e.code === 'KeyH' || key === 'h' || key === 'р')) {
        e.preventDefault();
        s.go({ view: 'home' });
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.shiftKey && (e.code === 'KeyB' || key === 'b' || key === 'и')) {
        e.preventDefault();
        s.go({ view: 'inbox' });
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyM') {
        e.preventDefault();
        if (mayCall(s.user?.role, 'mail.intake')) s.go({ view: 'mail' });
        return;
      }
      if ((e.ctrlKey && (e.code === 'KeyF' || key === 'f')) || (e.key === '/' && !isTyping(e.target))) {
        e.preventDefault();
        if (s.route.view !== 'appeals') s.go({ view: 'appeals' });
        s.requestSearchFocus();
        return;
      }
      if (e.altKey && !e.ctrlKey && /^Digit[0-9]$/.test(e.code)) {
        e.preventDefault();
        const section = SECTIONS[Number(e.code.slice(5))];
        if (section && mayOpen(s.user?.role, section)) s.go({ view: section });
        return;
      }
      if (e.key === 'Escape' && s.route.view !== 'appeals') {
        e.preventDefault();
        s.back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
