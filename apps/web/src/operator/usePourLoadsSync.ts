import type { NonConformanceDto } from '@pourline/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/apiClient';
import { useApi } from '../api/useApi';
import type { LiveStore } from '../live/LiveStore';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { getPourLoads, listNonConformances } from './operatorEndpoints';

/** A burst of load events for one pour costs one refetch every couple of seconds, not one each. */
export const POUR_LOADS_MIN_INTERVAL_MS = 2000;

type Listener = (pourId: string, nonConformances: NonConformanceDto[]) => void;

/** Fetches a pour's loads (into the live store) and its non-conformances, at most once per interval. */
class PourLoadsFetcher {
  private readonly lastStart = new Map<string, number>();
  private readonly timers = new Map<string, number>();
  private readonly controller = new AbortController();

  constructor(
    private readonly api: ApiClient,
    private readonly store: LiveStore,
    private readonly onNonConformances: Listener,
  ) {}

  request(pourId: string): void {
    if (this.timers.has(pourId)) return;
    const wait = (this.lastStart.get(pourId) ?? -Infinity) + POUR_LOADS_MIN_INTERVAL_MS - performance.now();
    this.timers.set(
      pourId,
      window.setTimeout(() => this.fetch(pourId), Math.max(0, wait)),
    );
  }

  dispose(): void {
    this.controller.abort();
    this.timers.forEach((timer) => window.clearTimeout(timer));
    this.timers.clear();
  }

  private fetch(pourId: string): void {
    this.timers.delete(pourId);
    this.lastStart.set(pourId, performance.now());
    const { signal } = this.controller;
    const ignore = () => undefined;
    getPourLoads(this.api, pourId, signal).then((answer) => this.store.receiveLoads(answer.loads), ignore);
    listNonConformances(this.api, pourId, signal).then((list) => this.onNonConformances(pourId, list), ignore);
  }
}

/**
 * Keeps the loads of the given pours in the live store: once when a pour
 * appears, again when its loads change live, and after a reconnect.
 * Returns each pour's non-conformances.
 */
export function usePourLoadsSync(pourIds: readonly string[]): ReadonlyMap<string, NonConformanceDto[]> {
  const api = useApi();
  const store = useLiveStore();
  const versions = useLive((state) => state.pourLoadsVersion);
  const resyncVersion = useLive((state) => state.resyncVersion);
  const [nonConformances, setNonConformances] = useState<ReadonlyMap<string, NonConformanceDto[]>>(new Map());
  const fetcherRef = useRef<PourLoadsFetcher | null>(null);
  const requested = useRef(new Map<string, string>());

  useEffect(() => {
    const fetcher = new PourLoadsFetcher(api, store, (pourId, list) =>
      setNonConformances((previous) => new Map(previous).set(pourId, list)),
    );
    fetcherRef.current = fetcher;
    requested.current = new Map();
    return () => {
      fetcher.dispose();
      fetcherRef.current = null;
    };
  }, [api, store]);

  useEffect(() => {
    const fetcher = fetcherRef.current;
    if (!fetcher) return;
    for (const pourId of pourIds) {
      const stamp = `${versions.get(pourId) ?? 0}:${resyncVersion}`;
      if (requested.current.get(pourId) === stamp) continue;
      requested.current.set(pourId, stamp);
      fetcher.request(pourId);
    }
  }, [pourIds, versions, resyncVersion]);

  return nonConformances;
}
