/** The e-mail out methods of the contract and their services, spread into `api/handlers.ts`. */
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
} as const;
