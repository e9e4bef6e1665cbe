/** The services behind the наказы's methods of the contract, spread into `api/handlers.ts`. */
import { mandateReport } from '../reports/mandates';
import { mandateCard, mandateFile } from './card';
import {
  attachToMandate,
  createMandate,
  linkMandate,
  setMandateStatus,
  unlinkMandate,
  updateMandate,
} from './mandates';
import { listDistricts, listMandates } from './queries';

export const mandateHandlers = {
  'mandates.create': createMandate,
  'mandates.update': updateMandate,
  'mandates.setStatus': setMandateStatus,
  'mandates.link': linkMandate,
  'mandates.unlink': unlinkMandate,
  'mandates.list': listMandates,
  'mandates.districts': listDistricts,
  'mandates.card': mandateCard,
  'mandates.report': mandateReport,
  'mandates.attach': attachToMandate,
  'mandates.file': mandateFile,
} as const;
