import { useState, type KeyboardEvent } from 'react';
import type { RegistryColumns } from '../../../../shared/api/prefs';
import { registryColumnsUi as t } from '../../../../shared/i18n/ru/registry-columns';
import { ui } from '../../i18n';
import { REGISTRY_COLUMNS } from './columns';

/** «Столбцы»: which of the registry's columns are shown, and in what order; kept for the person. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: RegistryColumns;
  onChange(cols: RegistryColumns | null): void;
}) {
  const [open, setOpen] = useState(false);
  const shown = new Set(columns.map((c) => c.key));
  const all = [...columns.map((c) => c.key), ...REGISTRY_COLUMNS.filter((k) => !shown.has(k))];

  const move = (i: number, by: -1 | 1): void => {
    const next = [...columns];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    onChange(next);
  };
  const toggle = (key: (typeof all)[number], on: boolean): void => {
    if (on) onChange([...columns, { key }]);
    else if (columns.length > 1) onChange(columns.filter((c) => c.key !== key));
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      document.getElementById('registry-columns-button')?.focus();
    }
  };

  return (
    <div className="columns-chooser">
      <button
        id="registry-columns-button"
        type="button"
        className="btn btn--small"
        aria-expanded={open}
        aria-controls="registry-columns"
        onClick={() => setOpen(!open)}
      >
        {t.button}
      </button>
      {open ? (
        <div
          id="registry-columns"
          className="columns-chooser__panel"
          role="dialog"
          aria-label={t.title}
          onKeyDown={onKeyDown}
        >
          <p className="muted columns-chooser__hint">{t.hint}</p>
          <ul>
            {all.map((key) => {
              const i = columns.findIndex((c) => c.key === key);
              const name = ui.registry.columns[key];
              return (
                <li key={key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={i >= 0}
                      disabled={i >= 0 && columns.length === 1}
                      onChange={(e) => toggle(key, e.target.checked)}
                    />{' '}
                    {name}
                  </label>
                  {i >= 0 ? (
                    <span className="columns-chooser__moves">
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={t.up(name)}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={t.down(name)}
                        disabled={i === columns.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <div className="actions">
            <button type="button" className="btn btn--small" onClick={() => onChange(null)}>
              {t.reset}
            </button>
            <button type="button" className="btn btn--small btn--primary" onClick={() => setOpen(false)}>
              {t.close}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
