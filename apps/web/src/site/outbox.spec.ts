import { describe, expect, it } from '@jest/globals';
import {
  actionRequest,
  classifyResponse,
  type KeyValueStorage,
  nextToSend,
  Outbox,
  type OutboxAction,
  type OutboxItem,
  type OutboxRequest,
  readQueue,
  retryDelayMs,
  type SendOutcome,
  settle,
} from './outbox';

class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

const KEY = 'outbox.test';
const arrive = (loadId: string): OutboxAction => ({
  kind: 'load-step',
  step: 'arrive',
  loadId,
  pourId: 'pour-1',
  ticketNumber: `T-${loadId}`,
});
const hold: OutboxAction = { kind: 'pour-request', pourId: 'pour-1', request: { kind: 'hold', note: 'rebar check' } };
const done: SendOutcome = { kind: 'done', status: 200, replayed: false, body: {} };

function item(id: string, patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    action: arrive(id),
    createdAt: '2025-01-01T08:00:00.000Z',
    attempts: 0,
    retryAt: null,
    lastFailure: null,
    sendAfter: null,
    ...patch,
  };
}

/** A transport whose answers the test hands out one by one. */
class ScriptedTransport {
  readonly sent: { request: OutboxRequest; key: string }[] = [];
  private readonly waiting: ((outcome: SendOutcome) => void)[] = [];

  send = (request: OutboxRequest, key: string): Promise<SendOutcome> => {
    this.sent.push({ request, key });
    return new Promise((resolve) => this.waiting.push(resolve));
  };

  async answer(outcome: SendOutcome): Promise<void> {
    const resolve = this.waiting.shift();
    if (!resolve) throw new Error('nothing in flight');
    resolve(outcome);
    // Let the outbox settle and start the next request.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  }
}

function makeOutbox(options: { online?: boolean; storage?: MemoryStorage; transport?: ScriptedTransport } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = options.transport ?? new ScriptedTransport();
  const timers: { run: () => void; ms: number }[] = [];
  let clock = Date.parse('2025-01-01T08:00:00.000Z');
  let ids = 0;
  const outbox = new Outbox({
    storage,
    storageKey: KEY,
    transport: transport.send,
    createId: () => `key-${++ids}`,
    online: options.online ?? true,
    now: () => clock,
    random: () => 0.5,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const index = timers.indexOf(timer as { run: () => void; ms: number });
      if (index >= 0) timers.splice(index, 1);
    },
  });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { outbox, storage, transport, timers, advance };
}

describe(Outbox.name, () => {
  it('keeps actions taken offline on disk, in order, each with its own key', () => {
    const { outbox, storage, transport } = makeOutbox({ online: false });
    outbox.enqueue(arrive('a'));
    outbox.enqueue(hold);

    expect(transport.sent).toHaveLength(0);
    const stored = readQueue(storage, KEY);
    expect(stored.map((entry) => entry.id)).toEqual(['key-1', 'key-2']);
    expect(stored.map((entry) => entry.action.kind)).toEqual(['load-step', 'pour-request']);
    expect(outbox.getSnapshot().items).toHaveLength(2);
  });

  it('sends an action taken offline with the time it was taken, not the time the network returned', () => {
    const { outbox, transport, advance } = makeOutbox({ online: false });
    outbox.enqueue(arrive('a'));
    advance(10 * 60_000);
    outbox.enqueue(hold);
    advance(40 * 60_000);
    outbox.setOnline(true);

    expect(transport.sent[0].request.body).toEqual({ observedAt: '2025-01-01T08:00:00.000Z' });
  });

  it('picks up what an earlier page left in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify([item('left-behind')]));
    const { outbox } = makeOutbox({ storage, online: false });
    expect(outbox.getSnapshot().items.map((entry) => entry.id)).toEqual(['left-behind']);
  });

  it('sends queued actions one at a time, oldest first, when the network returns', async () => {
    const { outbox, transport, storage } = makeOutbox({ online: false });
    outbox.enqueue(arrive('a'));
    outbox.enqueue(arrive('b'));

    outbox.setOnline(true);
    expect(transport.sent.map((sent) => sent.key)).toEqual(['key-1']);
    expect(outbox.getSnapshot().sendingId).toBe('key-1');

    await transport.answer(done);
    expect(transport.sent.map((sent) => sent.request.path)).toEqual(['/loads/a/arrive', '/loads/b/arrive']);
    await transport.answer({ ...done, replayed: true });

    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(storage.values.has(KEY)).toBe(false);
  });

  it('sends the same key again after a network error, and waits before it does', async () => {
    const { outbox, transport, timers, advance } = makeOutbox();
    outbox.enqueue(arrive('a'));
    outbox.enqueue(arrive('b'));
    await transport.answer({ kind: 'retry', reason: 'network_error' });

    // The second action waits behind the first: the order on site is the order on the server.
    expect(transport.sent).toHaveLength(1);
    expect(outbox.getSnapshot().items[0]).toMatchObject({ id: 'key-1', attempts: 1, lastFailure: 'network_error' });
    expect(timers).toHaveLength(1);

    advance(timers[0].ms);
    timers.shift()!.run();
    expect(transport.sent.map((sent) => sent.key)).toEqual(['key-1', 'key-1']);
    await transport.answer(done);
    expect(transport.sent.map((sent) => sent.key)).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('removes a refused action and goes on with the next, telling whoever listens', async () => {
    const { outbox, transport } = makeOutbox();
    const settled: [string, SendOutcome['kind']][] = [];
    outbox.onSettled((entry, outcome) => settled.push([entry.id, outcome.kind]));
    outbox.enqueue(arrive('a'));
    outbox.enqueue(arrive('b'));

    await transport.answer({ kind: 'refused', status: 409, code: 'site_test_missing', message: 'Test the slump' });
    expect(outbox.getSnapshot().items.map((entry) => entry.id)).toEqual(['key-2']);
    await transport.answer(done);

    expect(settled).toEqual([
      ['key-1', 'refused'],
      ['key-2', 'done'],
    ]);
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });

  it('keeps everything and stops when the session is refused, until resumed', async () => {
    const { outbox, transport } = makeOutbox();
    outbox.enqueue(arrive('a'));
    await transport.answer({ kind: 'unauthorized' });

    expect(outbox.getSnapshot()).toMatchObject({ paused: true, sendingId: null });
    expect(outbox.getSnapshot().items).toHaveLength(1);
    outbox.enqueue(arrive('b'));
    expect(transport.sent).toHaveLength(1);

    outbox.resume();
    expect(transport.sent.map((sent) => sent.key)).toEqual(['key-1', 'key-1']);
  });

  it('treats a transport that throws as a network error', async () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox({
      storage,
      storageKey: KEY,
      transport: () => Promise.reject(new Error('Failed to fetch')),
      createId: () => 'only',
      online: true,
      setTimer: () => 'timer',
      clearTimer: () => undefined,
    });
    outbox.enqueue(hold);
    await outbox.drain();
    await Promise.resolve();
    expect(outbox.getSnapshot().items[0]).toMatchObject({ id: 'only', attempts: 1, lastFailure: 'Failed to fetch' });
  });
});

