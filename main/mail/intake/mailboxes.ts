/**
 * Settings → Почтовые ящики: the IMAP mailboxes this computer fetches, their passwords sealed by the
 * office's secret keeper before they are stored, the intake's settings, and the connection check that
 * says in plain words what is wrong.
 */
import type { MailMailboxTable } from '../../../db/schema';
import type { WriteDb } from '../../../db/sql';
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import { mailCheckOk, mailFailureText } from '../../../shared/i18n/ru/mail-intake';
import { newId } from '../../../shared/util/ids';
import { audit } from '../../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { officeRow } from '../../office/queries';
import { SecretError, type SecretBox } from '../../secrets/box';
import { failureOf, imapClient, type ImapTarget, type ImapTimeouts } from '../imap/connect';
import { intakeSettings, mailboxRow, mailboxRows, SETTINGS_KEY, toMailbox } from './queries';

const refuse = (field: string, message: string, code: 'validation' | 'not_found' = 'validation'): never => {
  throw new ApiError(code, `${field}: ${message}`, { field, issues: [{ field, message }] });
};

function keeper(ctx: ReadContext): SecretBox {
  if (!ctx.secrets) throw new ApiError('internal', 'this office was opened without a keeper for its secrets');
  return ctx.secrets;
}

export function list(ctx: ReadContext): Output<'mail.mailboxes'> {
  const db = ctx.store.read;
  return {
    mailboxes: mailboxRows(db, officeRow(db).id).map((m) => toMailbox(db, m)),
    settings: intakeSettings(db),
  };
}

function liveMailbox(db: WriteDb, id: string): MailMailboxTable {
  return mailboxRow(db, id) ?? refuse('id', 'no such mailbox', 'not_found');
}

export function save(ctx: CallContext, i: ParsedInput<'mail.saveMailbox'>): Output<'mail.saveMailbox'> {
  const password = i.password ? i.password : null;
  if (!i.id && !password) refuse('password', 'required');
  // Sealed before the transaction: a keeper that cannot seal changes nothing.
  const sealed = password === null ? null : keeper(ctx).seal(password);
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const fields = {
      name: i.name,
      host: i.host,
      port: i.port,
      security: i.security,
      login: i.login,
      folder: i.folder,
      delete_after_take: i.deleteAfterTake ? 1 : 0,
      active: i.active ? 1 : 0,
      updated_at: st.now,
    };
    let id: string;
    if (i.id) {
      const before = liveMailbox(db, i.id);
      id = before.id;
      db.rawRun(
        `UPDATE mail_mailboxes SET name = ?, host = ?, port = ?, security = ?, login = ?, folder = ?,
         delete_after_take = ?, active = ?, updated_at = ?, password = coalesce(?, password) WHERE id = ?`,
        ...Object.values(fields),
        sealed,
        id,
      );
      // Another server or folder is another numbering of UIDs: the intake starts there afresh.
      if (before.host !== i.host || before.login !== i.login || before.folder !== i.folder)
        db.rawRun('DELETE FROM mail_intake_state WHERE mailbox_id = ?', id);
    } else {
      id = newId(st.nowMs);
      db.insert('mail_mailboxes', {
        id,
        office_id: office.id,
        password: sealed!,
        created_at: st.now,
        deleted_at: null,
        ...fields,
      });
    }
    audit(db, ctx, office.id, i.id ? 'mail.mailbox.update' : 'mail.mailbox.create', 'mail_mailbox', id, {
      name: i.name,
      host: i.host,
      login: i.login,
      password: sealed !== null ? 'changed' : 'kept',
    });
    return toMailbox(db, liveMailbox(db, id));
  });
}

export function remove(ctx: CallContext, i: ParsedInput<'mail.removeMailbox'>): Output<'mail.removeMailbox'> {
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const m = liveMailbox(db, i.id);
    db.rawRun(
      'UPDATE mail_mailboxes SET deleted_at = ?, updated_at = ?, password = ? WHERE id = ?',
      st.now,
      st.now,
      '',
      m.id,
    );
    audit(db, ctx, office.id, 'mail.mailbox.delete', 'mail_mailbox', m.id, { name: m.name });
    return { ok: true as const };
  });
}

export function saveSettings(
  ctx: CallContext,
  i: ParsedInput<'mail.saveSettings'>,
): Output<'mail.saveSettings'> {
  return ctx.store.transaction((db) => {
    const { office } = beginWrite(db, ctx);
    db.rawRun(
      'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      SETTINGS_KEY,
      JSON.stringify(i),
    );
    audit(db, ctx, office.id, 'mail.settings', null, null, i);
    return intakeSettings(db);
  });
}

/** The mailbox as the fetch connects to it: its password opened, or a refusal saying to enter it again. */
export function targetOf(
  ctx: ReadContext,
  m: Pick<MailMailboxTable, 'host' | 'port' | 'security' | 'login' | 'password'>,
): ImapTarget {
  return {
    host: m.host,
    port: m.port,
    security: m.security,
    login: m.login,
    password: keeper(ctx).open(m.password),
  };
}

/** Test hook: how long a check waits for a silent server. */
export const checkTimeouts: ImapTimeouts = {};

export async function check(
  ctx: ReadContext,
  i: ParsedInput<'mail.checkMailbox'>,
): Promise<Output<'mail.checkMailbox'>> {
  const stored = i.id ? mailboxRow(ctx.store.read, i.id) : undefined;
  if (i.id && !stored) refuse('id', 'no such mailbox', 'not_found');
  if (!i.password && !stored) refuse('password', 'required');
  let target: ImapTarget;
  try {
    target = i.password
      ? { host: i.host, port: i.port, security: i.security, login: i.login, password: i.password }
      : { ...targetOf(ctx, stored!), host: i.host, port: i.port, security: i.security, login: i.login };
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    return {
      ok: false,
      failure: 'password_unreadable',
      message: mailFailureText.password_unreadable,
      messages: null,
    };
  }
  const client = imapClient(target, checkTimeouts);
  // An error the client raises after connecting (a dropped socket) must not escape as unhandled.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const box = await client.status(i.folder, { messages: true });
    if (!box) return { ok: false, failure: 'folder', message: mailFailureText.folder, messages: null };
    const n = box.messages ?? 0;
    return { ok: true, failure: null, message: mailCheckOk(i.folder, n), messages: n };
  } catch (e) {
    const failure = failureOf(e);
    return { ok: false, failure, message: mailFailureText[failure], messages: null };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
