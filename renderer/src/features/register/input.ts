import type { RegisterAppealInput } from '../../../../shared/api/appeals';
import type { ContactSummary } from '../../../../shared/api/contacts';
import type { Draft } from './slice';

/** The input ids of the form, by the contract's field paths (what `error.field` and `issues` name). */
export const INPUT_OF_FIELD: Record<string, string> = {
  registeredOn: 'reg-registeredOn',
  receivedOn: 'reg-receivedOn',
  channel: 'reg-channel',
  kind: 'reg-kind',
  'forwardedFrom.body': 'reg-forwardedBody',
  'forwardedFrom.outgoingNumber': 'reg-forwardedNumber',
  'forwardedFrom.date': 'reg-forwardedDate',
  'applicant.phone': 'reg-phone',
  'applicant.lastName': 'reg-lastName',
  'applicant.firstName': 'reg-firstName',
  'applicant.middleName': 'reg-middleName',
  'applicant.address': 'reg-address',
  'applicant.email': 'reg-email',
  'applicant.contactId': 'reg-phone',
  summary: 'reg-summary',
  text: 'reg-text',
  topics: 'reg-topics',
  responsibleId: 'reg-responsible',
  signatories: 'reg-signatories',
  oralAnswer: 'reg-oral',
  'oralAnswer.result': 'reg-oralResult',
  'oralAnswer.text': 'reg-oralText',
  'oralAnswer.consent': 'reg-oralConsent',
  'oralAnswer.answeredBy': 'reg-oralAnsweredBy',
};

/** `topics.2` → `topics`: a list's error belongs to the list's input. */
export function inputOf(field: string): string | undefined {
  return INPUT_OF_FIELD[field] ?? INPUT_OF_FIELD[field.replace(/\.\d+$/, '')];
}

export function splitTopics(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export function toRegisterInput(
  d: Draft,
  choice: { contactId?: string; forceNew?: boolean } = {},
): RegisterAppealInput {
  const contactId = choice.contactId ?? d.contact?.id;
  return {
    registeredOn: d.registeredOn || undefined,
    receivedOn: d.receivedOn || undefined,
    channel: d.channel,
    kind: d.kind,
    applicant: {
      ...(contactId ? { contactId } : {}),
      ...(choice.forceNew ? { forceNew: true } : {}),
      phone: d.phone,
      lastName: d.lastName,
      firstName: d.firstName,
      middleName: d.middleName,
      address: d.address,
      email: d.email,
    },
    summary: d.summary,
    text: d.text,
    topics: splitTopics(d.topics),
    responsibleId: d.responsibleId || undefined,
    isRepeat: d.isRepeat,
    isCollective: d.isCollective,
    signatories: d.isCollective ? Number(d.signatories) || 2 : 1,
    isAnonymous: d.isAnonymous,
    onControl: d.onControl,
    eventId: d.event?.id ?? null,
    forwardedFrom:
      d.channel === 'forwarded' && d.forwardedBody.trim()
        ? { body: d.forwardedBody, outgoingNumber: d.forwardedNumber, date: d.forwardedDate || null }
        : null,
  };
}

/** What choosing a contact puts into the applicant fields: its details, keeping what the contact lacks. */
export function fillFromContact(d: Draft, c: ContactSummary): Partial<Draft> {
  return {
    contact: c,
    phone: d.phone || c.phones[0] || '',
    lastName: c.lastName ?? d.lastName,
    firstName: c.firstName ?? d.firstName,
    middleName: c.middleName ?? d.middleName,
    address: c.address ?? d.address,
    email: c.email ?? d.email,
  };
}
