import type { LoadDto, PourRequestDto, PumpStatusDto, QcTestDto } from '@pourline/contracts';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useApi } from '../api/useApi';
import { fetchCurrentUser } from '../auth/authEndpoints';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { Outbox, type OutboxAction, type OutboxItem, type OutboxSnapshot, type SendOutcome } from './outbox';
import { createOutboxTransport } from './outboxTransport';
import { undoWindowMs } from './undoWindow';

/** An action the server turned down, kept on screen until the person has read it. */
export interface OutboxRefusal {
  id: string;
  action: OutboxAction;
  status: number;
  code: string;
  message: string;
}

/** The server's verdict on a site test sent from this tablet, kept until the person has read it. */
export interface SiteTestResult {
  /** The outbox item (and idempotency key) it answered. */
  itemId: string;
  test: QcTestDto;
  dismissed: boolean;
}

export interface SiteOutbox {
  snapshot: OutboxSnapshot;
  /** The item as queued (its id is the idempotency key), or null before the outbox is ready. */
  enqueue: (action: OutboxAction) => OutboxItem | null;
  refusals: readonly OutboxRefusal[];
  dismissRefusal: (id: string) => void;
  /** The last pour request dispatch received from this tablet. */
  lastRequest: PourRequestDto | null;
  retryNow: () => void;
  /** Takes back an action still in its undo window; false once it is on its way. */
  withdraw: (id: string) => boolean;
  /** Sends an action now instead of at the end of its undo window. */
  sendNow: (id: string) => void;
  /** By load: the last site test this tablet recorded, as the server judged it. */
  siteTests: ReadonlyMap<string, SiteTestResult>;
  dismissSiteTest: (loadId: string) => void;
}

const EMPTY: OutboxSnapshot = { items: [], sendingId: null, online: true, paused: false };
const noop = () => () => undefined;

/** Per person, so whoever signs in next on a shared tablet never sends someone else's actions. */
const storageKey = (username: string) => `pourline.site.outbox.${username}`;

const isLoad = (body: unknown): body is LoadDto =>
  typeof body === 'object' && body !== null && typeof (body as LoadDto).id === 'string' && 'status' in body;
const isPumpStatus = (body: unknown): body is PumpStatusDto =>
  typeof body === 'object' && body !== null && typeof (body as PumpStatusDto).pumpId === 'string';
const isPourRequest = (body: unknown): body is PourRequestDto =>
  typeof body === 'object' && body !== null && typeof (body as PourRequestDto).kind === 'string';
const isQcTest = (body: unknown): body is QcTestDto =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as QcTestDto).id === 'string' &&
  typeof (body as QcTestDto).outcome === 'string' &&
  Array.isArray((body as QcTestDto).reasons);

/**
 * The site's outbox, wired to the browser: it sends while the browser says
 * online, starts again at once when the network or the live connection comes
 * back, and puts what the server answers straight into the live store.
 */
export function useSiteOutbox(username: string): SiteOutbox {
  const api = useApi();
  const store = useLiveStore();
  const connection = useLive((state) => state.connection);
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [refusals, setRefusals] = useState<OutboxRefusal[]>([]);
  const [lastRequest, setLastRequest] = useState<PourRequestDto | null>(null);
  const [siteTests, setSiteTests] = useState<ReadonlyMap<string, SiteTestResult>>(() => new Map());

  useEffect(() => {
    const created = new Outbox({
      storage: window.localStorage,
      storageKey: storageKey(username),
      transport: createOutboxTransport(),
      createId: () => crypto.randomUUID(),
      online: navigator.onLine,
    });
    const onSettled = (item: OutboxItem, outcome: SendOutcome) => {
      if (outcome.kind === 'done') {
        if (item.action.kind === 'load-step' && isLoad(outcome.body)) store.receiveLoads([outcome.body]);
        if (item.action.kind === 'pump-status' && isPumpStatus(outcome.body)) {
          store.receivePumpStatuses([outcome.body]);
        }
        if (item.action.kind === 'pour-request' && isPourRequest(outcome.body)) setLastRequest(outcome.body);
        const { action } = item;
        if (action.kind === 'site-test' && isQcTest(outcome.body)) {
          const test = outcome.body;
          setSiteTests((map) => new Map(map).set(action.loadId, { itemId: item.id, test, dismissed: false }));
        }
      } else if (outcome.kind === 'refused') {
        setRefusals((list) => [
          ...list,
          { id: item.id, action: item.action, status: outcome.status, code: outcome.code, message: outcome.message },
        ]);
      } else if (outcome.kind === 'unauthorized') {
        // Asking through the API client ends the session if it is really gone; the queue waits on disk.
        fetchCurrentUser(api).then(
          () => created.resume(),
          () => undefined,
        );
      }
    };
    const unsubscribe = created.onSettled(onSettled);
    const online = () => created.setOnline(true);
    const offline = () => created.setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // The outbox is made and disposed with this effect (it listens to the window and keeps its queue in
    // storage); the state only hands the live instance to the render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOutbox(created);
    void created.drain();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      created.dispose();
    };
  }, [api, store, username]);

  // The live socket coming back is the surest sign the server can be reached again.
  useEffect(() => {
    if (connection === 'live') outbox?.retryNow();
  }, [connection, outbox]);

  const snapshot = useSyncExternalStore(outbox?.subscribe ?? noop, () => outbox?.getSnapshot() ?? EMPTY);
  const enqueue = useCallback(
    (action: OutboxAction) => outbox?.enqueue(action, undoWindowMs(action)) ?? null,
    [outbox],
  );
  const withdraw = useCallback((id: string) => outbox?.withdraw(id) ?? false, [outbox]);
  const sendNow = useCallback((id: string) => outbox?.sendNow(id), [outbox]);
  const dismissRefusal = useCallback((id: string) => setRefusals((list) => list.filter((r) => r.id !== id)), []);
  const retryNow = useCallback(() => outbox?.retryNow(), [outbox]);
  const dismissSiteTest = useCallback(
    (loadId: string) =>
      setSiteTests((map) => {
        const result = map.get(loadId);
        return result && !result.dismissed ? new Map(map).set(loadId, { ...result, dismissed: true }) : map;
      }),
    [],
  );

  return {
    snapshot,
    enqueue,
    refusals,
    dismissRefusal,
    lastRequest,
    retryNow,
    withdraw,
    sendNow,
    siteTests,
    dismissSiteTest,
  };
}
