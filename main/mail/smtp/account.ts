/**
 * Settings → Отправка почты: the SMTP account's services. The password is sealed by the office's keeper
 * before it reaches the database and is never returned; the check connects and says in plain words why
 * it could not.
 */
import type { MailSmtpAccountTable } from '../../../db/schema';
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import type { SmtpAccount } from '../../../shared/api/mail-outbox';
import { mailText } from '../../../shared/i18n/ru/mail-outbox';
import { audit } from '../../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../../kernel/context';
import { officeRow } from '../../office/queries';
import { openTransport, plainFailure, smtpAccountRow } from './transport';

function toAccount(a: MailSmtpAccountTable): SmtpAccount {
  return {
    host: a.host,
    port: a.port,
    security: a.security,
    login: a.login,
    hasPassword: a.password_sealed !== null,
    fromName: a.from_name,
    fromAddress: a.from_address,
    ratePerMinute: a.rate_per_minute,
    updatedAt: a.updated_at,
  };
}

export const getAccount = (ctx: ReadContext): Output<'mail.account.get'> => {
  const a = smtpAccountRow(ctx.store.read);
  return a ? toAccount(a) : null;
};

export function saveAccount(
  ctx: CallContext,
  i: ParsedInput<'mail.account.save'>,
): Output<'mail.account.save'> {
  if (i.password && !ctx.secrets)
    throw new ApiError('invalid_state', 'password: this office has no keeper to seal a password with', {
      field: 'password',
    });
  return ctx.store.transaction((db) => {
    const before = smtpAccountRow(db);
    const sealed =
      i.password === undefined
        ? (before?.password_sealed ?? null)
        : i.password
          ? ctx.secrets!.seal(i.password)
          : null;
    const row: MailSmtpAccountTable = {
      id: 1,
      host: i.host,
      port: i.port,
      security: i.security,
      login: i.login ?? null,
      password_sealed: sealed,
      from_name: i.fromName,
      from_address: i.fromAddress,
      rate_per_minute: i.ratePerMinute,
      updated_at: ctx.clock.now().toISOString(),
      updated_by: ctx.actor?.userId ?? null,
    };
    db.rawRun('DELETE FROM mail_smtp_account WHERE id = 1');
    db.insert('mail_smtp_account', row);
    audit(db, ctx, officeRow(db).id, 'mail.account.save', 'mail_smtp_account', null, {
      host: row.host,
      port: row.port,
      security: row.security,
      login: row.login,
      passwordChanged: i.password !== undefined,
      rate: row.rate_per_minute,
    });
    return toAccount(row);
  });
}

export async function checkAccount(ctx: ReadContext): Promise<Output<'mail.account.check'>> {
  let close = (): void => {};
  try {
    const { transport } = openTransport(ctx);
    close = () => transport.close();
    await transport.verify();
    return { ok: true, message: mailText.checkOk };
  } catch (e) {
    return { ok: false, message: plainFailure(e).message };
  } finally {
    close();
  }
}
