import { useState } from 'react';
import {
  IMPORT_TARGETS,
  MAX_IMPORT_BYTES,
  type ImportJob,
  type ImportOptions,
  type ImportPreview,
  type ImportSummary,
  type ImportColumn,
} from '../../../../shared/api/contacts';
import { useCall } from '../../api/use-call';
import { wrote } from '../../api/invalidation';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { contactText } from '../../../../shared/i18n/ru/contacts';
import { contactsText, errorText, formatDate } from '../../i18n';
import { readAsBase64, deliverFile } from '../attachments/files';

const k = contactsText.import;

const STATUS = contactText.status as Record<string, string>;

/** A value as the office reads it: a date as ДД.ММ.ГГГГ, a status by its name, not its code. */
function shownValue(v: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  const codes = v.split(/\s*[,;]\s*/);
  return codes.every((x) => STATUS[x]) ? codes.map((x) => STATUS[x]).join(', ') : v;
}
/** How often a running import's progress is read. */
const POLL_MS = 300;

type Encoding = NonNullable<ImportOptions['encoding']>;
type Delimiter = NonNullable<ImportOptions['delimiter']>;

function Summary({ s }: { s: ImportSummary }) {
  return (
    <div className={`banner ${s.dryRun ? 'banner--info' : 'banner--success'}`} data-testid="import-summary">
      <p>
        {s.cancelled ? <strong>{k.cancelled} </strong> : null}
        <strong>{s.dryRun ? k.summaryDry : k.summary}:</strong> {k.rows} — {s.rows}; {k.created} — {s.created}
        ; {k.merged} — {s.merged}; {k.unchanged} — {s.unchanged}; {k.skipped} — {s.skipped}
      </p>
      {s.rejected.length > 0 ? (
        <>
          <table className="import-table">
            <thead>
              <tr>
                <th>{k.line}</th>
                <th>{k.reason}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.rejected.slice(0, 20).map((r) => (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  <td>{contactsText.rejectedWhy(r.reason, r.field)}</td>
                  <td className="muted">{r.values.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.rejectedCsvBase64 ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void deliverFile('rejected-rows.csv', 'text/csv', s.rejectedCsvBase64!)}
            >
              {k.downloadRejected}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/**
 * The import wizard: a file is uploaded once (base64 over the API, as attachments are; up to 64 MB — larger
 * lists go through `import-contacts`), then previewed with the columns mapped, checked by a dry run, and
 * imported. The server streams the stored file in batches; the mapping is remembered per file layout.
 */
export function ImportWizard() {
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [delimiter, setDelimiter] = useState<Delimiter>('auto');
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<ImportColumn[] | null>(null);
  const customFields = useCall('contactFields.list', {}).data ?? [];
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  const options = (m: ImportColumn[] | null = mapping): ImportOptions => ({
    encoding,
    delimiter,
    source: source || undefined,
    mapping: m ?? undefined,
  });

  async function run<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(label);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  async function refresh(id: string, opts: ImportOptions): Promise<void> {
    const p = await run(k.uploading, () =>
      call('contacts.importPreview', { source: { uploadId: id }, options: opts }),
    );
    if (!p) return;
    setPreview(p);
    setMapping(p.mapping);
  }

  async function pick(file: File | undefined): Promise<void> {
    if (!file) return;
    setSummary(null);
    setPreview(null);
    setMapping(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`${file.name}: ${k.tooLarge}`);
      return;
    }
    const up = await run(k.uploading, async () =>
      call('contacts.upload', { name: file.name, dataBase64: await readAsBase64(file) }),
    );
    if (!up) return;
    setUploadId(up.uploadId);
    setName(file.name);
    await refresh(up.uploadId, { encoding, delimiter });
  }

  async function dryRun(): Promise<void> {
    if (!uploadId) return;
    const s = await run(k.running, () =>
      call('contacts.import', { source: { uploadId }, options: options(), dryRun: true }),
    );
    if (s) setSummary(s);
  }

  /** The import runs in the background on the server; its progress is read until it ends. */
  async function start(): Promise<void> {
    if (!uploadId) return;
    setError(null);
    setSummary(null);
    try {
      let status: ImportJob = await call(
        'contacts.importStatus',
        await call('contacts.importStart', { source: { uploadId }, options: options() }),
      );
      setJob(status);
      while (status.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await call('contacts.importStatus', { jobId: status.jobId });
        setJob(status);
      }
      if (status.summary) setSummary(status.summary);
      if (status.error) setError(status.error);
      // The job wrote its rows after the call that started it had answered: the reads they touch read now.
      wrote('contacts.import');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setJob(null);
    }
  }

  return (
    <section aria-label={contactsText.tabs.import} className="import">
      <Field id="import-file" label={k.file} hint={k.choose}>
        {(a) => (
          <input
            id="import-file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...a}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        )}
      </Field>
      {busy ? (
        <p role="status" className="import__busy">
          <progress /> {busy}
        </p>
      ) : null}
      {job ? (
        <p role="status" className="import__busy">
          <progress max={job.totalBytes || 1} value={job.bytes} aria-label={k.progress} />{' '}
          {k.progressRows(job.rows)}{' '}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void call('contacts.importCancel', { jobId: job.jobId })}
          >
            {k.cancel}
          </button>
        </p>
      ) : null}
      {error ? <div className="banner banner--error">{error}</div> : null}
      {preview && uploadId ? (
        <>
          <div className="import__options">
            {preview.format === 'csv' ? (
              <>
                <Field id="import-encoding" label={k.encoding} hint={preview.encoding}>
                  {(a) => (
                    <select
                      id="import-encoding"
                      {...a}
                      value={encoding}
                      onChange={(e) => {
                        const v = e.target.value as Encoding;
                        setEncoding(v);
                        void refresh(uploadId, { encoding: v, delimiter, mapping: mapping ?? undefined });
                      }}
                    >
                      <option value="auto">{k.auto}</option>
                      <option value="cp1251">Windows-1251</option>
                      <option value="utf-8">UTF-8</option>
                    </select>
                  )}
                </Field>
                <Field
                  id="import-delimiter"
                  label={k.delimiter}
                  hint={preview.delimiter === '\t' ? k.tab : preview.delimiter}
                >
                  {(a) => (
                    <select
                      id="import-delimiter"
                      {...a}
                      value={delimiter}
                      onChange={(e) => {
                        const v = e.target.value as Delimiter;
                        setDelimiter(v);
                        void refresh(uploadId, { encoding, delimiter: v });
                      }}
                    >
                      <option value="auto">{k.auto}</option>
                      <option value=";">;</option>
                      <option value=",">,</option>
                      <option value={'\t'}>{k.tab}</option>
                    </select>
                  )}
                </Field>
              </>
            ) : null}
            <Field id="import-source" label={k.source} hint={name}>
              {(a) => (
                <input id="import-source" {...a} value={source} onChange={(e) => setSource(e.target.value)} />
              )}
            </Field>
          </div>
          <h3>{k.mapping}</h3>
          {preview.remembered ? <p className="muted">{k.remembered}</p> : null}
          <div className="import__mapping">
            {preview.headers.map((h, i) => (
              <Field key={`${h}-${i}`} id={`map-${i}`} label={h || `#${i + 1}`}>
                {(a) => (
                  <select
                    id={`map-${i}`}
                    {...a}
                    value={mapping?.[i] ?? 'skip'}
                    onChange={(e) => {
                      const next = [...(mapping ?? preview.mapping)];
                      next[i] = e.target.value as ImportColumn;
                      setMapping(next);
                      void refresh(uploadId, options(next));
                    }}
                  >
                    {IMPORT_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {contactsText.targets[target]}
                      </option>
                    ))}
                    {customFields.length > 0 ? (
                      <optgroup label={contactsText.fields.title}>
                        {customFields.map((f) => (
                          <option key={f.id} value={`field:${f.id}`}>
                            {f.name}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                  </select>
                )}
              </Field>
            ))}
          </div>
          <h3>{k.preview}</h3>
          <table className="import-table" data-testid="import-preview">
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  <td>
                    {r.normalized ? (
                      Object.values(r.normalized).map(shownValue).join(' · ')
                    ) : (
                      <span className="muted">{k.skippedBecause(r.reason ?? '')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              className="btn"
              disabled={busy !== null || job !== null}
              onClick={() => void dryRun()}
            >
              {k.dryRun}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy !== null || job !== null}
              onClick={() => void start()}
            >
              {k.run}
            </button>
          </div>
        </>
      ) : null}
      {summary ? <Summary s={summary} /> : null}
    </section>
  );
}
