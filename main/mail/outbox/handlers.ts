/** The e-mail out methods of the contract (the outbox and mailings) and their services, spread into `api/handlers.ts`. */
import * as mailings from '../mailings/service';
import { checkAccount, getAccount, saveAccount } from '../smtp/account';
import { cancel, draft, outbox, retry, send } from './send';
import { listTemplates, saveTemplate } from './templates';

export const mailOutboxHandlers = {
  'mail.account.get': getAccount,
  'mail.account.save': saveAccount,
  'mail.account.check': checkAccount,
  'mail.templates.list': listTemplates,
  'mail.templates.save': saveTemplate,
  'mail.draft': draft,
  'mail.send': send,
  'mail.outbox': outbox,
  'mail.retry': retry,
  'mail.cancel': cancel,
  'mailings.create': mailings.create,
  'mailings.start': mailings.start,
  'mailings.pause': mailings.pause,
  'mailings.status': mailings.status,
  'mailings.list': mailings.list,
} as const;
