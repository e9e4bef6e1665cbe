import type { MethodName, Output, ParsedInput } from '../../shared/api/index';
import * as appeals from './appeals';
import * as appealsList from './appeals-list';
import * as contacts from './contacts';
import type { CallContext } from './context';
import * as office from './office';
import * as users from './users';

type Handler<M extends MethodName> = (
  ctx: CallContext,
  input: ParsedInput<M>,
) => Output<M> | Promise<Output<M>>;

/** The service behind each method of the contract; a method without a handler does not compile. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'setup.status': (ctx) => office.setupStatus(ctx),
  'setup.init': users.setupInit,
  'auth.signIn': users.signIn,
  'auth.signOut': (ctx) => users.signOut(ctx),
  'auth.me': (ctx) => users.me(ctx),
  'users.list': users.listUsers,
  'users.create': users.createUser,
  'users.update': users.updateUser,
  'office.get': (ctx) => office.toOffice(office.officeRow(ctx.store.read)),
  'office.update': office.updateOffice,
  'calendar.list': (ctx) => office.listCalendar(ctx),
  'calendar.putYear': office.putCalendarYear,
  'appeals.register': appeals.register,
  'appeals.update': appeals.update,
  'appeals.get': appeals.get,
  'appeals.list': appealsList.list,
  'appeals.count': appealsList.count,
  'appeals.previewTerm': appeals.previewTerm,
  'contacts.lookup': contacts.lookup,
};
