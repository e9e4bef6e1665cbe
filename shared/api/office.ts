import { z } from 'zod';
import { method, RoleSchema } from './define';
import { Empty, IdSchema, InstantSchema, Ok, RequiredText, Text } from './common';
import { CalendarYearSchema } from '../domain/calendar';
import { REMINDER_RULES, ReminderSettingsSchema, type ReminderRule } from '../domain/reminders';
import { STAGE_LIMIT_KEYS, type StageLimitKey } from '../domain/workflow/appeal';
import { EVENT_STAGES, type EventStage } from '../domain/workflow/event';
import { regNumberFormatProblem } from '../domain/regnumber';

/** Per-stage limits in working days (a stage held longer is overdue and, later, "stuck"). */
export const StageLimitsSchema = z.object(
  Object.fromEntries(STAGE_LIMIT_KEYS.map((k) => [k, z.number().int().min(1).max(60)])) as Record<
    StageLimitKey,
    z.ZodNumber
  >,
);

/** Per-stage limits of events in working days (an event held longer in a stage is "stuck"). */
export const EventStageLimitsSchema = z.object(
  Object.fromEntries(EVENT_STAGES.map((k) => [k, z.number().int().min(1).max(365)])) as Record<
    EventStage,
    z.ZodNumber
  >,
);

export const DeadlineShiftSchema = z.enum(['previous', 'next']);

/** Registration number template: КОД = office code, ГГГГ = year, a run of N = zero-padded sequence. */
export const RegNumberFormatSchema = z
  .string()
  .trim()
  .max(40)
  .refine((f) => /N+/.test(f), { message: 'the format must contain N… for the sequence number' })
  .refine((f) => regNumberFormatProblem(f) !== 'desk_twice', {
    message: 'the desk token АРМ may appear once',
  })
  .refine((f) => regNumberFormatProblem(f) !== 'desk_not_apart', {
    message: 'the desk token АРМ must be set apart by a dash, a slash or a dot',
  });

const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone' },
);

export const OfficeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-ZА-ЯЁ0-9]{2,10}$/u, { message: '2–10 capital letters or digits' });

/** Fonts a printed document may use: those Word and LibreOffice both have (or substitute metrically). */
export const DOC_FONTS = [
  'Times New Roman',
  'Arial',
  'PT Serif',
  'PT Astra Serif',
  'Liberation Serif',
] as const;

/** What letters carry at the top and under the text, and how printed documents look. */
export const LetterheadSchema = z.object({
  /** «Депутат Государственной Думы …»: the line under the deputy's name. */
  deputyTitle: z.string().nullable(),
  /** Who signs letters; the deputy when not set. */
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  font: z.enum(DOC_FONTS),
  fontSize: z.number().int().min(10).max(16),
});
export type Letterhead = z.infer<typeof LetterheadSchema>;

export const OfficeSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  timeZone: z.string(),
  deputyName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  regNumberFormat: z.string(),
  deadlineShift: DeadlineShiftSchema,
  stageLimits: StageLimitsSchema,
  eventStageLimits: EventStageLimitsSchema,
  /** The answer term of a deputy's request here: 30 days under 3-FZ Art. 14, or the regional law's. */
  deputyRequestDays: z.number().int(),
  letterhead: LetterheadSchema,
  reminders: ReminderSettingsSchema,
  updatedAt: InstantSchema,
});
export type Office = z.infer<typeof OfficeSchema>;

export const UserInfoSchema = z.object({
  id: IdSchema,
  login: z.string(),
  fullName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
});
export type UserInfo = z.infer<typeof UserInfoSchema>;

const PasswordSchema = z.string().min(8, { message: 'at least 8 characters' }).max(200);
const LoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,40}$/, { message: '2–40 latin letters, digits, dot, dash or underscore' });

export const OfficeInputSchema = z.object({
  name: RequiredText(200),
  code: OfficeCodeSchema,
  region: Text(200).optional(),
  timeZone: TimeZoneSchema.default('Europe/Moscow'),
  deputyName: RequiredText(200),
  address: Text(300).optional(),
  phone: Text(50).optional(),
  email: Text(200).optional(),
});

