import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conditionStep } from '@pourline/domain';
import { TurnBudget } from '../../platform/event-loop/in-slices';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { DispatchConditionEntity } from './dispatch-condition.entity';
import type { DispatchPlan } from './dispatch-planner.service';
import { type FlowCondition, pourConditions } from './flow-conditions';

/**
 * Raises each dispatch alert once, when its cause has held long enough, and
 * resolves it when the cause ends. The causes seen and not ended are kept in
 * the database, so a restart or another instance neither repeats nor loses one.
 */
@Injectable()
export class FlowAlerts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  /** One look at the plan's picture; answers how many alerts were raised and resolved. */
  async check(plan: DispatchPlan): Promise<{ raised: number; resolved: number }> {
    const now = plan.picture.now;
    // Pour by pour, handing the event loop back as it goes: thousands of loads on the road take a while.
    const present = new Map<string, FlowCondition>();
    const turns = new TurnBudget();
    for (const state of plan.picture.pours) {
      await turns.due();
      pourConditions(plan, state, present);
    }
    const repository = this.dataSource.getRepository(DispatchConditionEntity);
    const known = new Map((await repository.find()).map((row) => [row.key, row]));
    let raised = 0;
    let resolved = 0;
    for (const [key, found] of present) {
      const row = known.get(key);
      const state = row ? { firstSeenAt: row.firstSeenAt, raised: row.raisedAt !== null } : null;
      const step = conditionStep(found.kind, true, state, now);
      if (step === 'wait' && !row) {
        await repository.insert({
          key,
          kind: found.kind,
          pourId: found.pourId,
          projectId: found.projectId,
          firstSeenAt: now,
          raisedAt: null,
        });
      }
      if (step !== 'raise') continue;
      const facts = { ...found.payload.facts };
      if (found.kind === 'stopped_on_road' && row)
        facts.minutes = Math.round((now.getTime() - row.firstSeenAt.getTime()) / 60_000);
      await this.dataSource.transaction(async (manager) => {
        if (row) {
          const updated = await manager
            .createQueryBuilder()
            .update(DispatchConditionEntity)
            .set({ raisedAt: now })
            .where('key = :key AND raised_at IS NULL', { key })
            .execute();
          if (!updated.affected) return;
        } else {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO dispatch_conditions (key, kind, pour_id, project_id, first_seen_at, raised_at)
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (key) DO NOTHING RETURNING key`,
            [key, found.kind, found.pourId, found.projectId, now],
          );
          if (inserted.length === 0) return;
        }
        await this.live.publish(manager, 'dispatch.alert.v1', found.projectId, { ...found.payload, facts });
        raised += 1;
      });
    }
    for (const row of known.values()) {
      if (present.has(row.key)) continue;
      const step = conditionStep(row.kind, false, { firstSeenAt: row.firstSeenAt, raised: row.raisedAt !== null }, now);
      await this.dataSource.transaction(async (manager) => {
        const deleted = await manager.delete(DispatchConditionEntity, { key: row.key });
        if (step !== 'resolve' || !deleted.affected) return;
        await this.live.publish(manager, 'dispatch.alert_resolved.v1', row.projectId, {
          key: row.key,
          kind: row.kind,
          pourId: row.pourId,
        });
        resolved += 1;
      });
    }
    return { raised, resolved };
  }
}