describe('An undo window', () => {
  const UNDO_MS = 5_000;
  const breakdown: OutboxAction = {
    kind: 'pump-status',
    pumpId: 'pump-1',
    pourId: 'pour-1',
    request: { status: 'breakdown', note: '' },
  };

  it('keeps a stopping action on disk but unsent until its window has passed', () => {
    const { outbox, transport, storage, timers, advance } = makeOutbox();
    outbox.enqueue(breakdown, UNDO_MS);

    expect(transport.sent).toHaveLength(0);
    expect(readQueue(storage, KEY)[0]).toMatchObject({ id: 'key-1', sendAfter: Date.parse('2025-01-01T08:00:05Z') });
    expect(timers.map((timer) => timer.ms)).toEqual([UNDO_MS]);

    advance(UNDO_MS - 1);
    outbox.retryNow();
    expect(transport.sent).toHaveLength(0);

    advance(1);
    timers.shift()!.run();
    expect(transport.sent.map((sent) => sent.request.path)).toEqual(['/pumps/pump-1/status']);
    // Dated to the tap, not to the end of the window.
    expect(transport.sent[0].request.body).toMatchObject({ observedAt: '2025-01-01T08:00:00.000Z' });
  });

  it('takes an action back within its window: the server never hears of it, and what followed goes at once', async () => {
    const { outbox, transport, storage, advance } = makeOutbox();
    const taken = outbox.enqueue(breakdown, UNDO_MS);
    outbox.enqueue(arrive('a'));
    expect(transport.sent).toHaveLength(0);

    advance(UNDO_MS - 1);
    expect(outbox.withdraw(taken.id)).toBe(true);
    expect(transport.sent.map((sent) => sent.request.path)).toEqual(['/loads/a/arrive']);
    await transport.answer(done);
    expect(readQueue(storage, KEY)).toHaveLength(0);
    expect(transport.sent.some((sent) => sent.key === taken.id)).toBe(false);
  });

  it('cannot take an action back once its window has passed, even while it waits offline', () => {
    const { outbox, transport, storage, advance } = makeOutbox({ online: false });
    const taken = outbox.enqueue(breakdown, UNDO_MS);
    advance(UNDO_MS);

    expect(outbox.withdraw(taken.id)).toBe(false);
    expect(readQueue(storage, KEY).map((entry) => entry.id)).toEqual([taken.id]);
    outbox.setOnline(true);
    expect(transport.sent.map((sent) => sent.key)).toEqual([taken.id]);
  });

  it('still holds when the network returns inside the window', () => {
    const { outbox, transport, advance } = makeOutbox({ online: false });
    outbox.enqueue(breakdown, UNDO_MS);
    advance(1_000);
    outbox.setOnline(true);
    expect(transport.sent).toHaveLength(0);
  });

  it('keeps the window of an action left by an earlier page, and treats items stored without one as due', () => {
    const storage = new MemoryStorage();
    const sendAfter = Date.parse('2025-01-01T08:00:03Z');
    const legacy: Partial<OutboxItem> = item('older');
    delete legacy.sendAfter;
    storage.setItem(KEY, JSON.stringify([item('undoable', { sendAfter }), legacy]));
    const { outbox, transport, timers } = makeOutbox({ storage });

    void outbox.drain();
    expect(transport.sent).toHaveLength(0);
    expect(timers.map((timer) => timer.ms)).toEqual([3_000]);
    expect(outbox.getSnapshot().items[1].sendAfter).toBeNull();
    expect(outbox.withdraw('undoable')).toBe(true);
    expect(transport.sent.map((sent) => sent.key)).toEqual(['older']);
  });

  it('sends at once when the person is sure, and can no longer be taken back', () => {
    const { outbox, transport } = makeOutbox();
    const taken = outbox.enqueue(breakdown, UNDO_MS);
    outbox.sendNow(taken.id);
    expect(transport.sent.map((sent) => sent.key)).toEqual([taken.id]);
    expect(outbox.withdraw(taken.id)).toBe(false);
  });
});

