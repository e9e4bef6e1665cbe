import { useId, useState } from 'react';
import type { AttachmentMime } from '../../../../shared/api/attachments';
import type { AssignmentCard, KeptFile } from '../../../../shared/api/assignments';
import { assignmentsUi as t } from '../../../../shared/i18n/ru/assignments';
import { call } from '../../api/client';
import { attachmentsText, errorText } from '../../i18n';
import { attachable, deliverFile, readAsBase64 } from '../attachments/files';

/**
 * A record's files by name (a download) and size, and a file picked to attach (kept by hash, as an
 * appeal's): a поручение's and a наказ's alike.
 */
export function KeptFiles(props: {
  files: readonly KeptFile[];
  title: string;
  none: string;
  attachLabel: string;
  attach(name: string, mime: AttachmentMime, dataBase64: string): Promise<unknown>;
  download(id: string): Promise<{ name: string; mime: string; dataBase64: string }>;
  onError(message: string): void;
}) {
  const { files, onError } = props;
  const inputId = useId();
  const [busy, setBusy] = useState(false);

  async function attach(file: File): Promise<void> {
    const ok = attachable(file);
    if ('refused' in ok) return onError(ok.refused);
    setBusy(true);
    try {
      await props.attach(file.name, ok.mime, await readAsBase64(file));
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="assignment-files" aria-label={props.title}>
      <h3>{props.title}</h3>
      {files.length === 0 ? <p className="muted">{props.none}</p> : null}
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a
              href={`#file-${f.id}`}
              title={t.download(f.name)}
              onClick={(e) => {
                e.preventDefault();
                props
                  .download(f.id)
                  .then((x) => deliverFile(x.name, x.mime, x.dataBase64))
                  .catch((err: unknown) => onError(errorText(err)));
              }}
            >
              {f.name}
            </a>{' '}
            <span className="muted">{attachmentsText.fileSize(f.size)}</span>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId} className="btn btn--small btn--ghost">
        {busy ? attachmentsText.attaching : props.attachLabel}
      </label>
      <input
        id={inputId}
        type="file"
        className="sr-only"
        aria-label={props.attachLabel}
        accept={attachmentsText.accept}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void attach(file);
        }}
      />
    </section>
  );
}

/** The поручение's files. */
export function AssignmentFiles(props: { card: AssignmentCard; onError(message: string): void }) {
  const { card } = props;
  return (
    <KeptFiles
      files={card.files}
      title={t.files}
      none={t.noFiles}
      attachLabel={t.attach}
      attach={(name, mime, dataBase64) => call('assignments.attach', { id: card.id, name, mime, dataBase64 })}
      download={(id) => call('assignments.file', { id })}
      onError={props.onError}
    />
  );
}
