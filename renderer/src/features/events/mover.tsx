import { useState } from 'react';
import type { EventCard } from '../../../../shared/api/events';
import type { EventState } from '../../../../shared/domain/workflow/event';
import { eventsUi, eventStateLabels } from '../../../../shared/i18n/ru/events';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n';
import { useStore } from '../../store';

interface Refused {
  id: string;
  to: EventState;
  items: string[];
}

function OverrideDialog(props: { refused: Refused; onClose(): void; onDone(card: EventCard): void }) {
  const role = useStore((s) => s.user?.role);
  // The contract lets the desk move; only the office head's role may override (checked by the service too).
  const mayOverride = role === 'office_head' || role === 'admin';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (!mayOverride) return props.onClose();
    setBusy(true);
    setError(null);
    try {
      props.onDone(
        await call('events.move', { id: props.refused.id, to: props.refused.to, override: { reason } }),
      );
    } catch (err) {
      setBusy(false);
      setError(errorText(err));
    }
  }

  return (
    <Dialog
      id="override-dialog"
      title={eventsUi.overrideTitle}
      submitLabel={mayOverride ? eventsUi.override : 'OK'}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <p>{eventsUi.overrideIntro}</p>
      <ul data-testid="undone-items">
        {props.refused.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      {mayOverride ? (
        <Field id="override-reason" label={eventsUi.overrideReason}>
          {(a) => (
            <textarea
              id="override-reason"
              {...a}
              rows={2}
              value={reason}
              onChange={(x) => setReason(x.target.value)}
            />
          )}
        </Field>
      ) : (
        <p className="muted">{eventsUi.overrideOnlyHead}</p>
      )}
    </Dialog>
  );
}

/**
 * Moving an event from the board or the card: the service's guards decide; a refusal for undone
 * mandatory items opens the list of them (and, for the office head, the override with a reason).
 */
export function useEventMover(onMoved?: (card: EventCard) => void) {
  const [refused, setRefused] = useState<Refused | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  async function move(id: string, to: EventState): Promise<void> {
    if (!mayCall(useStore.getState().user?.role, 'events.move')) return;
    setNotice(null);
    try {
      const card = await call('events.move', { id, to });
      setNotice({ ok: true, text: eventsUi.moved(card.title, eventStateLabels[card.stage]) });
      onMoved?.(card);
    } catch (err) {
      const items = isCallError(err) ? (err.details as { items?: string[] } | undefined)?.items : undefined;
      if (items?.length) setRefused({ id, to, items });
      else setNotice({ ok: false, text: errorText(err) });
    }
  }

  const dialog = refused ? (
    <OverrideDialog
      refused={refused}
      onClose={() => setRefused(null)}
      onDone={(card) => {
        setRefused(null);
        setNotice({ ok: true, text: eventsUi.moved(card.title, eventStateLabels[card.stage]) });
        onMoved?.(card);
      }}
    />
  ) : null;

  return { move, dialog, notice };
}
