import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { LiveEventMap, LoadDto, PourMessageDto } from '@pourline/contracts';
import { LiveStore } from './LiveStore';

// The store flushes on a frame or a timer; these tests flush by hand.
beforeAll(() => {
  (globalThis as { window?: unknown }).window = globalThis;
});

const envelope = <T>(seq: number, payload: T) => ({ seq, at: '2026-11-28T02:00:00.000Z', payload });

const message = (overrides: Partial<PourMessageDto> = {}): PourMessageDto => ({
  id: 'm1',
  kind: 'message',
  pourId: 'pour-1',
  projectId: 'project-1',
  at: '2026-11-28T02:00:00.000Z',
  by: { name: 'Wang', role: 'site_dispatcher' },
  code: 'pump_ready',
  params: {},
  text: '',
  proposal: null,
  ...overrides,
});

describe('LiveStore and pour logs', () => {
  let store: LiveStore;
  beforeEach(() => {
    store = new LiveStore();
  });
  afterEach(() => store.dispose());

  it('keeps each pour’s messages heard live, once each', () => {
    store.receiveEvent('pour.message.v1', envelope(1, message()));
    store.receiveEvent('pour.message.v1', envelope(1, message()));
    store.receiveEvent('pour.message.v1', envelope(2, message({ id: 'm2', pourId: 'pour-2' })));
    store.flush();
    const { pourMessages, pourLogVersion } = store.getState();
    expect(pourMessages.get('pour-1')?.map((item) => item.id)).toEqual(['m1']);
    expect(pourMessages.get('pour-2')?.map((item) => item.id)).toEqual(['m2']);
    // A plain message is shown as it is heard: nothing else to fetch.
    expect(pourLogVersion.size).toBe(0);
  });

  it('tells an open log to fetch again when something else of its pour happens', () => {
    const load = { id: 'load-1', pourId: 'pour-1', updatedAt: '2026-11-28T02:00:00.000Z' } as LoadDto;
    store.receiveEvent('load.changed.v1', envelope(1, load));
    store.flush();
    expect(store.getState().pourLogVersion.get('pour-1')).toBe(1);

    store.receiveEvent(
      'pour.request.v1',
      envelope(2, { pourId: 'pour-1' } as LiveEventMap['pour.request.v1']['payload']),
    );
    store.receiveEvent(
      'qc.recorded.v1',
      envelope(3, {
        loadId: 'load-1',
        testedAt: '2026-11-28T02:01:00.000Z',
      } as LiveEventMap['qc.recorded.v1']['payload']),
    );
    store.flush();
    expect(store.getState().pourLogVersion.get('pour-1')).toBe(3);
  });

  it('keeps a planned volume pushed live through a later status event that does not repeat it', () => {
    const status = { pourId: 'pour-1', projectId: 'project-1', status: 'in_progress', structuralElement: 'Slab' };
    store.receiveEvent('pour.status.v1', envelope(1, { ...status, volumeM3: 126.5 }));
    store.receiveEvent('pour.status.v1', envelope(2, { ...status, dispatchHeld: true }));
    store.flush();
    expect(store.getState().pourStatuses.get('pour-1')).toMatchObject({ volumeM3: 126.5, dispatchHeld: true });
  });

  it('fetches the log again when a proposal is confirmed: the pour has a new entry', () => {
    const proposal = {
      kind: 'remaining_volume' as const,
      remainingM3: 6,
      status: 'confirmed' as const,
      confirmedBy: { name: 'Li', role: 'dispatcher' as const },
      confirmedAt: '2026-11-28T02:05:00.000Z',
      plannedM3: { from: 240, to: 130 },
    };
    store.receiveEvent('pour.message.v1', envelope(1, message({ code: 'pour_finishing', proposal })));
    store.flush();
    expect(store.getState().pourLogVersion.get('pour-1')).toBe(1);
    expect(store.getState().pourMessages.get('pour-1')?.[0].proposal?.status).toBe('confirmed');
  });
});
