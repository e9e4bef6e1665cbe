/** The intake's methods of the contract and their services, spread into `api/handlers.ts`. */
import type { Handler } from '../../api/handlers';
import type { mailIntakeMethods } from '../../../shared/api/mail-intake';
import { fetchNow } from './fetch';
import * as answers from './answers';
import * as items from './items';
import * as mailboxes from './mailboxes';

type MailMethod = keyof typeof mailIntakeMethods;

export const mailIntakeHandlers: { [M in MailMethod]: Handler<M> } = {
  'mail.mailboxes': (ctx) => mailboxes.list(ctx),
  'mail.saveMailbox': mailboxes.save,
  'mail.removeMailbox': mailboxes.remove,
  'mail.checkMailbox': mailboxes.check,
  'mail.saveSettings': mailboxes.saveSettings,
  'mail.fetchNow': (ctx) => fetchNow(ctx),
  'mail.intake': items.list,
  'mail.intakeItem': items.get,
  'mail.registerFromIntake': items.register,
  'mail.dismissIntake': items.dismiss,
  'mail.recordAnswer': answers.recordAnswer,
};
