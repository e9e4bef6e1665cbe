import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema, PageInput, pageOf } from './common';
import { APPEAL_ACTIONS } from '../domain/workflow/appeal';
import { REQUEST_ACTIONS } from '../domain/workflow/request';

/**
 * Every action the audit log records, as `audit()` and the audited reads write it. The filter takes a set
 * of these; the screen names each in Russian (shared/i18n/ru/audit.ts).
 */
export const AUDIT_ACTIONS = [
  // Reads of personal data (152-FZ Art. 19) and exports.
  'appeals.get',
  'contacts.get',
  'contacts.personalData',
  'contacts.export',
  'documents.card',
  'documents.programme',
  'events.get',
  'audit.list',
  'audit.export',
  // Changes.
  'appeals.register',
  'appeals.update',
  ...APPEAL_ACTIONS.map((a) => `workflow.${a}` as const),
  'workflow.saveReply',
  'workflow.extend',
  'workflow.notifyExtension',
  ...REQUEST_ACTIONS.map((a) => `requests.${a}` as const),
  'tasks.reassign',
  'attachments.add',
  'contacts.create',
  'contacts.update',
  'contacts.addNote',
  'contacts.giveConsent',
  'contacts.withdrawConsent',
  'contacts.merge',
  'contacts.autoMerge',
  'contacts.undoMerge',
  'contacts.erase',
  'contacts.import',
  'contacts.importDryRun',
  'contacts.upload',
  'contacts.saveStatuses',
  'contacts.updateSettings',
  'segments.save',
  'segments.delete',
  'events.create',
  'events.update',
  'events.move',
  'events.autoMove',
  'events.override',
  'events.cancel',
  'events.checkItem',
  'events.putKind',
  'checklists.put',
  'checklists.reset',
  'bodies.create',
  'bodies.update',
  'templates.save',
  'reminders.markRead',
  // Access and the office.
  'auth.signIn',
  'auth.signIn.failed',
  'auth.locked',
  'auth.signOut',
  'users.create',
  'users.update',
  'users.system',
  'setup.init',
  'office.update',
  'calendar.putYear',
  'classifier.applyEdition',
  'classifier.rename',
  'sync.enrol',
  'sync.settings',
  'sync.resolve',
  'sync.numberClash',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who may read the audit: those who answer for the office's personal data. */
export const AUDIT_READERS = ['office_head', 'admin'] as const;

/**
 * The audit's filter; every given condition must hold. `contactId` finds the entries about the contact
 * itself and about the appeals the person made (their card opened, printed, changed). `from`/`to` are the
 * office's calendar dates, both included, read as instants in the office's time zone.
 */
export const AuditFilterSchema = z.object({
  userId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  appealId: IdSchema.optional(),
  actions: z.array(z.enum(AUDIT_ACTIONS)).min(1).max(AUDIT_ACTIONS.length).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

const periodInOrder = (f: AuditFilter): boolean => !f.from || !f.to || f.from <= f.to;
const PERIOD_ORDER = { message: 'the period ends before it starts', path: ['to'] };

/** What an entry is about, as the screen links it: an appeal by its number, a contact by name. */
export const AuditSubjectSchema = z.object({
  kind: z.enum(['appeal', 'contact', 'event']),
  id: IdSchema,
  label: z.string(),
});

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The person's full name, else the login the entry kept (a failed sign-in, a removed user). */
  who: z.string().nullable(),
  transport: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  subject: AuditSubjectSchema.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const auditMethods = {
  'audit.list': method({
    summary: 'The audit log, newest first, a page at a time: who read, exported or changed what (152-FZ)',
    access: AUDIT_READERS,
    kind: 'read',
    audited: true,
    input: AuditFilterSchema.extend(PageInput).refine(periodInOrder, PERIOD_ORDER),
    output: pageOf(AuditEntrySchema),
  }),
  'audit.export': method({
    summary:
      'The audit entries a filter finds, as one CSV (Excel) or XLSX file; the export is itself audited',
    access: AUDIT_READERS,
    kind: 'read',
    audited: true,
    input: AuditFilterSchema.extend({
      format: z.enum(['csv', 'xlsx']).default('xlsx'),
      encoding: z.enum(['cp1251', 'utf-8']).default('utf-8'),
    }).refine(periodInOrder, PERIOD_ORDER),
    output: z.object({
      name: z.string(),
      mime: z.string(),
      count: z.number().int(),
      dataBase64: z.string(),
    }),
  }),
} as const;
