import type { AppealCard } from '../../../../shared/api/appeals';
import type { Input } from '../../../../shared/api/index';
import { splitTopics } from '../register/input';

export type Patch = Input<'appeals.update'>['patch'];

/** The card as the edit form holds it. */
export interface EditState {
  receivedOn: string | null;
  channel: AppealCard['channel'];
  kind: AppealCard['kind'];
  summary: string;
  text: string;
  topics: string;
  responsibleId: string;
  executorId: string;
  isRepeat: boolean;
  isCollective: boolean;
  signatories: string;
  isAnonymous: boolean;
  onControl: boolean;
  sheets: string;
  attachmentsNote: string;
  caseFile: string;
  forwardedBody: string;
  forwardedNumber: string;
  forwardedDate: string | null;
}

export function editStateOf(c: AppealCard): EditState {
  return {
    receivedOn: c.receivedOn,
    channel: c.channel,
    kind: c.kind,
    summary: c.summary,
    text: c.text ?? '',
    topics: c.topics.join(' '),
    responsibleId: c.responsibleId ?? '',
    executorId: c.executorId ?? '',
    isRepeat: c.isRepeat,
    isCollective: c.isCollective,
    signatories: String(c.signatories),
    isAnonymous: c.isAnonymous,
    onControl: c.onControl,
    sheets: String(c.sheets),
    attachmentsNote: c.attachmentsNote ?? '',
    caseFile: c.caseFile ?? '',
    forwardedBody: c.forwardedFrom?.body ?? '',
    forwardedNumber: c.forwardedFrom?.outgoingNumber ?? '',
    forwardedDate: c.forwardedFrom?.date ?? '',
  };
}

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** True when the form differs from the card. */
export function changesSomething(p: Patch): boolean {
  return Object.keys(p).length > 0;
}

export function patchOf(c: AppealCard, e: EditState): Patch {
  const p: Patch = {};
  const signatories = e.isCollective ? num(e.signatories) : 1;
  const topics = splitTopics(e.topics);
  if (e.isCollective !== c.isCollective) p.isCollective = e.isCollective;
  if (signatories !== c.signatories) p.signatories = signatories;
  if (e.isAnonymous !== c.isAnonymous) p.isAnonymous = e.isAnonymous;
  if (num(e.sheets) !== c.sheets) p.sheets = num(e.sheets);
  if (topics.join(' ') !== c.topics.join(' ')) p.topics = topics;
  if (e.onControl !== c.onControl) p.onControl = e.onControl;
  if (e.receivedOn && e.receivedOn !== c.receivedOn) p.receivedOn = e.receivedOn;
  if (e.channel !== c.channel) p.channel = e.channel;
  if (e.kind !== c.kind) p.kind = e.kind;
  if (e.summary !== c.summary) p.summary = e.summary;
  if (e.text !== (c.text ?? '')) p.text = e.text;
  if (e.responsibleId !== (c.responsibleId ?? '')) p.responsibleId = e.responsibleId || null;
  if (e.executorId !== (c.executorId ?? '')) p.executorId = e.executorId || null;
  if (e.isRepeat !== c.isRepeat) p.isRepeat = e.isRepeat;
  if (e.attachmentsNote !== (c.attachmentsNote ?? '')) p.attachmentsNote = e.attachmentsNote;
  if (e.caseFile !== (c.caseFile ?? '')) p.caseFile = e.caseFile;
  const before = editStateOf(c);
  if (
    e.forwardedBody !== before.forwardedBody ||
    e.forwardedNumber !== before.forwardedNumber ||
    e.forwardedDate !== before.forwardedDate
  )
    p.forwardedFrom = e.forwardedBody.trim()
      ? { body: e.forwardedBody, outgoingNumber: e.forwardedNumber, date: e.forwardedDate || null }
      : null;
  return p;
}

/** Input ids of the edit form by the contract's field paths. */
export function editInputOf(field: string): string {
  const f = field.replace(/^patch\./, '').replace(/\.\d+$/, '');
  const forwarded: Record<string, string> = {
    'forwardedFrom.body': 'forwardedBody',
    'forwardedFrom.outgoingNumber': 'forwardedNumber',
    'forwardedFrom.date': 'forwardedDate',
  };
  return `edit-${forwarded[f] ?? f}`;
}
