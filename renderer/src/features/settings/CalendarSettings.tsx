import { useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import type { CalendarYear } from '../../../../shared/domain/calendar';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check, Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, ui, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { CalendarGrid } from './CalendarGrid';
import { sameYear, toggleDay } from './calendar-days';
import './calendar.css';

type Entry = Output<'calendar.list'>[number];
type Notice = { ok: boolean; text: string };

const editionOf = ({ editedByOffice: _edited, ...year }: Entry): CalendarYear => year;

function without<T>(map: Record<number, T>, key: number): Record<number, T> {
  const { [key]: _gone, ...rest } = map;
  return rest;
}

function statusOf(e: Entry): { kind: 'edited' | 'provisional' | 'decree'; text: string } {
  const c = ui.settings.calendar;
  if (e.editedByOffice)
    return {
      kind: 'edited',
      text: e.provisional ? `${c.statusEdited}; ${c.statusProvisional}` : c.statusEdited,
    };
  return e.provisional
    ? { kind: 'provisional', text: c.statusProvisional }
    : { kind: 'decree', text: c.statusDecree };
}

/**
 * The production calendar the office's due dates are computed by: a year from the list (shipped with the
 * decree, provisional, or the office's own edition), its days toggled in the grid, saved as the office's edition.
 * Unsaved edits are kept per year, so looking at another year loses nothing.
 */
export function CalendarSettings({ editable }: { editable: boolean }) {
  const c = ui.settings.calendar;
  const timeZone = useStore((s) => s.office?.timeZone ?? 'Europe/Moscow');
  const listed = useCall('calendar.list', {});
  const entries = listed.data ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, CalendarYear>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setNotice] = useState<Notice | null>(null);
  const notice = saved ?? (listed.error ? { ok: false, text: errorText(listed.error) } : null);
  const [busy, setBusy] = useState(false);

  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const entry =
    entries?.find((e) => e.year === (chosen ?? thisYear)) ?? entries?.findLast((e) => !e.provisional);

  if (!entries || !entry)
    return (
      <section className="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{c.title}</h2>
        {notice ? (
          <p className="banner banner--error">{notice.text}</p>
        ) : (
          <p className="muted">{ui.loading}</p>
        )}
      </section>
    );

  const original = editionOf(entry);
  const current = drafts[entry.year] ?? original;
  const dirty = drafts[entry.year] !== undefined;

  function change(next: CalendarYear): void {
    setDrafts((d) => (sameYear(next, original) ? without(d, next.year) : { ...d, [next.year]: next }));
    setNotice(null);
  }

  function choose(year: number): void {
    setChosen(year);
    setErrors({});
    setNotice(null);
  }

  async function save(): Promise<void> {
    if (!editable || busy || !dirty) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const { notes, ...rest } = current;
      await call('calendar.putYear', notes?.trim() ? { ...rest, notes } : rest);
      // The list as saved before the draft goes, so the grid does not show the old edition in between.
      listed.setData(await call('calendar.list', {}));
      setDrafts((d) => without(d, current.year));
      setNotice({ ok: true, text: c.saved(current.year) });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{c.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (editable && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <fieldset className="cal-years">
          <legend>{c.years}</legend>
          {entries.map((e) => {
            const status = statusOf(e);
            return (
              <div key={e.year} className={`cal-year${e.year === entry.year ? ' cal-year--chosen' : ''}`}>
                <label>
                  <input
                    type="radio"
                    name="calendar-year"
                    value={e.year}
                    checked={e.year === entry.year}
                    aria-describedby={`calendar-source-${e.year}`}
                    onChange={() => choose(e.year)}
                  />
                  <span className="cal-year__num">{e.year}</span>
                  <span className={`cal-year__status cal-year__status--${status.kind}`}>{status.text}</span>
                  {drafts[e.year] ? <span className="cal-year__unsaved">{c.unsaved}</span> : null}
                </label>
                {/* Outside the label: the source is the radio's description, not its name. */}
                <span id={`calendar-source-${e.year}`} className="cal-year__source" title={e.source}>
                  {e.source}
                </span>
              </div>
            );
          })}
        </fieldset>

        <p className="banner banner--info">{c.effect}</p>
        <p className="muted">{editable ? c.howTo : c.readOnly}</p>

        <CalendarGrid
          cal={current}
          editable={editable}
          onToggle={(date) => change(toggleDay(current, date))}
        />

        <div className="grid2 cal-fields">
          <Field id="cal-source" label={c.source} hint={editable ? c.sourceHint : null} error={errors.source}>
            {(a) => (
              <textarea
                id="cal-source"
                {...a}
                rows={3}
                readOnly={!editable}
                value={current.source}
                onChange={(e) => change({ ...current, source: e.target.value })}
              />
            )}
          </Field>
          <Field id="cal-notes" label={c.notes} error={errors.notes}>
            {(a) => (
              <textarea
                id="cal-notes"
                {...a}
                rows={3}
                readOnly={!editable}
                value={current.notes ?? ''}
                onChange={(e) => change({ ...current, notes: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Check
          id="cal-provisional"
          label={c.provisional}
          checked={current.provisional}
          disabled={!editable}
          onChange={(provisional) => change({ ...current, provisional })}
        />

        <div className="live" aria-live="polite">
          {notice ? (
            <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p>
          ) : null}
        </div>
        {/* Shown only with something to save: the office form above has its own «Сохранить». */}
        {editable && dirty ? (
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? ui.saving : ui.save} <Kbd>Ctrl+Enter</Kbd>
            </button>
            <button type="button" className="btn" onClick={() => change(original)}>
              {c.reset}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
