import { z } from 'zod';
import { method } from './define';
import { ApplicantInputSchema, RegisterAppealSchema } from './appeals';
import { IdSchema, IsoDateSchema, RequiredText } from './common';
import { DocFileSchema } from './documents';
import { OralAnswerSchema } from './oral-answer';
import { TIME_RE } from '../domain/reception';

/** Who keeps the reception schedule and books citizens into it. */
const DESK = ['assistant', 'office_head', 'admin', 'deputy'] as const;

export const TimeSchema = z.string().regex(TIME_RE, { message: 'expected a time HH:MM' });

export const BreakSchema = z
  .object({ from: TimeSchema, to: TimeSchema })
  .refine((b) => b.from < b.to, { message: 'a break ends after it starts', path: ['to'] });

/** A reception day's fields, as the office sets them. */
const DayFieldsObject = z.object({
  date: IsoDateSchema,
  /** Who receives: the deputy or an assistant (a user of the office); none named, the deputy. */
  hostId: IdSchema.nullable().optional(),
  place: RequiredText(300),
  startTime: TimeSchema,
  endTime: TimeSchema,
  /** The slot's length in minutes, set by the office. */
  slotMinutes: z.number().int().min(5).max(240),
  breaks: z.array(BreakSchema).max(10).default([]),
  /** The «День приёма» event this day belongs to. */
  eventId: IdSchema.nullable().optional(),
});
const hoursInOrder = { message: 'the day ends after it starts', path: ['endTime'] };
export const DayFieldsSchema = DayFieldsObject.refine((d) => d.startTime < d.endTime, hoursInOrder);

export const BOOKING_STATUSES = ['booked', 'came', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const NoticeSchema = z.object({
  id: IdSchema,
  bookingId: IdSchema,
  reason: z.enum(['booked', 'moved', 'cancelled']),
  channel: z.enum(['email', 'call']),
  address: z.string().nullable(),
  text: z.string(),
  state: z.enum(['pending', 'sent', 'failed', 'task']),
  taskId: IdSchema.nullable(),
  createdAt: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const BookingSchema = z.object({
  id: IdSchema,
  dayId: IdSchema,
  /** 'HH:MM'; null for a walk-in. */
  slot: z.string().nullable(),
  /** A walk-in's number in the day's queue. */
  queueNo: z.number().int().nullable(),
  contactId: IdSchema,
  citizenName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  question: z.string(),
  status: z.enum(BOOKING_STATUSES),
  appealId: IdSchema.nullable(),
  regNumber: z.string().nullable(),
  /** The latest notice of the citizen about this booking. */
  notice: z.object({ channel: z.enum(['email', 'call']), state: z.string() }).nullable(),
});
export type Booking = z.infer<typeof BookingSchema>;

export const SlotSchema = z.object({
  time: z.string(),
  /** `conflict`: two computers of the office booked the slot apart; moving one settles it. */
  state: z.enum(['free', 'booked', 'conflict']),
  bookings: z.array(BookingSchema),
});
export type Slot = z.infer<typeof SlotSchema>;

export const DaySchema = z.object({
  id: IdSchema,
  date: IsoDateSchema,
  hostId: IdSchema.nullable(),
  hostName: z.string().nullable(),
  place: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  breaks: z.array(z.object({ from: z.string(), to: z.string() })),
  eventId: IdSchema.nullable(),
  seriesId: IdSchema.nullable(),
  status: z.enum(['open', 'cancelled']),
  cancelReason: z.string().nullable(),
  version: z.string(),
  slots: z.array(SlotSchema),
  /** Walk-ins in the order they came. */
  queue: z.array(BookingSchema),
});
export type ReceptionDay = z.infer<typeof DaySchema>;

const ApplicantOfBooking = ApplicantInputSchema;

export const receptionMethods = {
  'reception.days': method({
    summary: 'Reception days in a date range with their slots, bookings and walk-in queue',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ from: IsoDateSchema, days: z.number().int().min(1).max(62).default(7) }),
    output: z.array(DaySchema),
  }),
  'reception.createDay': method({
    summary: 'Add a reception day with its place, hours, slot length and breaks',
    access: DESK,
    kind: 'write',
    input: DayFieldsSchema,
    output: DaySchema,
  }),
  'reception.createSeries': method({
    summary: 'Add reception days by a repeating rule: weekdays every N weeks between two dates',
    access: DESK,
    kind: 'write',
    input: DayFieldsObject.omit({ date: true, eventId: true })
      .extend({
        from: IsoDateSchema,
        to: IsoDateSchema,
        weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
        everyWeeks: z.number().int().min(1).max(8).default(1),
      })
      .refine((d) => d.startTime < d.endTime, hoursInOrder)
      .refine((d) => d.from <= d.to, { message: 'the rule ends after it starts', path: ['to'] }),
    output: z.array(DaySchema),
  }),
  'reception.updateDay': method({
    summary: 'Change a reception day (moving it tells every booked citizen)',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, version: z.string(), fields: DayFieldsSchema }),
    output: DaySchema,
  }),
  'reception.cancelDay': method({
    summary: 'Cancel a reception day: its bookings are cancelled and each citizen is told',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, reason: RequiredText(500) }),
    output: DaySchema,
  }),
  'reception.book': method({
    summary: 'Book a citizen (a contact, or a new one) into a free slot with the question in short',
    access: DESK,
    kind: 'write',
    input: z.object({
      dayId: IdSchema,
      slot: TimeSchema,
      applicant: ApplicantOfBooking,
      question: RequiredText(500),
    }),
    output: BookingSchema,
  }),
  'reception.moveBooking': method({
    summary: 'Move a booking to a free slot (of this or another day); the citizen is told',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, dayId: IdSchema, slot: TimeSchema }),
    output: BookingSchema,
  }),
  'reception.cancelBooking': method({
    summary: 'Cancel a booking; its slot is free again',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: BookingSchema,
  }),
  'reception.mark': method({
    summary: 'Mark whether the citizen came',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, status: z.enum(['booked', 'came', 'no_show']) }),
    output: BookingSchema,
  }),
  'reception.addWalkIn': method({
    summary: 'A citizen who came without booking joins the day’s queue and gets its next number',
    access: DESK,
    kind: 'write',
    input: z.object({ dayId: IdSchema, applicant: ApplicantOfBooking, question: RequiredText(500) }),
    output: BookingSchema,
  }),
  'reception.registerAppeal': method({
    summary:
      'Register the appeal of a booked or queued citizen in one step (an oral one answered on the spot included)',
    access: DESK,
    kind: 'write',
    input: z.object({
      bookingId: IdSchema,
      appeal: RegisterAppealSchema.omit({ applicant: true }),
      oralAnswer: OralAnswerSchema.optional(),
    }),
    output: z.object({ appealId: IdSchema, regNumber: z.string(), booking: BookingSchema }),
  }),
  'reception.notices': method({
    summary: 'The notices of a reception day’s citizens: by e-mail, or a task to call',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ dayId: IdSchema }),
    output: z.array(NoticeSchema),
  }),
  'reception.dayList': method({
    summary: 'The day’s list as DOCX: time, citizen, phone, question',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({ dayId: IdSchema }),
    output: DocFileSchema,
  }),
} as const;
