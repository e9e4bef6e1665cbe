import { useId, useRef, useState } from 'react';
import type { Attachment } from '../../../../shared/api/attachments';
import { call } from '../../api/client';
import { attachmentsText, errorText } from '../../i18n';
import { attachable, readAsBase64 } from './files';

/**
 * A button that picks a file and attaches it to the appeal, or to a request's answer. The input is the
 * labelled control (screen readers and tests find it by its label); the button only opens it.
 */
export function AttachButton(props: {
  appealId: string;
  requestId?: string | null;
  label: string;
  onAttached(attachment: Attachment): void;
  onError(message: string): void;
}) {
  const { appealId, requestId = null, label, onAttached, onError } = props;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [busy, setBusy] = useState(false);

  const attach = async (file: File): Promise<void> => {
    const ok = attachable(file);
    if ('refused' in ok) return onError(ok.refused);
    const { mime } = ok;
    setBusy(true);
    try {
      const dataBase64 = await readAsBase64(file);
      onAttached(await call('attachments.add', { appealId, requestId, name: file.name, mime, dataBase64 }));
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={input}
        id={inputId}
        type="file"
        className="sr-only"
        aria-label={label}
        accept={attachmentsText.accept}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so the same file can be picked again.
          e.currentTarget.value = '';
          if (file) void attach(file);
        }}
      />
      <button
        type="button"
        className="btn btn--small"
        aria-controls={inputId}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? attachmentsText.attaching : label}
      </button>
    </>
  );
}
