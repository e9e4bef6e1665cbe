/** The reception schedule's services, one per method of `shared/api/reception.ts`. */
import * as bookings from './bookings';
import { dayList } from './day-list';
import * as days from './days';

export const receptionHandlers = {
  'reception.days': days.days,
  'reception.createDay': days.createDay,
  'reception.createSeries': days.createSeries,
  'reception.updateDay': days.updateDay,
  'reception.cancelDay': days.cancelDay,
  'reception.notices': days.notices,
  'reception.book': bookings.book,
  'reception.moveBooking': bookings.moveBooking,
  'reception.cancelBooking': bookings.cancelBooking,
  'reception.mark': bookings.mark,
  'reception.addWalkIn': bookings.addWalkIn,
  'reception.registerAppeal': bookings.registerAppeal,
  'reception.dayList': dayList,
} as const;
