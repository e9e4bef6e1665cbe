import { useEffect, useState } from 'react';
import type { Attachment } from '../../../../shared/api/attachments';
import type { AppealCard } from '../../../../shared/api/appeals';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { A, errorText, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { AttachButton } from './AttachButton';
import { downloadAttachment } from './files';

type Load =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; files: Attachment[] };

/** The appeal's files and its requests' answers: name (a download), size, when; and «Прикрепить файл». */
export function AttachmentsBlock(props: {
  card: AppealCard;
  /** Bumped by the card when it reloads or a file is attached elsewhere (a request's answer). */
  version: number;
  onAttached(attachment: Attachment): void;
  onError(message: string): void;
}) {
  const { card, version, onAttached, onError } = props;
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    call('attachments.list', { appealId: card.id }).then(
      (files) => live && setLoad({ state: 'ready', files }),
      (e: unknown) => live && setLoad({ state: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [card.id, version]);

  const seqOf = (requestId: string | null): number | null =>
    card.requests.find((q) => q.id === requestId)?.seq ?? null;

  return (
    <section className="panel panel--wide" aria-labelledby="card-files">
      <div className="panel__head">
        <h2 id="card-files">{A.title}</h2>
        {mayCall(role, 'attachments.add') ? (
          <AttachButton appealId={card.id} label={A.attach} onAttached={onAttached} onError={onError} />
        ) : null}
      </div>
      {load.state === 'loading' ? <p className="muted">{A.loading}</p> : null}
      {load.state === 'error' ? <p className="banner banner--error">{load.message}</p> : null}
      {load.state === 'ready' && load.files.length === 0 ? <p className="muted">{A.none}</p> : null}
      {load.state === 'ready' && load.files.length > 0 ? (
        <ul className="files" aria-label={A.listLabel}>
          {load.files.map((f) => {
            const seq = seqOf(f.requestId);
            return (
              <li key={f.id} className="files__item">
                <a
                  href={`#file-${f.id}`}
                  title={A.download(f.name)}
                  onClick={(e) => {
                    e.preventDefault();
                    downloadAttachment(f.id).catch((err: unknown) => onError(errorText(err)));
                  }}
                >
                  {f.name}
                </a>
                <span className="muted">{A.fileSize(f.size)}</span>
                <time className="muted" dateTime={f.createdAt}>
                  {formatInstant(f.createdAt, timeZone)}
                </time>
                {seq !== null ? <span className="muted">{A.toRequest(seq)}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
