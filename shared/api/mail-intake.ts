import { z } from 'zod';
import { method } from './define';
import { RegisterAppealSchema } from './appeals';
import { ContactSummarySchema } from './contacts';
import { Empty, IdSchema, InstantSchema, IsoDateSchema, Ok, RequiredText } from './common';

/** Who keeps the office's mailboxes: the office head and the administrator. */
const MANAGERS = ['office_head', 'admin'] as const;
/** Who works «Входящие»: whoever registers appeals. */
const DESK = ['assistant', 'office_head', 'admin'] as const;

export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export const MailSecuritySchema = z.enum(MAIL_SECURITY);

const HostSchema = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'not a host name or address' });

export const MailboxInputSchema = z.object({
  /** Absent: a new mailbox. */
  id: IdSchema.optional(),
  name: RequiredText(100),
  host: HostSchema,
  port: z.number().int().min(1).max(65535),
  security: MailSecuritySchema.default('tls'),
  login: RequiredText(200),
  /** Required for a new mailbox; absent or empty when editing keeps the stored one. */
  password: z.string().max(500).optional(),
  folder: z.string().trim().min(1, { message: 'required' }).max(200).default('INBOX'),
  /** Delete a message from the mailbox once it is taken into «Входящие»; off unless the office turns it on. */
  deleteAfterTake: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type MailboxInput = z.input<typeof MailboxInputSchema>;

export const MailboxSchema = z.object({
  id: IdSchema,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: MailSecuritySchema,
  login: z.string(),
  folder: z.string(),
  deleteAfterTake: z.boolean(),
  active: z.boolean(),
  /** The last fetch: when, and what went wrong (null: it went well). */
  checkedAt: InstantSchema.nullable(),
  error: z.string().nullable(),
  /** Messages taken from it in all. */
  taken: z.number().int(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

export const MailIntakeSettingsSchema = z.object({
  /** How often the mailboxes are fetched, in minutes; 0: only on demand. */
  intervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** A larger message is not downloaded: it is listed with the reason. */
  maxMessageMb: z.number().int().min(1).max(200),
});
export type MailIntakeSettings = z.infer<typeof MailIntakeSettingsSchema>;

/** Why a connection failed, in words the office understands (see shared/i18n/ru/mail-intake.ts). */
export const MAIL_FAILURES = [
  'auth',
  'certificate',
  'tls',
  'no_route',
  'refused',
  'timeout',
  'folder',
  'password_unreadable',
  'protocol',
] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

export const ConnectionCheckSchema = z.object({
  ok: z.boolean(),
  failure: z.enum(MAIL_FAILURES).nullable(),
  /** The failure in plain Russian words, or what was found: the folder and how many messages it holds. */
  message: z.string(),
  messages: z.number().int().nullable(),
});

export const INTAKE_STATES = ['new', 'registered', 'not_appeal', 'linked'] as const;
export const IntakeStateSchema = z.enum(INTAKE_STATES);
export type IntakeState = z.infer<typeof IntakeStateSchema>;

/** Why a message is not an appeal. */
export const NOT_APPEAL_REASONS = ['spam', 'newsletter', 'thread', 'other'] as const;

/** What was wrong with a message; it is listed all the same. */
export const INTAKE_PROBLEMS = ['too_large', 'malformed', 'no_from'] as const;
export type IntakeProblem = (typeof INTAKE_PROBLEMS)[number];

export const IntakeFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Whether the file can be attached to an appeal (an accepted type). */
  attachable: z.boolean(),
});

export const BounceSchema = z.object({
  recipient: z.string().nullable(),
  originalMessageId: z.string().nullable(),
  action: z.string().nullable(),
  status: z.string().nullable(),
});

export const IntakeRowSchema = z.object({
  id: IdSchema,
  mailboxId: IdSchema,
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  subject: z.string(),
  receivedAt: InstantSchema,
  files: z.number().int(),
  state: IntakeStateSchema,
  problem: z.enum(INTAKE_PROBLEMS).nullable(),
  autoReply: z.boolean(),
  bounce: z.boolean(),
  appealId: IdSchema.nullable(),
  regNumber: z.string().nullable(),
  /** The office's request to a body this message answers, when it is one. */
  requestId: IdSchema.nullable(),
});
export type IntakeRow = z.infer<typeof IntakeRowSchema>;

export const IntakeItemSchema = IntakeRowSchema.extend({
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  sentAt: InstantSchema.nullable(),
  size: z.number().int(),
  body: z.string(),
  attachments: z.array(IntakeFileSchema),
  bounceReport: BounceSchema.nullable(),
  reason: z.string().nullable(),
  decidedAt: InstantSchema.nullable(),
  decidedBy: z.string().nullable(),
  /** The registration form as the message fills it: channel, dates, applicant, summary, text. */
  draft: z.object({
    receivedOn: IsoDateSchema,
    summary: z.string(),
    text: z.string(),
    applicant: z.object({
      contactId: IdSchema.nullable(),
      contactName: z.string().nullable(),
      /** The contact found by the sender's address, as the form's applicant shows it. */
      contact: ContactSummarySchema.nullable(),
      lastName: z.string().nullable(),
      firstName: z.string().nullable(),
      middleName: z.string().nullable(),
      email: z.string().nullable(),
    }),
  }),
});
export type IntakeItem = z.infer<typeof IntakeItemSchema>;

export const FetchReportSchema = z.object({
  mailboxes: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      taken: z.number().int(),
      skipped: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
  taken: z.number().int(),
});
export type FetchReport = z.infer<typeof FetchReportSchema>;

export const mailIntakeMethods = {
  'mail.mailboxes': method({
    summary: 'The IMAP mailboxes this computer fetches into «Входящие», and the intake’s settings',
    access: MANAGERS,
    kind: 'read',
    input: Empty,
    output: z.object({ mailboxes: z.array(MailboxSchema), settings: MailIntakeSettingsSchema }),
  }),
  'mail.saveMailbox': method({
    summary: 'Add or edit an IMAP mailbox (the password is sealed before it is stored)',
    access: MANAGERS,
    kind: 'write',
    input: MailboxInputSchema,
    output: MailboxSchema,
  }),
  'mail.removeMailbox': method({
    summary: 'Stop fetching a mailbox; what was taken from it stays in «Входящие»',
    access: MANAGERS,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: Ok,
  }),
  'mail.checkMailbox': method({
    summary: 'Connect to a mailbox (saved, or as typed) and say in plain words what is wrong',
    access: MANAGERS,
    kind: 'read',
    input: MailboxInputSchema,
    output: ConnectionCheckSchema,
  }),
  'mail.saveSettings': method({
    summary: 'How often the mailboxes are fetched and the largest message taken whole',
    access: MANAGERS,
    kind: 'write',
    input: MailIntakeSettingsSchema,
    output: MailIntakeSettingsSchema,
  }),
  'mail.fetchNow': method({
    summary: 'Fetch the new messages of every active mailbox now',
    access: DESK,
    kind: 'write',
    input: Empty,
    output: FetchReportSchema,
  }),
  'mail.intake': method({
    summary: '«Входящие»: the messages taken, newest first',
    access: DESK,
    kind: 'read',
    input: z.object({
      state: IntakeStateSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ rows: z.array(IntakeRowSchema), unregistered: z.number().int() }),
  }),
  'mail.intakeItem': method({
    summary: 'One message of «Входящие» whole, with the registration it proposes',
    access: DESK,
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: IntakeItemSchema,
  }),
  'mail.registerFromIntake': method({
    summary: 'Register a message of «Входящие» as an appeal, its files attached, and mark it registered',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      /** The registration as the person edited it; absent: the one the message proposes (`draft`), as is. */
      appeal: RegisterAppealSchema.optional(),
      /** The files (by hash) to attach; absent: every file of an accepted type. */
      files: z.array(z.string().regex(/^[0-9a-f]{64}$/)).optional(),
    }),
    output: z.object({ appealId: IdSchema, regNumber: z.string(), attached: z.number().int() }),
  }),
  'mail.recordAnswer': method({
    summary: 'Record a message answering a request to a body as that request’s answer, its files attached',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      incomingNumber: RequiredText(60),
      /** Absent: the day the message came, in the office's time zone. */
      answeredOn: IsoDateSchema.optional(),
      /** Absent: the message's text. */
      summary: z.string().trim().min(1).max(4000).optional(),
    }),
    output: z.object({ requestId: IdSchema, attached: z.number().int() }),
  }),
  'mail.dismissIntake': method({
    summary: 'Mark a message of «Входящие» as not an appeal, with the reason',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      reason: z.enum(NOT_APPEAL_REASONS),
      note: z.string().trim().max(500).optional(),
    }),
    output: IntakeRowSchema,
  }),
} as const;
