import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AcknowledgeAlertRequest, AlertDto, CurrentUser } from '@pourline/contracts';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { LiveRelay } from '../../platform/live/live-relay.service';
import { isAlertEvent } from './alert-events';
import { alertSummary } from './alert-summary';
import { type AlertRow, AlertsRepository } from './alerts.repository';

const WINDOW_HOURS = 24;

function toDto(row: AlertRow): AlertDto {
  return {
    seq: Number(row.seq),
    type: row.type,
    at: new Date(row.at).toISOString(),
    projectId: row.project_id,
    summary: alertSummary(row.type, row.payload),
    payload: row.payload,
    acknowledgement: row.ack_at
      ? {
          seq: Number(row.seq),
          note: row.ack_note ?? '',
          byName: row.ack_by_name ?? '',
          at: new Date(row.ack_at).toISOString(),
        }
      : null,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
  };
}

/**
 * Rejections, holds, pump failures, the flow of concrete and overdue complaints, until a person has
 * seen each and said what was done, or its cause has ended by itself.
 */
@Injectable()
export class AlertsService implements OnModuleInit {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly live: LivePublisher,
    private readonly relay: LiveRelay,
    private readonly dataSource: DataSource,
  ) {}

  /** An alert is stored when its event is numbered, in the same transaction: its number is its id. */
  onModuleInit(): void {
    this.relay.onNumbered(async (manager, events) => {
      await this.alerts.insert(manager, events.filter(isAlertEvent));
      await this.alerts.resolve(
        manager,
        events.filter((event) => event.type === 'dispatch.alert_resolved.v1'),
      );
    });
  }

  async list(actor: CurrentUser, openOnly: boolean): Promise<AlertDto[]> {
    return (await this.alerts.list(visibleProjectIds(actor), openOnly, WINDOW_HOURS)).map(toDto);
  }

  async acknowledge(seq: string, request: AcknowledgeAlertRequest, actor: CurrentUser): Promise<AlertDto> {
    const alert = await this.alerts.find(seq);
    if (!alert || (alert.project_id && !canSeeProject(actor, alert.project_id))) throw new NotFoundError('Alert', seq);
    if (actor.role === 'after_sales' && alert.type !== 'complaint.overdue.v1') {
      throw new ForbiddenError(
        'not_after_sales_alert',
        'After-sales acknowledges the overdue alerts of complaints only',
      );
    }
    const acknowledgement = { seq: Number(seq), note: request.note, byName: actor.displayName, at: '' };
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.alerts.acknowledge(manager, seq, request.note, actor.id, actor.displayName))) {
        throw new ConflictError('already_acknowledged', `Alert ${seq} was already acknowledged`);
      }
      const [{ now }]: { now: Date }[] = await manager.query('SELECT now() AS now');
      acknowledgement.at = now.toISOString();
      await this.live.publish(manager, 'alert.acknowledged.v1', alert.project_id, acknowledgement);
    });
    return toDto((await this.alerts.find(seq))!);
  }
}
