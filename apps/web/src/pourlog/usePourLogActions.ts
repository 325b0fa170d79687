import type { PostPourMessageRequest, PourMessageDto } from '@pourline/contracts';
import { useCallback, useState } from 'react';
import { useApi } from '../api/useApi';
import { confirmPourMessage, postPourMessage } from './pourLogEndpoints';

export interface PourLogActions {
  /** Resolves true once the server has the message. */
  send: (request: PostPourMessageRequest) => Promise<boolean>;
  confirm: (messageId: string) => Promise<boolean>;
  /** What is on its way: a message code, or the id of a message being confirmed. */
  busy: string | null;
  error: unknown;
  dismissError: () => void;
}

/** Sending to a pour's log and confirming a proposal, one at a time, with the refusal kept to show. */
export function usePourLogActions(pourId: string, onDone: (message: PourMessageDto) => void): PourLogActions {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const run = useCallback(
    async (what: string, call: () => Promise<PourMessageDto>) => {
      setBusy(what);
      setError(undefined);
      try {
        onDone(await call());
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [onDone],
  );

  const send = useCallback(
    (request: PostPourMessageRequest) => run(request.code, () => postPourMessage(api, pourId, request)),
    [api, pourId, run],
  );
  const confirm = useCallback(
    (messageId: string) => run(messageId, () => confirmPourMessage(api, messageId)),
    [api, run],
  );
  const dismissError = useCallback(() => setError(undefined), []);

  return { send, confirm, busy, error, dismissError };
}
