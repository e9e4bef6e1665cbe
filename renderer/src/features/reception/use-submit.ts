import { useState } from 'react';
import { isCallError } from '../../api/client';
import { errorText, fieldErrors } from '../../i18n';

/**
 * A dialog's save: busy while the call runs; a refusal leaves the dialog open with the message and the
 * fields it names marked.
 */
export function useSubmit(run: () => Promise<void>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      setBusy(false);
      if (isCallError(err)) setErrors(fieldErrors(err));
      setError(errorText(err));
    }
  };
  return { errors, error, busy, submit: () => void submit() };
}