export const officeMethods = {
  'setup.status': method({
    summary: 'Whether the office has been set up; what the sign-in screen shows',
    access: 'public',
    kind: 'read',
    input: Empty,
    output: z.object({
      initialized: z.boolean(),
      office: z.object({ name: z.string(), code: z.string(), deputyName: z.string() }).nullable(),
      /** HQ's analyst view: everything can be read, nothing written (but signing in and out). */
      readOnly: z.boolean(),
      /**
       * HQ's analyst view only: how many of HQ's changes it has yet to read, and why its last catch-up
       * failed (null: it did not), for the analysts' sync panel.
       */
      view: z.object({ behind: z.number(), error: z.string().nullable() }).optional(),
    }),
  }),
  'setup.init': method({
    summary: 'First-run setup: the office and its first administrator (refused once done)',
    access: 'public',
    kind: 'write',
    input: z.object({
      office: OfficeInputSchema,
      admin: z.object({ login: LoginSchema, fullName: RequiredText(200), password: PasswordSchema }),
    }),
    output: z.object({ office: OfficeSchema, admin: UserInfoSchema }),
  }),
  'auth.signIn': method({
    summary: 'Sign in with login and password; locked for a while after repeated failures',
    access: 'public',
    kind: 'write',
    // Bounded: the sign-in is public (at HQ, to the network), and a failure is audited with its login.
    input: z.object({
      login: z.string().max(40, { message: 'at most 40 characters' }).trim().toLowerCase().min(1),
      password: z.string().min(1).max(200, { message: 'at most 200 characters' }),
    }),
    output: z.object({ token: z.string(), user: UserInfoSchema, office: OfficeSchema }),
  }),
  'auth.signOut': method({
    summary: 'End the current session',
    access: 'signed_in',
    kind: 'write',
    input: Empty,
    output: Ok,
  }),
  'auth.me': method({
    summary: 'The signed-in user and the office',
    access: 'signed_in',
    kind: 'read',
    input: Empty,
    output: z.object({ user: UserInfoSchema, office: OfficeSchema }),
  }),
  'offices.list': method({
    summary: 'The offices this database holds: its own in an office, every office in HQ’s analyst view',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string() })),
  }),
  'users.list': method({
    summary: 'Users of the office (for the responsible-person pickers)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(UserInfoSchema),
  }),
  'users.create': method({
    summary: 'Add a user with a role',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: z.object({
      login: LoginSchema,
      fullName: RequiredText(200),
      role: RoleSchema,
      password: PasswordSchema,
    }),
    output: UserInfoSchema,
  }),
  'users.update': method({
    summary: 'Change a user’s name, role, active flag or password',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      id: IdSchema,
      fullName: RequiredText(200).optional(),
      role: RoleSchema.optional(),
      active: z.boolean().optional(),
      password: PasswordSchema.optional(),
    }),
    output: UserInfoSchema,
  }),
  'office.get': method({
    summary: 'Office details and settings',
    access: 'signed_in',
    kind: 'read',
    input: Empty,
    output: OfficeSchema,
  }),
  'office.update': method({
    summary: 'Change office details and settings',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: OfficeInputSchema.omit({ code: true })
      .partial()
      .extend({
        regNumberFormat: RegNumberFormatSchema.optional(),
        deadlineShift: DeadlineShiftSchema.optional(),
        stageLimits: StageLimitsSchema.partial().optional(),
        eventStageLimits: EventStageLimitsSchema.partial().optional(),
        deputyRequestDays: z.number().int().min(1).max(90).optional(),
        letterhead: z
          .object({
            deputyTitle: Text(300).optional(),
            signatoryName: Text(200).optional(),
            signatoryTitle: Text(300).optional(),
            font: z.enum(DOC_FONTS).optional(),
            fontSize: z.number().int().min(10).max(16).optional(),
          })
          .optional(),
        reminders: ReminderSettingsSchema.partial()
          .extend({
            enabled: z
              .object(
                Object.fromEntries(REMINDER_RULES.map((r) => [r, z.boolean().optional()])) as Record<
                  ReminderRule,
                  z.ZodOptional<z.ZodBoolean>
                >,
              )
              .optional(),
          })
          .optional(),
      }),
    output: OfficeSchema,
  }),
  'calendar.list': method({
    summary: 'The production calendar years in force (shipped, edited by the office, or provisional)',
    access: 'signed_in',
    kind: 'read',
    input: Empty,
    output: z.array(CalendarYearSchema.and(z.object({ editedByOffice: z.boolean() }))),
  }),
  'calendar.putYear': method({
    summary: 'Replace one year of the production calendar with the office’s edition',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: CalendarYearSchema,
    output: Ok,
  }),
} as const;
