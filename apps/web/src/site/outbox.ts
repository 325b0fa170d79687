import type {
  ChangePumpStatusRequest,
  CreatePourRequestMessage,
  LoadStepRequest,
  RecordQcTestRequest,
} from '@pourline/contracts';

/**
 * The site tablet's outbox. Every action a person takes on site is written
 * here first, with its idempotency key, and sent from here in the order it
 * was taken: at once when the network is there, when it comes back when it
 * is not. The key travels with every attempt, so the server acts on an
 * action once however many times a dropped answer makes us send it.
 *
 * No DOM in this file: storage, transport, clock and timers are injected so
 * the rules are unit-tested in node.
 */

export const LOAD_STEPS = ['arrive', 'start-discharge', 'end-discharge', 'leave-site'] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

export type OutboxAction =
  | { kind: 'load-step'; step: LoadStep; loadId: string; pourId: string; ticketNumber: string }
  | { kind: 'pour-request'; pourId: string; request: CreatePourRequestMessage }
  | { kind: 'pump-status'; pumpId: string; pourId: string; request: ChangePumpStatusRequest }
  /** The slump re-test on site, entered on the tablet (stage 'site' only). */
  | { kind: 'site-test'; loadId: string; pourId: string; ticketNumber: string; request: RecordQcTestRequest };

export interface OutboxItem {
  /** Also the Idempotency-Key: made once when the person acts, reused on every attempt. */
  id: string;
  action: OutboxAction;
  /** When the person acted (ISO): sent with the action as `observedAt`, the time the server records. */
  createdAt: string;
  attempts: number;
  /** Epoch ms before which the item is not tried again (backoff); null: try when possible. */
  retryAt: number | null;
  /** Why the last attempt did not get through (network, 5xx), for the screen. */
  lastFailure: string | null;
  /**
   * Epoch ms before which the item is not sent and may still be taken back
   * (the undo window of a stopping action); null: send when possible.
   */
  sendAfter: number | null;
}

export interface OutboxRequest {
  path: string;
  body: unknown;
}

/** What one attempt came to, as the transport reads the answer. */
export type SendOutcome =
  /** 2xx, first answer or a replay of it: the action is applied; drop it. */
  | { kind: 'done'; status: number; replayed: boolean; body: unknown }
  /** The server looked at the action and said no: drop it and tell the person why. */
  | { kind: 'refused'; status: number; code: string; message: string }
  /** No answer, or one that says "later": keep it, try again after a while. */
  | { kind: 'retry'; reason: string }
  /** The session is no longer good: keep everything, stop until someone signs in again. */
  | { kind: 'unauthorized' };

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The request for an action. Every one carries when the person took it
 * (`observedAt`), so an action sent when the network returns is recorded, and
 * a site test judged, at the time it was taken, not the time it got through.
 */
export function actionRequest(item: Pick<OutboxItem, 'action' | 'createdAt'>): OutboxRequest {
  const { action } = item;
  const observedAt = item.createdAt;
  const id = encodeURIComponent;
  switch (action.kind) {
    case 'load-step': {
      const body: LoadStepRequest = { observedAt };
      return { path: `/loads/${id(action.loadId)}/${action.step}`, body };
    }
    case 'pour-request': {
      const body: CreatePourRequestMessage = { ...action.request, observedAt };
      return { path: `/pours/${id(action.pourId)}/requests`, body };
    }
    case 'pump-status': {
      const body: ChangePumpStatusRequest = { ...action.request, observedAt };
      return { path: `/pumps/${id(action.pumpId)}/status`, body };
    }
    case 'site-test': {
      const body: RecordQcTestRequest = { ...action.request, observedAt };
      return { path: `/loads/${id(action.loadId)}/qc-tests`, body };
    }
  }
}

/** 4xx answers that mean "not now" rather than "no". */
const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 425, 429]);

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

