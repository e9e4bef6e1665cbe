import type { Attachment } from '../../../../shared/api/attachments';
import type { AppealCard } from '../../../../shared/api/appeals';
import { mayCall } from '../../api/access';
import { useCall } from '../../api/use-call';
import { attachmentsText, errorText, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { AttachButton } from './AttachButton';
import { downloadAttachment } from './files';

/**
 * The appeal's files and its requests' answers: name (a download), size, when; and «Прикрепить файл».
 * A file attached here or elsewhere (a request's answer, a letter) is a write: the list reads again.
 */
export function AttachmentsBlock(props: {
  card: AppealCard;
  onAttached(attachment: Attachment): void;
  onError(message: string): void;
}) {
  const { card, onAttached, onError } = props;
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const listed = useCall('attachments.list', { appealId: card.id });
  const files = listed.error ? null : (listed.data ?? null);

  const seqOf = (requestId: string | null): number | null =>
    card.requests.find((q) => q.id === requestId)?.seq ?? null;

  return (
    <section className="panel panel--wide" aria-labelledby="card-files">
      <div className="panel__head">
        <h2 id="card-files">{attachmentsText.title}</h2>
        {mayCall(role, 'attachments.add') ? (
          <AttachButton
            appealId={card.id}
            label={attachmentsText.attach}
            onAttached={onAttached}
            onError={onError}
          />
        ) : null}
      </div>
      {!files && !listed.error ? <p className="muted">{attachmentsText.loading}</p> : null}
      {listed.error ? <p className="banner banner--error">{errorText(listed.error)}</p> : null}
      {files && files.length === 0 ? <p className="muted">{attachmentsText.none}</p> : null}
      {files && files.length > 0 ? (
        <ul className="files" aria-label={attachmentsText.listLabel}>
          {files.map((f) => {
            const seq = seqOf(f.requestId);
            return (
              <li key={f.id} className="files__item">
                <a
                  href={`#file-${f.id}`}
                  title={attachmentsText.download(f.name)}
                  onClick={(e) => {
                    e.preventDefault();
                    downloadAttachment(f.id).catch((err: unknown) => onError(errorText(err)));
                  }}
                >
                  {f.name}
                </a>
                <span className="muted">{attachmentsText.fileSize(f.size)}</span>
                <time className="muted" dateTime={f.createdAt}>
                  {formatInstant(f.createdAt, timeZone)}
                </time>
                {seq !== null ? <span className="muted">{attachmentsText.toRequest(seq)}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
