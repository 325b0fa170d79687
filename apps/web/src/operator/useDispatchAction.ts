import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';

export interface DispatchAction {
  busy: boolean;
  /** The refusal in words (the API's `message`), shown next to the action. */
  error: string | null;
  /** The refusal itself, for a screen that offers a way on (e.g. confirming with a reason). */
  failure: unknown;
  /** Runs one call; resolves true when it went through. A second click while one is out is ignored. */
  run: (call: () => Promise<unknown>) => Promise<boolean>;
  clearError: () => void;
}

export function useDispatchAction(): DispatchAction {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const inFlight = useRef(false);

  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      setFailure(null);
      try {
        await call();
        return true;
      } catch (refusal) {
        setError(errorMessage(refusal, t));
        setFailure(refusal);
        return false;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  const clearError = useCallback(() => {
    setError(null);
    setFailure(null);
  }, []);
  return { busy, error, failure, run, clearError };
}
