import { useState } from 'react';
import type { ReceptionDay } from '../../../../shared/api/reception';
import { receptionUi as t, weekdayDayMonth } from '../../../../shared/i18n/ru/reception';
import { call } from '../../api/client';
import { useSubmit } from './use-submit';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** Cancelling a reception day with its reason: every booked citizen is told (or the assistant calls). */
export function CancelDayDialog(props: { day: ReceptionDay; onClose(): void }) {
  const [reason, setReason] = useState('');

  const { errors, error, busy, submit } = useSubmit(async () => {
    await call('reception.cancelDay', { id: props.day.id, reason });
    props.onClose();
  });

  return (
    <Dialog
      id="cancel-day-dialog"
      title={`${t.cancelDay}: ${weekdayDayMonth(props.day.date)}`}
      submitLabel={t.cancelDay}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Field id="cancel-reason" label={t.cancelReason} error={errors.reason}>
        {(a) => (
          <input id="cancel-reason" {...a} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </Dialog>
  );
}
