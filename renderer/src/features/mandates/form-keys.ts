import type { FormEvent, KeyboardEvent } from 'react';

/** A form of the deputy's own work: Enter or Ctrl+Enter saves, Escape leaves; no browser validation. */
export function formKeys(save: () => Promise<void>, leave: () => void) {
  return {
    noValidate: true,
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      void save();
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' && e.ctrlKey) void save();
      if (e.key === 'Escape') leave();
    },
  };
}
