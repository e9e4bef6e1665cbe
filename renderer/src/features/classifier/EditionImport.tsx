import { useState, type ReactNode } from 'react';
import type { EditionPreview } from '../../../../shared/api/classifier';
import { CLASSIFIER_LEVEL_NAMES } from '../../../../shared/i18n/ru/classifier';
import { editionText as t } from '../../../../shared/i18n/ru/classifier-editions';
import { call, isCallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { errorText, formatDate, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { readAsBase64 } from '../attachments/files';

/** Rows of each list shown; the rest are counted. */
const SHOWN = 50;

type File64 = { name: string; dataBase64: string };
type Notice = { ok: boolean; text: string };

interface Problem {
  problem: string;
  line: number | null;
  column: string | null;
  value: string | null;
  other?: number;
}

/** A refused file in words: the row and column, then what is wrong there. */
function problemText(e: unknown): string {
  const d = isCallError(e) ? (e.details as Problem | undefined) : undefined;
  if (!d || typeof d !== 'object' || !t.problem[d.problem]) return errorText(e);
  const where = t.where(d.line, d.column);
  const what = [t.problem[d.problem], d.other ? t.alsoIn(d.other) : null, d.value ? `«${d.value}»` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${what}` : what;
}

function List<T>(props: {
  title: string;
  rows: readonly T[];
  head: readonly string[];
  row: (r: T) => ReactNode[];
  code: (r: T) => string;
  kind: string;
}) {
  if (props.rows.length === 0) return null;
  return (
    <section className="edition__list" data-list={props.kind}>
      <h4>{props.title}</h4>
      <table className="table">
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.slice(0, SHOWN).map((r) => (
            <tr key={props.code(r)} data-code={props.code(r)}>
              {props.row(r).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length > SHOWN ? <p className="muted">{t.more(props.rows.length - SHOWN)}</p> : null}
    </section>
  );
}

const level = (n: number): string => CLASSIFIER_LEVEL_NAMES[n] ?? String(n);

function PreviewLists({ p }: { p: EditionPreview }) {
  const c = t.columns;
  return (
    <>
      <List
        kind="added"
        title={t.added(p.added.length)}
        rows={p.added}
        head={[c.code, c.level, c.name]}
        code={(r) => r.code}
        row={(r) => [r.code, level(r.level), r.name]}
      />
      <List
        kind="renamed"
        title={t.renamed(p.renamed.length)}
        rows={p.renamed}
        head={[c.code, c.from, c.to]}
        code={(r) => r.code}
        row={(r) => [r.code, r.from, r.to]}
      />
      <List
        kind="withdrawn"
        title={t.withdrawn(p.withdrawn.length)}
        rows={p.withdrawn}
        head={[c.code, c.name, c.appeals]}
        code={(r) => r.code}
        row={(r) => [r.code, r.name, r.appeals]}
      />
      {p.clashes.length > 0 ? <p className="muted">{t.clashesNote}</p> : null}
      <List
        kind="clashes"
        title={t.clashes(p.clashes.length)}
        rows={p.clashes}
        head={[c.code, c.office, c.official]}
        code={(r) => r.code}
        row={(r) => [r.code, r.officeName, r.official]}
      />
    </>
  );
}

/** A newer edition: the file, what it changes, and taking it as previewed. */
export function EditionImport() {
  const timeZone = useStore((s) => s.office?.timeZone);
  const [file, setFile] = useState<File64 | null>(null);
  const [preview, setPreview] = useState<EditionPreview | null>(null);
  const [edition, setEdition] = useState<string | null>(() => (timeZone ? todayIn(timeZone) : ''));
  const [busy, setBusy] = useState<'read' | 'apply' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const reset = (): void => {
    setFile(null);
    setPreview(null);
    setInputKey((k) => k + 1);
  };

  const choose = async (picked: globalThis.File | undefined): Promise<void> => {
    setPreview(null);
    setNotice(null);
    if (!picked) return;
    setBusy('read');
    try {
      const f = { name: picked.name, dataBase64: await readAsBase64(picked) };
      setFile(f);
      setPreview(await call('classifier.previewEdition', { file: f }));
    } catch (e) {
      setFile(null);
      setNotice({ ok: false, text: problemText(e) });
    } finally {
      setBusy(null);
    }
  };

  const apply = async (): Promise<void> => {
    if (!file || !preview || busy) return;
    if (!edition) {
      setNotice({ ok: false, text: t.needDate });
      return;
    }
    setBusy('apply');
    setNotice(null);
    try {
      const r = await call('classifier.applyEdition', { file, edition, digest: preview.digest });
      reset();
      setNotice({ ok: true, text: t.applied(formatDate(r.edition), r.added, r.renamed, r.withdrawn) });
    } catch (e) {
      setNotice({ ok: false, text: problemText(e) });
    } finally {
      setBusy(null);
    }
  };

  const changes = preview ? preview.added.length + preview.renamed.length + preview.withdrawn.length : 0;
  return (
    <div className="edition">
      <Field id="edition-file" label={t.fileLabel} hint={busy === 'read' ? t.reading : null}>
        {(a) => (
          <input
            key={inputKey}
            id="edition-file"
            type="file"
            accept=".json,.csv,.xlsx,application/json,text/csv"
            disabled={busy !== null}
            onChange={(e) => void choose(e.target.files?.[0])}
            {...a}
          />
        )}
      </Field>
      <div className="live" aria-live="polite">
        {notice ? (
          <p className={`banner ${notice.ok ? 'banner--success' : 'banner--error'}`}>{notice.text}</p>
        ) : null}
      </div>
      {preview ? (
        <div className="edition__preview" data-testid="edition-preview">
          <p>
            {t.summary(preview.entries, preview.unchanged)} {t.read[preview.format]}
            {preview.encoding ? `, ${t.encoding[preview.encoding]}` : ''}.
          </p>
          {changes === 0 ? <p className="muted">{t.nothingChanges}</p> : <PreviewLists p={preview} />}
          <div className="edition__apply">
            <Field id="edition-date" label={t.editionLabel} hint={t.editionHint}>
              {(a) => <DateInput id="edition-date" value={edition} onChange={setEdition} {...a} />}
            </Field>
            <div className="actions">
              <button
                type="button"
                className="btn btn--primary"
                disabled={busy !== null}
                onClick={() => void apply()}
              >
                {busy === 'apply' ? t.applying : t.apply}
              </button>
              <button type="button" className="btn" disabled={busy !== null} onClick={reset}>
                {t.cancel}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
