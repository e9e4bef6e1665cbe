/**
 * The fetch: new messages of a mailbox (UIDs above the last taken, under the folder's UIDVALIDITY) are
 * downloaded by imapflow a batch at a time, parsed, their files kept by hash in the data folder, and
 * added to «Входящие» in one transaction per batch that also advances the mailbox's last UID — so a
 * crash takes nothing twice (the UID has advanced with the items) and loses nothing (it has not advanced
 * without them). An item is unique by (mailbox, UIDVALIDITY, UID) and by Message-ID. A message over the
 * office's size limit is listed from its envelope without being downloaded; one that does not parse is
 * listed with its raw text; neither stops the fetch.
 */
import { createHash } from 'node:crypto';
import type { ImapFlow, MessageEnvelopeObject } from 'imapflow';
import type { MailIntakeTable, MailMailboxTable } from '../../../db/schema';
import type { WriteDb } from '../../../db/sql';
import type { FetchReport } from '../../../shared/api/mail-intake';
import { mailFailureText, mailLinkedHistory } from '../../../shared/i18n/ru/mail-intake';
import { keepFiles } from '../../attachments/attachments';
import { appealHistory, insertSynced, newSyncColumns } from '../../kernel/bookkeeping';
import type { CallContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { readReturns } from './returns';
import { officeRow } from '../../office/queries';
import { SecretError } from '../../secrets/box';
import { failureOf, imapClient, type ImapTimeouts } from '../imap/connect';
import { targetOf } from './mailboxes';
import { parseMessage, type ParsedMessage } from './parse';
import { appealNamedIn, intakeSettings, intakeState, mailboxRows, takenMessageId } from './queries';

/** The reason an «unsubscribe» message is not an appeal: it did what it asked. */
const UNSUBSCRIBE_REASON = 'other: unsubscribe';

export interface FetchOptions {
  /** Messages downloaded and committed together (default 25). */
  batchSize?: number;
  timeouts?: ImapTimeouts;
  /** Told after each batch has committed: the last UID it covers and how many it took. */
  onBatch?: (lastUid: number, taken: number) => void;
}

interface Listed {
  uid: number;
  size: number;
  internalDate: string | null;
  envelope: MessageEnvelopeObject | undefined;
}

interface Taken {
  listed: Listed;
  parsed: ParsedMessage;
  files: { name: string; mime: string; size: number; sha256: string; attachable: boolean }[];
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** What the envelope says of a message not downloaded (over the size limit). */
function fromEnvelope(l: Listed): ParsedMessage {
  const e = l.envelope;
  const from = e?.from?.[0];
  return {
    messageId: e?.messageId ?? null,
    inReplyTo: e?.inReplyTo ?? null,
    references: [],
    fromName: from?.name || null,
    fromAddress: from?.address?.toLowerCase() ?? null,
    subject: e?.subject ?? '',
    sentAt: e?.date && !Number.isNaN(new Date(e.date).getTime()) ? new Date(e.date).toISOString() : null,
    body: '',
    files: [],
    autoReply: false,
    bounce: null,
    problem: 'too_large',
  };
}

/** The appeal a message belongs to: a reply in a thread already registered, else a number in its subject. */
function linkedAppeal(
  db: WriteDb,
  officeId: string,
  p: ParsedMessage,
  answered: string | null,
): { id: string; reg_number: string } | null {
  if (answered) {
    const r = db.rawGet<{ id: string; reg_number: string }>(
      'SELECT id, reg_number FROM appeals WHERE id = ? AND deleted_at IS NULL',
      answered,
    );
    if (r) return r;
  }
  const thread = [p.inReplyTo, ...p.references].filter((x): x is string => !!x).slice(-20);
  if (thread.length > 0) {
    const r = db.rawGet<{ id: string; reg_number: string }>(
      `SELECT a.id, a.reg_number FROM mail_intake i JOIN appeals a ON a.id = i.appeal_id
       WHERE i.office_id = ? AND i.message_id IN (${thread.map(() => '?').join(', ')}) AND a.deleted_at IS NULL
       ORDER BY i.received_at DESC LIMIT 1`,
      officeId,
      ...thread,
    );
    if (r) return r;
  }
  return p.subject ? appealNamedIn(db, officeId, p.subject) : null;
}

function addItems(
  ctx: CallContext,
  mailbox: MailMailboxTable,
  validity: string,
  batch: readonly Taken[],
  lastUid: number,
): { taken: number; skipped: number } {
  return ctx.store.transaction((db) => {
    const scope = beginWrite(db, ctx);
    const { office, st } = scope;
    const state = intakeState(db, mailbox.id);
    // Another fetch of this mailbox (another window) may have taken these meanwhile.
    const already = state?.uid_validity === validity ? state.last_uid : 0;
    let taken = 0;
    let skipped = 0;
    for (const t of batch) {
      const p = t.parsed;
      if (t.listed.uid <= already || (p.messageId && takenMessageId(db, office.id, p.messageId))) {
        skipped += 1;
        continue;
      }
      const back = p.problem === null ? readReturns(scope, p) : null;
      const link =
        p.problem === null && !p.bounce && back?.unsubscribed.length === 0
          ? linkedAppeal(db, office.id, p, back.appealId)
          : null;
      const unsubscribed = (back?.unsubscribed.length ?? 0) > 0;
      const row: MailIntakeTable = {
        mailbox_id: mailbox.id,
        uid_validity: validity,
        uid: t.listed.uid,
        message_id: p.messageId,
        in_reply_to: p.inReplyTo,
        refs: JSON.stringify(p.references),
        from_name: p.fromName,
        from_address: p.fromAddress,
        subject: p.subject,
        sent_at: p.sentAt,
        received_at: t.listed.internalDate ?? p.sentAt ?? st.now,
        size: t.listed.size,
        body: p.body,
        files: JSON.stringify(t.files),
        auto_reply: p.autoReply ? 1 : 0,
        bounce: p.bounce ? JSON.stringify(p.bounce) : null,
        problem: p.problem,
        state: link ? 'linked' : unsubscribed ? 'not_appeal' : 'new',
        reason: unsubscribed ? UNSUBSCRIBE_REASON : null,
        appeal_id: link?.id ?? null,
        request_id: link ? (back?.requestId ?? null) : null,
        decided_by: null,
        decided_at: link || unsubscribed ? st.now : null,
        ...newSyncColumns(st, office.id),
      };
      insertSynced(db, 'mail_intake', row);
      if (link)
        appealHistory(
          db,
          ctx,
          st,
          office.id,
          link.id,
          'mail_linked',
          {},
          mailLinkedHistory(
            p.fromName ? `${p.fromName} <${p.fromAddress ?? ''}>` : (p.fromAddress ?? '—'),
            p.subject,
          ),
        );
      taken += 1;
    }
    db.rawRun(
      `INSERT INTO mail_intake_state (mailbox_id, uid_validity, last_uid, checked_at, error) VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (mailbox_id) DO UPDATE SET uid_validity = excluded.uid_validity,
         last_uid = max(CASE WHEN mail_intake_state.uid_validity = excluded.uid_validity THEN mail_intake_state.last_uid ELSE 0 END, excluded.last_uid),
         checked_at = excluded.checked_at, error = NULL`,
      mailbox.id,
      validity,
      lastUid,
      st.now,
    );
    return { taken, skipped };
  });
}

function recordError(ctx: CallContext, mailboxId: string, error: string): void {
  ctx.store.transaction((db) => {
    const now = ctx.clock.now().toISOString();
    db.rawRun(
      `INSERT INTO mail_intake_state (mailbox_id, last_uid, checked_at, error) VALUES (?, 0, ?, ?)
       ON CONFLICT (mailbox_id) DO UPDATE SET checked_at = excluded.checked_at, error = excluded.error`,
      mailboxId,
      now,
      error,
    );
  });
}

/** Downloads the batch's messages whole (their raw source) in one FETCH. */
async function download(client: ImapFlow, uids: number[]): Promise<Map<number, Buffer>> {
  const sources = new Map<number, Buffer>();
  if (uids.length === 0) return sources;
  for await (const m of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true }))
    if (m.source) sources.set(m.uid, m.source);
  return sources;
}

