import type { OralResult } from '../../../../shared/api/oral-answer';

/** The form's «answer given orally» section, as typed (59-FZ Art. 13 p.2). */
export interface OralDraft {
  given: boolean;
  result: OralResult;
  text: string;
  consent: boolean;
  answeredBy: string;
}

export const BLANK_ORAL: OralDraft = {
  given: false,
  result: 'explained',
  text: '',
  consent: false,
  answeredBy: '',
};
