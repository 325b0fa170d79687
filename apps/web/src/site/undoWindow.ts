import type { OutboxAction } from './outbox';

/** Long enough to see a wrong tap and take it back, short enough not to delay a real stop by much. */
export const UNDO_WINDOW_MS = 5_000;

/**
 * Actions that stop the work (holding the trucks, a blocked line, a broken
 * pump) go out after an undo window: one tap acts, a slip of a glove can be
 * taken back before anyone else hears of it. Everything else goes at once.
 */
export function undoWindowMs(action: OutboxAction): number {
  switch (action.kind) {
    case 'pour-request':
      return action.request.kind === 'hold' ? UNDO_WINDOW_MS : 0;
    case 'pump-status':
      return action.request.status === 'blocked' || action.request.status === 'breakdown' ? UNDO_WINDOW_MS : 0;
    case 'load-step':
    case 'site-test':
      return 0;
  }
}