async function takeBatch(
  ctx: CallContext,
  client: ImapFlow,
  listed: Listed[],
  maxBytes: number,
): Promise<Taken[]> {
  const sources = await download(
    client,
    listed.filter((l) => l.size <= maxBytes).map((l) => l.uid),
  );
  const out: Taken[] = [];
  for (const l of listed) {
    const raw = l.size <= maxBytes ? sources.get(l.uid) : undefined;
    // A message the server lists but does not hand over (expunged meanwhile) is passed over.
    if (l.size <= maxBytes && !raw) continue;
    const parsed = raw ? await parseMessage(raw) : fromEnvelope(l);
    const files = parsed.files.map((f) => ({
      name: f.name,
      mime: f.mime,
      size: f.data.length,
      sha256: sha256(f.data),
      attachable: f.attachable,
    }));
    out.push({ listed: l, parsed, files });
  }
  // Written before the transaction that names them: a crash leaves at worst files nobody names.
  await keepFiles(
    ctx.dataDir!,
    out.flatMap((t) => t.parsed.files.map((f, i) => ({ hash: t.files[i]!.sha256, data: f.data }))),
  );
  return out;
}

const running = new Map<string, Promise<FetchReport['mailboxes'][number]>>();

/** Fetches one mailbox; a fetch of it already under way is joined rather than run twice. */
export function fetchMailbox(
  ctx: CallContext,
  mailbox: MailMailboxTable,
  opts: FetchOptions = {},
): Promise<FetchReport['mailboxes'][number]> {
  let p = running.get(mailbox.id);
  if (!p) {
    p = runFetch(ctx, mailbox, opts).finally(() => running.delete(mailbox.id));
    running.set(mailbox.id, p);
  }
  return p;
}

