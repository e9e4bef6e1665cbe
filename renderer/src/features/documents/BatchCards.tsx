import { useState } from 'react';
import { documentsUi } from '../../../../shared/i18n/ru/documents';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';

/** As many cards as `documents.cards` takes at once. */
export const BATCH_MAX = 1000;

/**
 * The registry's selection is its filter: the cards of the appeals it shows (loaded so far), in one DOCX
 * with a card a page, or a ZIP with a file each.
 */
export function BatchCards() {
  const rows = useStore((s) => s.rows);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (rows.length === 0) return null;
  const make = async (format: 'docx' | 'zip'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const f = await call('documents.cards', { ids: rows.slice(0, BATCH_MAX).map((r) => r.id), format });
      await deliverFile(f.name, f.mime, f.dataBase64);
    } catch (e) {
      setError(documentsUi.failed(errorText(e)));
    } finally {
      setBusy(false);
    }
  };
  const hint = documentsUi.batchHint(rows.length, BATCH_MAX);
  return (
    <>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        title={hint}
        disabled={busy}
        onClick={() => void make('docx')}
      >
        {documentsUi.batchDocx}
      </button>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        title={hint}
        disabled={busy}
        onClick={() => void make('zip')}
      >
        {documentsUi.batchZip}
      </button>
      {error ? (
        <span className="banner banner--error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
