import type { PourLogDto, PourLogEntryDto, PourMessageDto } from '@pourline/contracts';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useLive } from '../live/useLive';
import { type LogSearch, mergeLogEntries } from './mergeLogEntries';
import { getPourLog } from './pourLogEndpoints';
import { useCoalescedReload } from './useCoalescedReload';

/** Load steps and tests come in bursts; the thread is fetched again at most this often. */
export const LOG_REFETCH_MS = 1500;

const NOTHING: readonly PourMessageDto[] = [];

export interface PourLogView {
  /** Newest first. */
  entries: PourLogEntryDto[];
  /** Everything the search finds, on screen or not. */
  total: number;
  pour: PourLogDto['pour'] | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** A message this console just sent or confirmed: shown at once, whatever the socket is doing. */
  remember: (message: PourMessageDto) => void;
}

/**
 * A pour's thread: fetched from the API, messages heard live added at once,
 * and fetched again (coalesced) when something else of the pour happens live
 * or the live feed comes back after a gap.
 */
export function usePourLog(pourId: string, search: LogSearch): PourLogView {
  const api = useApi();
  const key = `pour-log:${pourId}:${search.q}:${search.codes.join(',')}`;
  const resource = useApiResource(key, (signal) => getPourLog(api, pourId, search, signal));
  const version = useLive((state) => state.pourLogVersion.get(pourId) ?? 0);
  const resyncVersion = useLive((state) => state.resyncVersion);
  useCoalescedReload(`${version}:${resyncVersion}`, resource.reload, LOG_REFETCH_MS);

  const heard = useLive((state) => state.pourMessages.get(pourId)) ?? NOTHING;
  const [mine, setMine] = useState<{ pourId: string; messages: readonly PourMessageDto[] }>({
    pourId,
    messages: NOTHING,
  });
  const sent = mine.pourId === pourId ? mine.messages : NOTHING;
  const remember = useCallback(
    (message: PourMessageDto) =>
      setMine((previous) => ({
        pourId: message.pourId,
        messages: previous.pourId === message.pourId ? [...previous.messages, message] : [message],
      })),
    [],
  );

  const fetched = resource.data;
  const entries = useMemo(
    () => mergeLogEntries(fetched?.items ?? [], [...sent, ...heard], search),
    [fetched, sent, heard, search],
  );
  const notShown = fetched ? Math.max(0, fetched.total - fetched.items.length) : 0;

  return {
    entries,
    total: entries.length + notShown,
    pour: fetched?.pour,
    loading: resource.loading,
    error: resource.error,
    reload: resource.reload,
    remember,
  };
}
