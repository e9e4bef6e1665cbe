/**
 * A body's answer that came by e-mail: the message of «Входящие» that answers a request the office sent
 * (linked by its Message-ID when it was taken) becomes that request's recorded answer — the number the
 * body gave it, the day it came, its text — and its files are attached to the request.
 */
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import { localDate } from '../../../shared/util/clock';
import { audit, updateSynced } from '../../kernel/bookkeeping';
import { requireActor, type CallContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { officeRow } from '../../office/queries';
import { recordAnswer as recordRequestAnswer } from '../../requests/requests';
import { attachFiles, type StoredFile } from './attach';
import { intakeItemRow } from './queries';

export function recordAnswer(
  ctx: CallContext,
  i: ParsedInput<'mail.recordAnswer'>,
): Output<'mail.recordAnswer'> {
  const db = ctx.store.read;
  const item = intakeItemRow(db, i.id);
  if (!item) throw new ApiError('not_found', 'no such message in «Входящие»', { field: 'id' });
  const requestId = item.request_id;
  if (!requestId)
    throw new ApiError('invalid_state', 'the message answers no request the office sent', { field: 'id' });
  const office = officeRow(db);
  // The request's own step: its state, the date and the number are checked there, and a refusal changes nothing.
  recordRequestAnswer(ctx, {
    id: requestId,
    answeredOn: i.answeredOn ?? localDate(new Date(item.received_at), office.time_zone),
    incomingNumber: i.incomingNumber,
    summary: i.summary ?? (item.body.trim().slice(0, 4000) || item.subject || '—'),
  });
  const files = (JSON.parse(item.files) as StoredFile[]).filter((f) => f.attachable);
  const appealId = db.rawGet<{ appeal_id: string }>(
    'SELECT appeal_id FROM external_requests WHERE id = ?',
    requestId,
  )!.appeal_id;
  return ctx.store.transaction((w) => {
    const { st } = beginWrite(w, ctx);
    attachFiles(w, st, office.id, { appealId, requestId }, files);
    updateSynced(w, 'mail_intake', item.id, { decided_by: requireActor(ctx).userId, decided_at: st.now }, st);
    audit(w, ctx, office.id, 'mail.recordAnswer', 'external_request', requestId, {
      message: item.id,
      files: files.length,
    });
    return { requestId, attached: files.length };
  });
}