async function runFetch(
  ctx: CallContext,
  mailbox: MailMailboxTable,
  opts: FetchOptions,
): Promise<FetchReport['mailboxes'][number]> {
  const report = { id: mailbox.id, name: mailbox.name, taken: 0, skipped: 0, error: null as string | null };
  if (!ctx.dataDir) throw new Error('internal: the intake needs the office’s data folder for files');
  let client: ImapFlow;
  try {
    client = imapClient(targetOf(ctx, mailbox), opts.timeouts);
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    report.error = mailFailureText.password_unreadable;
    recordError(ctx, mailbox.id, report.error);
    return report;
  }
  client.on('error', () => undefined);
  const maxBytes = intakeSettings(ctx.store.read).maxMessageMb * 1024 * 1024;
  const batchSize = opts.batchSize ?? 25;
  try {
    await client.connect();
    const lock = await client.getMailboxLock(mailbox.folder, { readOnly: mailbox.delete_after_take !== 1 });
    try {
      const box = client.mailbox;
      if (!box) throw new Error('the folder did not open');
      const validity = String(box.uidValidity);
      const state = intakeState(ctx.store.read, mailbox.id);
      const last = state?.uid_validity === validity ? state.last_uid : 0;
      const listed: Listed[] = [];
      if (box.exists > 0)
        for await (const m of client.fetch(
          `${last + 1}:*`,
          { uid: true, size: true, internalDate: true, envelope: true },
          { uid: true },
        ))
          // `n:*` names the last message even when its UID is below n.
          if (m.uid > last)
            listed.push({
              uid: m.uid,
              size: m.size ?? 0,
              internalDate: m.internalDate ? new Date(m.internalDate).toISOString() : null,
              envelope: m.envelope,
            });
      listed.sort((a, b) => a.uid - b.uid);
      for (let i = 0; i < listed.length; i += batchSize) {
        const chunk = listed.slice(i, i + batchSize);
        const batch = await takeBatch(ctx, client, chunk, maxBytes);
        const r = addItems(ctx, mailbox, validity, batch, chunk[chunk.length - 1]!.uid);
        report.taken += r.taken;
        report.skipped += r.skipped;
        opts.onBatch?.(chunk[chunk.length - 1]!.uid, r.taken);
        if (mailbox.delete_after_take === 1)
          await client.messageDelete(chunk.map((l) => l.uid).join(','), { uid: true });
      }
      if (listed.length === 0) addItems(ctx, mailbox, validity, [], last);
    } finally {
      lock.release();
    }
  } catch (e) {
    report.error = mailFailureText[failureOf(e)];
    recordError(ctx, mailbox.id, report.error);
  } finally {
    await client.logout().catch(() => client.close());
  }
  return report;
}

/** Every active mailbox of the office on this computer, one after another. */
export async function fetchAllMailboxes(ctx: CallContext, opts: FetchOptions = {}): Promise<FetchReport> {
  const db = ctx.store.read;
  const boxes = mailboxRows(db, officeRow(db).id).filter((m) => m.active === 1);
  const mailboxes: FetchReport['mailboxes'] = [];
  for (const m of boxes) mailboxes.push(await fetchMailbox(ctx, m, opts));
  return { mailboxes, taken: mailboxes.reduce((n, m) => n + m.taken, 0) };
}

export const fetchNow = (ctx: CallContext): Promise<FetchReport> => fetchAllMailboxes(ctx);
