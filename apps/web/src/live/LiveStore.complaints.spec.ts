import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { LiveStore } from './LiveStore';

// The store flushes on a frame or a timer; these tests flush by hand.
beforeAll(() => {
  (globalThis as { window?: unknown }).window = globalThis;
});

const at = '2026-11-30T02:00:00.000Z';

describe('LiveStore and complaints', () => {
  let store: LiveStore;
  beforeEach(() => {
    store = new LiveStore();
  });
  afterEach(() => store.dispose());

  it('tells the lists and the open complaint to fetch again when a complaint changes', () => {
    store.receiveEvent('complaint.changed.v1', {
      seq: 1,
      at,
      payload: { id: 'c1', number: 'CP-00001', state: 'acknowledged' },
    });
    store.receiveEvent('complaint.changed.v1', {
      seq: 2,
      at,
      payload: { id: 'c2', number: 'CP-00002', state: 'received' },
    });
    store.flush();
    const { complaintsVersion } = store.getState();
    expect(complaintsVersion.get('all')).toBe(2);
    expect(complaintsVersion.get('c1')).toBe(1);
    expect(complaintsVersion.get('c2')).toBe(1);
  });

  it('raises an overdue complaint as an alert under its event number, with its number and timer', () => {
    store.receiveEvent('complaint.overdue.v1', {
      seq: 7,
      at,
      payload: {
        complaintId: 'c1',
        number: 'CP-00001',
        category: 'quality',
        timer: 'acknowledge',
        dueAt: at,
        title: 'Honeycombing',
      },
    });
    store.flush();
    const { alerts, complaintsVersion } = store.getState();
    expect(alerts).toEqual([
      expect.objectContaining({
        id: 'seq:7',
        seq: 7,
        type: 'complaint_overdue',
        ticketNumber: 'CP-00001',
        detail: 'acknowledge',
      }),
    ]);
    expect(complaintsVersion.get('c1')).toBe(1);
  });
});
