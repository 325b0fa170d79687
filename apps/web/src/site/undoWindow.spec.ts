import { describe, expect, it } from '@jest/globals';
import { PUMP_STATUSES, POUR_REQUEST_KINDS } from '@pourline/contracts';
import { LOAD_STEPS } from './outbox';
import { UNDO_WINDOW_MS, undoWindowMs } from './undoWindow';

describe(undoWindowMs.name, () => {
  it('gives a hold request, and only a hold, a window to take it back', () => {
    const windows = POUR_REQUEST_KINDS.map((kind) => [
      kind,
      undoWindowMs({ kind: 'pour-request', pourId: 'p', request: { kind, note: '' } }),
    ]);
    expect(windows).toEqual([
      ['speed_up', 0],
      ['slow_down', 0],
      ['hold', UNDO_WINDOW_MS],
      ['resume', 0],
    ]);
  });

  it('gives a blocked line and a breakdown a window, not the pump’s other states', () => {
    const undoable = PUMP_STATUSES.filter(
      (status) => undoWindowMs({ kind: 'pump-status', pumpId: 'u', pourId: 'p', request: { status, note: '' } }) > 0,
    );
    expect(undoable).toEqual(['blocked', 'breakdown']);
  });

  it('sends a truck’s steps at once', () => {
    for (const step of LOAD_STEPS) {
      expect(undoWindowMs({ kind: 'load-step', step, loadId: 'l', pourId: 'p', ticketNumber: 'T' })).toBe(0);
    }
  });
});
