import type { AppealKind, Channel } from '../../../../shared/api/appeals';
import type { ContactSummary } from '../../../../shared/api/contacts';
import { todayIn } from '../../i18n';
import type { SliceCreator } from '../../store';
import { BLANK_ORAL, type OralDraft } from './oral-draft';

/** The registration form as typed; kept in the store so a half-typed appeal survives a look at the registry. */
export interface Draft {
  /** `YYYY-MM-DD`; '' when empty; null while the typed text is not a date. */
  registeredOn: string | null;
  /** The registration date was typed on purpose (a backlog): the next appeal of a pile keeps it. */
  registeredOnTyped: boolean;
  receivedOn: string | null;
  channel: Channel;
  kind: AppealKind;
  phone: string;
  lastName: string;
  firstName: string;
  middleName: string;
  address: string;
  email: string;
  /** The existing contact the assistant chose as the applicant. */
  contact: ContactSummary | null;
  summary: string;
  text: string;
  topics: string;
  responsibleId: string;
  isRepeat: boolean;
  isCollective: boolean;
  signatories: string;
  isAnonymous: boolean;
  onControl: boolean;
  forwardedBody: string;
  forwardedNumber: string;
  forwardedDate: string | null;
  /** The event (a reception day) the appeals are taken at, when the form was opened from its card. */
  event: { id: string; title: string } | null;
  /** An answer given orally at a personal reception, when the channel is one. */
  oral: OralDraft;
  /** The message of «Входящие» the form was opened from: registering it marks it, its files attached. */
  intake: { id: string; subject: string; files: number } | null;
  /** The application of the web reception the form was opened from: registering it marks it. */
  web: { id: string; name: string } | null;
}

function blank(today: string, keep?: Draft): Draft {
  // Only a past date typed for a backlog is carried on; never a date ahead, never one nobody chose.
  const backlog = keep?.registeredOnTyped && keep.registeredOn && keep.registeredOn < today;
  return {
    registeredOn: backlog ? keep.registeredOn : today,
    registeredOnTyped: !!backlog,
    receivedOn: '',
    channel: keep?.channel ?? 'post',
    kind: keep?.kind ?? 'application',
    phone: '',
    lastName: '',
    firstName: '',
    middleName: '',
    address: '',
    email: '',
    contact: null,
    summary: '',
    text: '',
    topics: '',
    responsibleId: keep?.responsibleId ?? '',
    isRepeat: false,
    isCollective: false,
    signatories: '2',
    isAnonymous: false,
    onControl: false,
    forwardedBody: '',
    forwardedNumber: '',
    forwardedDate: '',
    event: keep?.event ?? null,
    oral: BLANK_ORAL,
    intake: null,
    web: null,
  };
}

export interface RegisterSlice {
  draft: Draft;
  /** Something was typed since the form was last cleared. */
  draftTouched: boolean;
  setDraft(patch: Partial<Draft>): void;
  /** Clears the form; `keepDesk` keeps the date, channel, kind and responsible for the next appeal of a pile. */
  resetDraft(keepDesk: boolean): void;
}

export const createRegisterSlice: SliceCreator<RegisterSlice> = (set, get) => ({
  draft: blank(''),
  draftTouched: false,
  setDraft(patch) {
    set({ draft: { ...get().draft, ...patch }, draftTouched: true });
  },
  resetDraft(keepDesk) {
    const tz = get().office?.timeZone ?? 'Europe/Moscow';
    set({ draft: blank(todayIn(tz), keepDesk ? get().draft : undefined), draftTouched: false });
  },
});
