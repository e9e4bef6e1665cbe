import { z } from 'zod';
import { method } from './define';
import { AppealResultSchema } from './appeals';
import { IdSchema, InstantSchema, RequiredText, Text } from './common';
import { DESK } from '../domain/workflow/appeal';

/** Who keeps the office's settings: the SMTP account is theirs. */
const MANAGERS = ['office_head', 'admin'] as const;

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export const SmtpSecuritySchema = z.enum(SMTP_SECURITY);

export const EmailSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'not an e-mail address' });

export const SmtpAccountInputSchema = z.object({
  host: RequiredText(255),
  port: z.number().int().min(1).max(65_535),
  security: SmtpSecuritySchema,
  login: Text(320).optional(),
  /** A new password; left out, the stored one is kept; an empty string removes it. */
  password: z.string().max(1000).optional(),
  fromName: RequiredText(200),
  fromAddress: EmailSchema,
  /** Messages a minute; 0: no limit. */
  ratePerMinute: z.number().int().min(0).max(100_000).default(0),
});

export const SmtpAccountSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: SmtpSecuritySchema,
  login: z.string().nullable(),
  hasPassword: z.boolean(),
  fromName: z.string(),
  fromAddress: z.string(),
  ratePerMinute: z.number().int(),
  updatedAt: InstantSchema,
});
export type SmtpAccount = z.infer<typeof SmtpAccountSchema>;

/** What a connection check says: ok, or why not in plain words. */
export const SmtpCheckSchema = z.object({ ok: z.boolean(), message: z.string() });

/** The letters that go out from a card, each the e-mail of a workflow step. */
export const MAIL_KINDS = ['reply', 'art11_notice', 'extension_notice', 'request'] as const;
export const MailKindSchema = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKindSchema>;

export const MailTemplateSchema = z.object({
  kind: MailKindSchema,
  subject: z.string(),
  body: z.string(),
  /** The office's own text; false: the shipped one. */
  custom: z.boolean(),
});

/** A letter of a card as the send dialog proposes it: the address, the subject and body from the template. */
export const MailDraftSchema = z.object({
  kind: MailKindSchema,
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** The letter as DOCX can go along (the documents domain makes it). */
  letterName: z.string(),
});

export const MailSendInputSchema = z.object({
  appealId: IdSchema,
  kind: MailKindSchema,
  /** The request's id, for a request to a body. */
  requestId: IdSchema.optional(),
  /** The address; by default the applicant's (the body's for a request). */
  to: EmailSchema.optional(),
  subject: RequiredText(500),
  body: RequiredText(20_000),
  /** Attach the letter as DOCX, made by the documents domain. */
  attachLetter: z.boolean().default(true),
  /** Files already attached to the appeal (a signed scan), sent along. */
  attachmentIds: z.array(IdSchema).max(20).default([]),
  /** The outgoing number: in the subject, and the step's number once the message is taken. */
  outgoingNumber: Text(60).optional(),
  /** The reply's signatory and result (the reply only). */
  signatory: Text(200).optional(),
  result: AppealResultSchema.optional(),
});

export const OUTBOX_STATUSES = ['queued', 'sent', 'cancelled'] as const;

export const OutboxItemSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  appealId: IdSchema.nullable(),
  requestId: IdSchema.nullable(),
  to: z.string(),
  subject: z.string(),
  attachments: z.array(z.object({ name: z.string(), mime: z.string(), hash: z.string() })),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: InstantSchema.nullable(),
  /** Why the last attempt failed, in plain words. */
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: InstantSchema.nullable(),
  /** The step's sent fact could not be recorded (someone recorded it by hand first). */
  stepError: z.string().nullable(),
  createdAt: InstantSchema,
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const mailOutboxMethods = {
  'mail.account.get': method({
    summary: 'The office’s SMTP account on this computer (the password is never returned)',
    access: MANAGERS,
    kind: 'read',
    input: z.object({}).strict(),
    output: SmtpAccountSchema.nullable(),
  }),
  'mail.account.save': method({
    summary: 'Set the SMTP account: server, security, login, password (sealed), sender, rate',
    access: MANAGERS,
    kind: 'write',
    input: SmtpAccountInputSchema,
    output: SmtpAccountSchema,
  }),
  'mail.account.check': method({
    summary: 'Connect to the SMTP server with the saved account and say in plain words what is wrong',
    access: MANAGERS,
    kind: 'read',
    input: z.object({}).strict(),
    output: SmtpCheckSchema,
  }),
  'mail.templates.list': method({
    summary: 'The subject and body of each kind of letter sent by e-mail',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(MailTemplateSchema),
  }),
  'mail.templates.save': method({
    summary: 'Set the office’s subject and body of a kind of e-mail (empty: the shipped text again)',
    access: MANAGERS,
    kind: 'write',
    input: z.object({ kind: MailKindSchema, subject: z.string().max(500), body: z.string().max(20_000) }),
    output: z.array(MailTemplateSchema),
  }),
  'mail.draft': method({
    summary: 'The e-mail a card would send for a step: the address, subject and body from the template',
    access: DESK,
    kind: 'read',
    input: z.object({
      appealId: IdSchema,
      kind: MailKindSchema,
      requestId: IdSchema.optional(),
      outgoingNumber: Text(60).optional(),
    }),
    output: MailDraftSchema,
  }),
  'mail.send': method({
    summary: 'Send a letter of the card by e-mail: queued, tried at once, retried until the server takes it',
    access: DESK,
    kind: 'write',
    input: MailSendInputSchema,
    output: OutboxItemSchema,
  }),
  'mail.outbox': method({
    summary: 'The outbox: messages queued and sent, newest first (of one appeal, or all)',
    access: DESK,
    kind: 'read',
    input: z.object({
      appealId: IdSchema.optional(),
      status: z.enum(OUTBOX_STATUSES).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(OutboxItemSchema),
  }),
  'mail.retry': method({
    summary: 'Try a queued message again now',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: OutboxItemSchema,
  }),
  'mail.cancel': method({
    summary: 'Take a queued message out of the outbox: it will not be sent',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: OutboxItemSchema,
  }),
} as const;
