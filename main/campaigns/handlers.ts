/** The campaigns' methods of the contract and the services behind them (spread into `api/handlers.ts`). */
import * as campaigns from './campaigns';
import { figures, figuresXlsx } from './figures';
import * as members from './members';
import { createTasks } from './tasks';

export const campaignHandlers = {
  'campaigns.list': campaigns.list,
  'campaigns.get': campaigns.get,
  'campaigns.create': campaigns.create,
  'campaigns.update': campaigns.update,
  'campaigns.members': members.members,
  'campaigns.addContacts': members.addContacts,
  'campaigns.import': members.importInto,
  'campaigns.move': members.move,
  'campaigns.history': members.history,
  'campaigns.createTasks': createTasks,
  'campaigns.figures': figures,
  'campaigns.figuresXlsx': figuresXlsx,
} as const;
