import { useState } from 'react';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrors, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { draftOf, EventFields, inputOf, type EventDraft } from './EventFields';

const FIRST_FIELDS = [
  'title',
  'kind',
  'date',
  'startTime',
  'place',
  'district',
  'responsibleId',
  'transferNeeded',
] as const;

export function NewEventDialog(props: { onClose(): void; onCreated(id: string): void }) {
  const tz = useStore((s) => s.office?.timeZone ?? 'Europe/Moscow');
  const userId = useStore((s) => s.user?.id ?? '');
  const [draft, setDraft] = useState<EventDraft>(() => draftOf(null, todayIn(tz), userId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const card = await call('events.create', inputOf(draft));
      props.onCreated(card.id);
    } catch (err) {
      setBusy(false);
      if (isCallError(err)) setErrors(fieldErrors(err));
      setError(errorText(err));
    }
  }

  return (
    <Dialog
      id="new-event-dialog"
      title={eventsUi.newEvent}
      submitLabel={eventsUi.create}
      busy={busy}
      error={error}
      wide
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <EventFields
        draft={draft}
        errors={errors}
        only={FIRST_FIELDS}
        onChange={(p) => setDraft((d) => ({ ...d, ...p }))}
      />
    </Dialog>
  );
}
