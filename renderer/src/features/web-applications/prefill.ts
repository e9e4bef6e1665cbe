import type { Output } from '../../../../shared/api/index';
import { useStore } from '../../store';

type Opened = Output<'web.application'>;

/**
 * Opens the usual registration form filled from an application of the web reception: channel web,
 * received when the citizen confirmed it, the applicant as he wrote himself, the text; everything stays
 * editable, and saving registers the application and marks it.
 */
export function registerFromWeb({ application: a, draft }: Opened): void {
  const s = useStore.getState();
  s.resetDraft(false);
  const applicant = 'contactId' in draft.applicant ? null : draft.applicant;
  s.setDraft({
    channel: 'web',
    kind: draft.kind,
    receivedOn: draft.receivedOn ?? '',
    isRepeat: draft.isRepeat,
    summary: draft.summary,
    text: draft.text ?? '',
    lastName: a.surname,
    firstName: a.firstName,
    middleName: a.patronymic ?? '',
    address: applicant?.address ?? a.postalAddress ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    web: { id: a.id, name: [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') },
  });
  s.go({ view: 'register' });
}
