import type { Contract, MethodName, Output, ParsedInput } from '../../shared/api/index';
import * as appealCard from '../appeals/card';
import * as appeals from '../appeals/register';
import * as appealEdits from '../appeals/update';
import * as appealsList from '../appeals/list';
import * as assignments from '../assignments/service';
import * as assignmentReads from '../assignments/read';
import * as recurring from '../assignments/recurring';
import { registerOral } from '../appeals/oral';
import * as attachments from '../attachments/attachments';
import * as backups from '../backups/service';
import * as auditLog from '../audit/service';
import * as card from '../contacts/card';
import * as classifier from '../classifier/service';
import * as classifierEditions from '../classifier/editions';
import * as classifierNames from '../classifier/names';
import * as contactSettings from '../contacts/settings';
import * as dedupe from '../contacts/dedupe';
import * as contactExport from '../contacts/export';
import * as contactFields from '../contacts/fields';
import * as filter from '../contacts/filter';
import * as contactImport from '../contacts/import';
import * as importJobs from '../contacts/jobs';
import * as personal from '../contacts/personal';
import * as contactQueries from '../contacts/queries';
import * as eventChecklists from '../events/checklists';
import * as events from '../events/events';
import { getHome } from '../home/home';
import { listEvents } from '../events/card';
import * as eventKinds from '../events/kinds';
import * as eventStages from '../events/stages';
import * as documents from '../documents/service';
import * as reports from '../reports/service';
import * as statistics from '../reports/statistics/index';
import type { AuditedReadContext, CallContext, ReadContext } from '../kernel/context';
import * as office from '../office/office';
import { officeRow, toOffice } from '../office/queries';
import * as reminders from '../reminders/inbox';
import * as prefs from '../prefs/service';
import * as requests from '../requests/requests';
import * as requestQueries from '../requests/queries';
import * as templates from '../documents/templates';
import * as users from '../office/users';
import * as sync from '../sync/service';
import * as decision from '../workflow/decision';
import * as queue from '../workflow/queue';
import * as review from '../workflow/review';
import * as routing from '../routing/rules';
import { webApplicationHandlers } from '../web-applications/handlers';
import { mailIntakeHandlers } from '../mail/intake/handlers';
import { mailOutboxHandlers } from '../mail/outbox/handlers';
import { receptionHandlers } from '../reception/handlers';
import { campaignHandlers } from '../campaigns/handlers';
import { mandateHandlers } from '../mandates/handlers';
import { volunteerHandlers } from '../volunteers/handlers';
import { ownRequestHandlers } from '../requests/own-handlers';

/** A write gets the store that writes; an audited read, its audit entry; a read, a read handle only. */
export type ContextFor<M extends MethodName> = Contract[M] extends { kind: 'write' }
  ? CallContext
  : Contract[M] extends { audited: true }
    ? AuditedReadContext
    : ReadContext;

export type Handler<M extends MethodName> = (
  ctx: ContextFor<M>,
  input: ParsedInput<M>,
) => Output<M> | Promise<Output<M>>;

