import type { IntakeItem } from '../../../../shared/api/mail-intake';
import { useStore } from '../../store';

/**
 * Opens the usual registration form filled from a message of «Входящие»: channel e-mail, the day it
 * came, the applicant found by its address (or named from the sender), the subject as the summary, the
 * body as the text. Everything stays editable; saving registers the message and attaches its files.
 */
export function registerFromItem(item: IntakeItem): void {
  const s = useStore.getState();
  s.resetDraft(false);
  const a = item.draft.applicant;
  const c = a.contact;
  s.setDraft({
    channel: 'email',
    receivedOn: item.draft.receivedOn,
    summary: item.draft.summary,
    text: item.draft.text,
    contact: c,
    lastName: c?.lastName ?? a.lastName ?? '',
    firstName: c?.firstName ?? a.firstName ?? '',
    middleName: c?.middleName ?? a.middleName ?? '',
    address: c?.address ?? '',
    phone: c?.phones[0] ?? '',
    email: c?.email ?? a.email ?? '',
    intake: {
      id: item.id,
      subject: item.subject,
      files: item.attachments.filter((f) => f.attachable).length,
    },
  });
  s.go({ view: 'register' });
}
