import type { Input } from '../../shared/api/index';

/** What the reception's tests book: a day, a citizen, a booking. */

/** Wednesday after the test office's today (2025-03-03, a Monday). */
export const DAY: Input<'reception.createDay'> = {
  date: '2025-03-05',
  place: 'Приёмная, ул. Советская, 1, каб. 3',
  startTime: '10:00',
  endTime: '12:00',
  slotMinutes: 20,
  breaks: [{ from: '11:00', to: '11:20' }],
};

export const citizen = (lastName: string, more: { phone?: string; email?: string } = {}) => ({
  lastName,
  firstName: 'Иван',
  forceNew: true,
  ...more,
});

export const booking = (
  dayId: string,
  slot: string,
  applicant: Input<'reception.book'>['applicant'],
  question = 'Вопрос',
) => ({
  dayId,
  slot,
  applicant,
  question,
});
