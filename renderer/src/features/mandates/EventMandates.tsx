import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { useStore } from '../../store';
import { mandateStateLabels, mandatesUi } from '../../../../shared/i18n/ru/mandates';
import { MandateForm } from './MandateForm';

/** On an event's card: the наказы recorded at it, and recording one there. */
export function EventMandates({ eventId }: { eventId: string }) {
  const [creating, setCreating] = useState(false);
  const list = useCall('mandates.list', { linked: { kind: 'event', targetId: eventId }, limit: 100 });
  const go = useStore((s) => s.go);
  return (
    <section className="panel" data-testid="event-mandates">
      <h2>{mandatesUi.eventMandates}</h2>
      <ul className="plist">
        {(list.data?.rows ?? []).map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => go({ view: 'mandates' })}
            >
              № {m.number}
            </button>{' '}
            {m.text} <span className="muted">{mandateStateLabels[m.status]}</span>
          </li>
        ))}
      </ul>
      {creating ? (
        <MandateForm
          eventId={eventId}
          onCancel={() => setCreating(false)}
          onDone={() => setCreating(false)}
        />
      ) : (
        <button type="button" className="btn" onClick={() => setCreating(true)}>
          {mandatesUi.fromEvent}
        </button>
      )}
    </section>
  );
}