describe(classifyResponse.name, () => {
  it('takes any 2xx, a replay included, as applied', () => {
    expect(classifyResponse(200, false, {})).toMatchObject({ kind: 'done' });
    expect(classifyResponse(201, true, {})).toMatchObject({ kind: 'done', replayed: true });
  });

  it('takes a 4xx as a refusal in the server’s words', () => {
    expect(
      classifyResponse(409, false, { statusCode: 409, code: 'site_test_missing', message: 'Test the slump on site' }),
    ).toEqual({ kind: 'refused', status: 409, code: 'site_test_missing', message: 'Test the slump on site' });
    expect(classifyResponse(404, false, undefined)).toMatchObject({ kind: 'refused', message: '404' });
  });

  it('tries again after a 5xx, a timeout, throttling or a key still in progress', () => {
    for (const status of [500, 502, 503, 408, 429]) {
      expect(classifyResponse(status, false, {}).kind).toBe('retry');
    }
    expect(classifyResponse(409, false, { code: 'idempotency_in_progress' }).kind).toBe('retry');
  });

  it('keeps the action when the session is refused', () => {
    expect(classifyResponse(401, false, {}).kind).toBe('unauthorized');
  });
});

describe(settle.name, () => {
  const now = 1_000_000;
  it('removes an item that was applied or refused', () => {
    const items = [item('a'), item('b')];
    expect(settle(items, 'a', done, now).map((entry) => entry.id)).toEqual(['b']);
    expect(
      settle(items, 'b', { kind: 'refused', status: 400, code: 'x', message: 'no' }, now).map((entry) => entry.id),
    ).toEqual(['a']);
  });

  it('keeps an item that has to wait, with a later retry time', () => {
    const [kept] = settle([item('a')], 'a', { kind: 'retry', reason: '503' }, now, () => 0.5);
    expect(kept).toMatchObject({ id: 'a', attempts: 1, retryAt: now + 1000, lastFailure: '503' });
  });
});

describe(nextToSend.name, () => {
  it('only ever offers the oldest item, and not before its retry time', () => {
    expect(nextToSend([], 0)).toBeNull();
    expect(nextToSend([item('a'), item('b')], 0)?.id).toBe('a');
    expect(nextToSend([item('a', { retryAt: 500 }), item('b')], 100)).toBeNull();
    expect(nextToSend([item('a', { retryAt: 500 }), item('b')], 500)?.id).toBe('a');
  });
});

describe(retryDelayMs.name, () => {
  it('doubles from a second up to thirty, spread around the base', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 6, 20].map((attempts) => retryDelayMs(attempts, middle))).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 0.999)).toBe(1499);
  });
});

describe(actionRequest.name, () => {
  const createdAt = '2025-01-01T08:00:00.000Z';

  it('dates a step to when the person pressed the button', () => {
    expect(actionRequest({ action: arrive('l/1'), createdAt })).toEqual({
      path: '/loads/l%2F1/arrive',
      body: { observedAt: createdAt },
    });
  });

  it('sends pour requests and pump statuses as they were asked, with when they were asked', () => {
    expect(actionRequest({ action: hold, createdAt })).toEqual({
      path: '/pours/pour-1/requests',
      body: { kind: 'hold', note: 'rebar check', observedAt: createdAt },
    });
    expect(
      actionRequest({
        action: { kind: 'pump-status', pumpId: 'p1', pourId: 'pour-1', request: { status: 'blocked', note: '' } },
        createdAt,
      }),
    ).toEqual({ path: '/pumps/p1/status', body: { status: 'blocked', note: '', observedAt: createdAt } });
  });

  it('sends a site test as it was entered, dated to when it was taken', () => {
    const request = {
      stage: 'site' as const,
      slumpMm: 95,
      temperatureC: 21.5,
      airPercent: null,
      remarks: '',
      checkTestOf: 'test-1',
    };
    const action = { kind: 'site-test' as const, loadId: 'l/1', pourId: 'pour-1', ticketNumber: 'T-1', request };
    expect(actionRequest({ action, createdAt })).toEqual({
      path: '/loads/l%2F1/qc-tests',
      body: { ...request, observedAt: createdAt },
    });
  });
});