/** Reads an HTTP answer into what the outbox does with the item. */
export function classifyResponse(status: number, replayed: boolean, body: unknown): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'done', status, replayed, body };
  const error = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const code = typeof error.code === 'string' ? error.code : 'http_error';
  if (status === 401) return { kind: 'unauthorized' };
  // The same key still being worked on by an earlier attempt: its answer will come on the next try.
  if (RETRY_STATUSES.has(status) || (status === 409 && /idempoten/i.test(code))) {
    return { kind: 'retry', reason: `${status}` };
  }
  if (status >= 400 && status < 500) {
    const message = typeof error.message === 'string' && error.message ? error.message : `${status}`;
    return { kind: 'refused', status, code, message };
  }
  return { kind: 'retry', reason: `${status}` };
}

const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;

/** 1 s doubling to 30 s, spread ±50 % so tablets that lost the same Wi-Fi do not all retry at once. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random()));
}

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<OutboxItem>;
  return (
    typeof item.id === 'string' &&
    typeof item.createdAt === 'string' &&
    typeof item.attempts === 'number' &&
    typeof item.action === 'object' &&
    item.action !== null &&
    typeof (item.action as { kind?: unknown }).kind === 'string'
  );
}

export function readQueue(storage: KeyValueStorage, key: string): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    // Items stored before undo windows existed have no sendAfter: they go as soon as they can.
    return Array.isArray(parsed)
      ? parsed
          .filter(isItem)
          .map((item) => ({ ...item, sendAfter: typeof item.sendAfter === 'number' ? item.sendAfter : null }))
      : [];
  } catch {
    return [];
  }
}

export function writeQueue(storage: KeyValueStorage, key: string, items: readonly OutboxItem[]): void {
  try {
    if (items.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(items));
  } catch {
    // A full or blocked storage must not stop the action from being sent while the page is open.
  }
}

/** The item to send now, if any: strictly the oldest, so actions reach the server in the order taken. */
export function nextToSend(items: readonly OutboxItem[], now: number): OutboxItem | null {
  const head = items[0];
  if (!head) return null;
  if (head.sendAfter !== null && head.sendAfter > now) return null;
  return head.retryAt === null || head.retryAt <= now ? head : null;
}

/** The item can still be taken back: its undo window is open and it has not gone out. */
export function isWithdrawable(item: OutboxItem, now: number): boolean {
  return item.attempts === 0 && item.sendAfter !== null && item.sendAfter > now;
}

/** When the head of the queue may next be tried, or null when nothing makes it wait. */
export function headWaitsUntil(items: readonly OutboxItem[]): number | null {
  const head = items[0];
  if (!head || (head.retryAt === null && head.sendAfter === null)) return null;
  return Math.max(head.retryAt ?? 0, head.sendAfter ?? 0);
}

/** What a settled attempt does to the queue. */
export function settle(
  items: readonly OutboxItem[],
  id: string,
  outcome: SendOutcome,
  now: number,
  random: () => number = Math.random,
): OutboxItem[] {
  switch (outcome.kind) {
    case 'done':
    case 'refused':
      return items.filter((item) => item.id !== id);
    case 'retry':
      return items.map((item) => {
        if (item.id !== id) return item;
        const attempts = item.attempts + 1;
        return { ...item, attempts, retryAt: now + retryDelayMs(attempts, random), lastFailure: outcome.reason };
      });
    case 'unauthorized':
      return [...items];
  }
}

export type Transport = (request: OutboxRequest, idempotencyKey: string) => Promise<SendOutcome>;

export interface OutboxSnapshot {
  items: readonly OutboxItem[];
  /** The item whose request is on the wire now. */
  sendingId: string | null;
  online: boolean;
  /** The session was refused; nothing is sent until a new sign-in. */
  paused: boolean;
}

