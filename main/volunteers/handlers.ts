import { move } from './pipeline';
import * as volunteers from './service';

/** The volunteer pipeline's methods. */
export const volunteerHandlers = {
  'volunteers.candidate': volunteers.candidate,
  'volunteers.list': volunteers.list,
  'volunteers.move': move,
  'volunteers.counts': volunteers.counts,
  'volunteers.settings': volunteers.settings,
  'volunteers.updateSettings': volunteers.updateSettings,
} as const;
