import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChangePumpStatusRequest, CurrentUser, PumpStatusDto } from '@pourline/contracts';
import { visibleProjectIds } from '../../platform/auth/project-scope';
import { NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { PumpEntity } from '../fleet/pump.entity';
import { PumpStatusChangeEntity } from './pump-status-change.entity';

function toDto(change: PumpStatusChangeEntity): PumpStatusDto {
  return {
    pumpId: change.pumpId,
    status: change.status,
    at: change.at.toISOString(),
    byName: change.byName,
    note: change.note,
  };
}

/** Idle, setting up, pumping, blocked, breakdown, moving: set on site, kept as history. */
@Injectable()
export class PumpStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  async change(pumpId: string, request: ChangePumpStatusRequest, actor: CurrentUser): Promise<PumpStatusDto> {
    const projectId = await this.requireVisible(pumpId, actor);
    const repository = this.dataSource.getRepository(PumpStatusChangeEntity);
    const saved = await repository.save(
      repository.create({
        pumpId,
        status: request.status,
        note: request.note,
        byId: actor.id,
        byName: actor.displayName,
      }),
    );
    const dto = toDto(saved);
    await this.live.publish('pump.status.v1', projectId, dto);
    return dto;
  }

  async history(pumpId: string, actor: CurrentUser): Promise<PumpStatusDto[]> {
    await this.requireVisible(pumpId, actor);
    const changes = await this.dataSource
      .getRepository(PumpStatusChangeEntity)
      .find({ where: { pumpId }, order: { at: 'DESC' }, take: 200 });
    return changes.map(toDto);
  }

  async current(): Promise<PumpStatusDto[]> {
    const rows: PumpStatusChangeEntity[] = await this.dataSource
      .getRepository(PumpStatusChangeEntity)
      .createQueryBuilder('change')
      .distinctOn(['change.pumpId'])
      .orderBy('change.pumpId')
      .addOrderBy('change.at', 'DESC')
      .getMany();
    return rows.map(toDto);
  }

  /**
   * The project the pump serves now, if any. A site dispatcher may only touch
   * a pump planned on an open pour of one of their projects.
   */
  private async requireVisible(pumpId: string, actor: CurrentUser): Promise<string | null> {
    if (!(await this.dataSource.getRepository(PumpEntity).existsBy({ id: pumpId })))
      throw new NotFoundError('Pump', pumpId);
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT project_id FROM pours WHERE pump_id = $1 AND status IN ('confirmed', 'ready', 'in_progress')
        ORDER BY (status = 'in_progress') DESC, scheduled_start LIMIT 20`,
      [pumpId],
    );
    const visible = visibleProjectIds(actor);
    if (visible === null) return rows[0]?.project_id ?? null;
    const own = rows.find((row) => visible.includes(row.project_id));
    if (!own) throw new NotFoundError('Pump', pumpId);
    return own.project_id;
  }
}