export interface OutboxOptions {
  storage: KeyValueStorage;
  storageKey: string;
  transport: Transport;
  createId: () => string;
  online: boolean;
  now?: () => number;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type SettledListener = (item: OutboxItem, outcome: SendOutcome) => void;

export class Outbox {
  private snapshot: OutboxSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly settledListeners = new Set<SettledListener>();
  private timer: unknown = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    this.snapshot = {
      items: readQueue(options.storage, options.storageKey),
      sendingId: null,
      online: options.online,
      paused: false,
    };
  }

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onSettled(listener: SettledListener): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /**
   * Records an action; it is on disk before this returns, and on its way if
   * the network allows. With an undo window, it waits that long first (and
   * so does everything queued after it, to keep the order); until then
   * `withdraw` takes it back and the server never hears of it.
   */
  enqueue(action: OutboxAction, undoWindowMs = 0): OutboxItem {
    const now = this.now();
    const item: OutboxItem = {
      id: this.options.createId(),
      action,
      createdAt: new Date(now).toISOString(),
      attempts: 0,
      retryAt: null,
      lastFailure: null,
      sendAfter: undoWindowMs > 0 ? now + undoWindowMs : null,
    };
    this.update({ items: [...this.snapshot.items, item] });
    void this.drain();
    return item;
  }

  setOnline(online: boolean): void {
    if (online === this.snapshot.online) return;
    this.update({ online });
    if (online) this.retryNow();
  }

  /** Takes back an action still in its undo window; false once it is on its way (or gone). */
  withdraw(id: string): boolean {
    const item = this.snapshot.items.find((candidate) => candidate.id === id);
    if (!item || this.snapshot.sendingId === id || !isWithdrawable(item, this.now())) return false;
    this.update({ items: this.snapshot.items.filter((candidate) => candidate.id !== id) });
    void this.drain();
    return true;
  }

  /** Closes an undo window early: the person is sure. */
  sendNow(id: string): void {
    const items = this.snapshot.items.map((item) =>
      item.id === id && item.sendAfter !== null ? { ...item, sendAfter: null } : item,
    );
    this.update({ items });
    void this.drain();
  }

  /** The network is back (or a person asked): forget the backoff and send now. An undo window still holds. */
  retryNow(): void {
    if (this.snapshot.paused || this.snapshot.items.length === 0) return;
    const items = this.snapshot.items.map((item) => (item.retryAt === null ? item : { ...item, retryAt: null }));
    this.update({ items });
    void this.drain();
  }

  /** Sends queued items one at a time, oldest first, until the queue is empty or one has to wait. */
  async drain(): Promise<void> {
    while (!this.disposed && this.snapshot.online && !this.snapshot.paused && this.snapshot.sendingId === null) {
      const item = nextToSend(this.snapshot.items, this.now());
      if (!item) {
        this.scheduleRetry();
        return;
      }
      this.update({ sendingId: item.id });
      let outcome: SendOutcome;
      try {
        outcome = await this.options.transport(actionRequest(item), item.id);
      } catch (error) {
        outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
      }
      if (this.disposed) return;
      const items = settle(this.snapshot.items, item.id, outcome, this.now(), this.random);
      this.update({ items, sendingId: null, paused: outcome.kind === 'unauthorized' });
      for (const listener of this.settledListeners) listener(item, outcome);
      if (outcome.kind === 'retry') {
        this.scheduleRetry();
        return;
      }
    }
  }

  /** After a new sign-in. */
  resume(): void {
    if (!this.snapshot.paused) return;
    this.update({ paused: false });
    this.retryNow();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.settledListeners.clear();
  }

  private scheduleRetry(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const wakeAt = headWaitsUntil(this.snapshot.items);
    if (wakeAt === null || this.disposed) return;
    this.timer = this.setTimer(
      () => {
        this.timer = null;
        void this.drain();
      },
      Math.max(0, wakeAt - this.now()),
    );
  }

  private update(patch: Partial<OutboxSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (patch.items) writeQueue(this.options.storage, this.options.storageKey, next.items);
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