/** The service behind each method of the contract; a method without a handler does not compile. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'setup.status': (ctx) => office.setupStatus(ctx),
  'setup.init': users.setupInit,
  'auth.signIn': users.signIn,
  'auth.signOut': (ctx) => users.signOut(ctx),
  'auth.me': (ctx) => users.me(ctx),
  'offices.list': office.listOffices,
  'users.list': users.listUsers,
  'users.create': users.createUser,
  'users.update': users.updateUser,
  'office.get': (ctx) => toOffice(officeRow(ctx.store.read)),
  'office.update': office.updateOffice,
  'calendar.list': (ctx) => office.listCalendar(ctx),
  'calendar.putYear': office.putCalendarYear,
  'appeals.register': appeals.register,
  'appeals.registerBatch': appeals.registerBatch,
  'appeals.registerOral': registerOral,
  'appeals.update': appealEdits.update,
  'appeals.get': appealCard.get,
  'appeals.list': appealsList.list,
  'appeals.count': appealsList.count,
  'appeals.previewTerm': appeals.previewTerm,
  'contacts.lookup': contactQueries.lookup,
  'workflow.sendToDeputy': review.sendToDeputy,
  'workflow.requestContactData': review.requestContactData,
  'workflow.contactDataReceived': review.contactDataReceived,
  'workflow.applyArt11': review.applyArt11,
  'workflow.decideArt11': review.decideArt11,
  'workflow.sendArt11Notice': review.sendArt11Notice,
  'workflow.forward': review.forward,
  'workflow.completeForward': review.completeForward,
  'workflow.resolve': decision.resolve,
  'workflow.saveReply': decision.saveReply,
  'workflow.submitReply': decision.submitReply,
  'workflow.approveReply': decision.approveReply,
  'workflow.returnReply': decision.returnReply,
  'workflow.sendReply': decision.sendReply,
  'workflow.extend': decision.extend,
  'workflow.notifyExtension': decision.notifyExtension,
  'workflow.deputyQueue': queue.deputyQueue,
  'bodies.list': requestQueries.listBodies,
  'bodies.create': requests.createBody,
  'bodies.update': requests.updateBody,
  'requests.create': requests.createRequest,
  'requests.update': requests.updateRequest,
  'requests.submit': requests.submitRequest,
  'requests.approve': requests.approveRequest,
  'requests.return': requests.returnRequest,
  'requests.send': requests.sendRequest,
  'requests.recordAnswer': requests.recordAnswer,
  'requests.resolveAnswer': requests.resolveAnswer,
  'requests.cancel': requests.cancelRequest,
  'requests.list': requestQueries.listRequests,
  'tasks.list': queue.listTasks,
  'tasks.reassign': queue.reassignTask,
  'attachments.add': attachments.add,
  'attachments.list': attachments.list,
  'attachments.get': attachments.get,
  'events.list': listEvents,
  'events.get': events.get,
  'events.create': events.create,
  'events.update': events.update,
  'events.move': eventStages.move,
  'events.cancel': eventStages.cancel,
  'events.checkItem': eventStages.checkItem,
  'events.kinds': eventKinds.listKinds,
  'events.putKind': eventKinds.putKind,
  'checklists.list': (ctx) => eventChecklists.listTemplates(ctx),
  'checklists.put': eventChecklists.putTemplate,
  'checklists.reset': eventChecklists.resetTemplate,
  'documents.card': documents.card,
  'documents.cards': documents.cards,
  'documents.letter': documents.letter,
  'documents.programme': documents.programme,
  'documents.report': documents.report,
  'reports.period': documents.period,
  'statistics.period': statistics.period,
  'statistics.export': statistics.exportStatistics,
  'reports.classifier': reports.classifier,
  'reports.sstu': reports.sstu,
  'templates.list': (ctx) => templates.list(ctx),
  'templates.save': templates.save,
  'templates.preview': (ctx, i) =>
    templates.preview(ctx, i, (id, kind) => documents.previewValues(ctx, id, kind)),
  'reminders.inbox': reminders.inbox,
  'reminders.groups': reminders.groups,
  'reminders.group': reminders.group,
  'reminders.unread': (ctx) => reminders.unread(ctx),
  'reminders.markRead': reminders.markRead,
  'reminders.scan': (ctx) => reminders.scanNow(ctx),
  'prefs.registryColumns': (ctx) => prefs.registryColumns(ctx),
  'prefs.setRegistryColumns': prefs.setRegistryColumns,
  'prefs.contactFieldColumns': (ctx) => prefs.contactFieldColumns(ctx),
  'prefs.setContactFieldColumns': prefs.setContactFieldColumns,
  'contacts.list': filter.list,
  'contacts.count': filter.count,
  'contacts.get': card.get,
  'contacts.create': card.create,
  'contacts.update': card.update,
  'contacts.addNote': card.addNote,
  'contacts.giveConsent': card.giveConsent,
  'contacts.withdrawConsent': card.withdrawConsent,
  'contacts.statuses': (ctx) => contactSettings.statuses(ctx),
  'contacts.saveStatuses': contactSettings.saveStatuses,
  'contacts.settings': (ctx) => contactSettings.settings(ctx),
  'contacts.updateSettings': contactSettings.updateSettings,
  'contacts.duplicates': dedupe.duplicates,
  'contacts.merge': dedupe.merge,
  'contacts.undoMerge': dedupe.undoMerge,
  'contacts.autoMerge': (ctx) => dedupe.autoMerge(ctx),
  'contacts.upload': contactImport.upload,
  'contacts.importPreview': contactImport.preview,
  'contacts.import': (ctx, input) => contactImport.importContacts(ctx, input),
  'contacts.importStart': importJobs.start,
  'contacts.importStatus': importJobs.status,
  'contacts.importCancel': importJobs.cancel,
  'contacts.export': contactExport.exportContacts,
  'contacts.personalData': personal.personalData,
  'contacts.erase': personal.erase,
  'segments.list': (ctx) => filter.listSegments(ctx),
  'segments.save': filter.saveSegment,
  'segments.delete': filter.deleteSegment,
  'contactFields.list': (ctx) => contactFields.list(ctx),
  'contactFields.save': contactFields.save,
  'contactFields.delete': contactFields.remove,
  'home.get': (ctx) => getHome(ctx),
  'sync.status': (ctx) => sync.status(ctx),
  'sync.enrol': sync.enrol,
  'sync.now': (ctx) => sync.syncNow(ctx),
  'sync.settings': sync.settings,
  'sync.conflicts': sync.conflicts,
  'sync.resolve': sync.resolve,
  'sync.exportBundle': (ctx) => sync.exportBundle(ctx),
  'sync.importBundle': sync.importBundle,
  'backups.overview': (ctx) => backups.overview(ctx),
  'backups.setFolder': backups.setFolder,
  'backups.run': (ctx) => backups.run(ctx),
  'backups.restore': backups.restore,
  'audit.list': auditLog.list,
  'audit.export': auditLog.exportAudit,
  'classifier.search': classifier.search,
  'classifier.names': classifier.names,
  'classifier.editions': (ctx) => classifierNames.editions(ctx),
  'classifier.previewEdition': classifierEditions.previewEdition,
  'classifier.applyEdition': classifierEditions.applyEdition,
  'classifier.rename': classifierNames.rename,
  'routing.list': (ctx) => routing.list(ctx),
  'routing.create': routing.create,
  'routing.update': routing.update,
  'routing.move': routing.move,
  'routing.delete': routing.remove,
  'routing.preview': routing.preview,
  ...webApplicationHandlers,
  ...mailIntakeHandlers,
  ...mailOutboxHandlers,
  'assignments.create': assignments.create,
  'assignments.get': assignmentReads.get,
  'assignments.list': assignmentReads.list,
  'assignments.start': assignments.start,
  'assignments.report': assignments.report,
  'assignments.accept': assignments.accept,
  'assignments.return': assignments.returnReport,
  'assignments.reassign': assignments.reassign,
  'assignments.comment': assignments.comment,
  'assignments.attach': assignments.attach,
  'assignments.templates': (ctx) => assignmentReads.templates(ctx),
  'assignments.createTemplate': recurring.createTemplate,
  'assignments.setTemplateActive': recurring.setTemplateActive,
  'assignments.updateTemplate': recurring.updateTemplate,
  'assignments.deleteTemplate': recurring.deleteTemplate,
  'assignments.file': assignmentReads.file,
  ...receptionHandlers,
  ...campaignHandlers,
  ...mandateHandlers,
  ...volunteerHandlers,
  ...ownRequestHandlers,
};
