import type {
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Action = () => void;
const KEY = 'afterCommit';

/**
 * Runs `action` once the manager's transaction has committed (at once when
 * there is none), never after a rollback: for in-process reactions, such as
 * dropping a cache, that must not see a change that may yet be undone.
 */
export function afterCommit(manager: EntityManager, action: Action): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    action();
    return;
  }
  const actions = (runner.data[KEY] ??= []) as Action[];
  actions.push(action);
}

function take(data: Record<string, unknown>): Action[] {
  const actions = (data[KEY] ?? []) as Action[];
  data[KEY] = [];
  return actions;
}

export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    for (const action of take(event.queryRunner.data as Record<string, unknown>)) action();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    take(event.queryRunner.data as Record<string, unknown>);
  }
}
