import { useId, useState } from 'react';
import type { AssignmentCard } from '../../../../shared/api/assignments';
import { assignmentsUi as t } from '../../../../shared/i18n/ru/assignments';
import { call } from '../../api/client';
import { attachmentsText, errorText } from '../../i18n';
import { attachable, readAsBase64 } from '../attachments/files';

/** The поручение's files by name and size, and a file picked to attach (kept by hash, as an appeal's). */
export function AssignmentFiles(props: { card: AssignmentCard; onError(message: string): void }) {
  const { card, onError } = props;
  const inputId = useId();
  const [busy, setBusy] = useState(false);

  async function attach(file: File): Promise<void> {
    const ok = attachable(file);
    if ('refused' in ok) return onError(ok.refused);
    setBusy(true);
    try {
      await call('assignments.attach', {
        id: card.id,
        name: file.name,
        mime: ok.mime,
        dataBase64: await readAsBase64(file),
      });
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="assignment-files" aria-label={t.files}>
      <h3>{t.files}</h3>
      {card.files.length === 0 ? <p className="muted">{t.noFiles}</p> : null}
      <ul>
        {card.files.map((f) => (
          <li key={f.id}>
            {f.name} <span className="muted">{attachmentsText.fileSize(f.size)}</span>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId} className="btn btn--small btn--ghost">
        {busy ? attachmentsText.attaching : t.attach}
      </label>
      <input
        id={inputId}
        type="file"
        className="sr-only"
        aria-label={t.attach}
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
