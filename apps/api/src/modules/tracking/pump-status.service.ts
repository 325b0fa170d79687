import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type ChangePumpStatusRequest,
  type CurrentUser,
  PUMP_STATUSES,
  type PumpStatus,
  type PumpStatusDto,
} from '@pourline/contracts';
import { visibleProjectIds } from '../../platform/auth/project-scope';
import { NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { observedTimeOrRefuse } from '../../platform/time/observed-time';
import { PumpEntity } from '../fleet/pump.entity';
import { PumpStatusChangeEntity } from './pump-status-change.entity';

function toDto(change: PumpStatusChangeEntity): PumpStatusDto {
  return {
    pumpId: change.pumpId,
    status: change.status,
    at: (change.observedAt ?? change.at).toISOString(),
    byName: change.byName,
    note: change.note,
  };
}

interface ServedPour {
  pour_id: string;
  project_id: string;
  structural_element: string;
  project_name: string;
}

/** The change as announced live: with the pour it interrupts, so its alert names and links it. */
function announced(change: PumpStatusChangeEntity, served: ServedPour | undefined): PumpStatusDto {
  const pour = served
    ? { pourId: served.pour_id, structuralElement: served.structural_element, siteName: served.project_name }
    : null;
  return { ...toDto(change), pour };
}

/** The pours a pump serves: planned and not yet finished. */
const OPEN_POUR_STATUSES = ['confirmed', 'ready', 'in_progress'];

/** Idle, setting up, pumping, blocked, breakdown, moving: set on site, kept as history. */
@Injectable()
export class PumpStatusService {
  private readonly lastDeviceStatus = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  async change(pumpId: string, request: ChangePumpStatusRequest, actor: CurrentUser): Promise<PumpStatusDto> {
    const served = await this.requireVisible(pumpId, actor);
    const observedAt = request.observedAt ? observedTimeOrRefuse(request.observedAt, new Date()) : null;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PumpStatusChangeEntity);
      const saved = await repository.save(
        repository.create({
          pumpId,
          status: request.status,
          note: request.note,
          observedAt,
          byId: actor.id,
          byName: actor.displayName,
        }),
      );
      const dto = announced(saved, served);
      await this.live.publish(manager, 'pump.status.v1', served?.project_id ?? null, dto);
      return dto;
    });
  }

  /**
   * A pump's own controller may report its state with its positions, as
   * `pumpStatus` (e.g. OsmAnd `&pumpStatus=pumping`); only changes are recorded.
   */
  async fromDevice(device: { entityId: string; deviceId: string }, attributes: Record<string, unknown>): Promise<void> {
    const status = attributes.pumpStatus;
    if (typeof status !== 'string' || !(PUMP_STATUSES as readonly string[]).includes(status)) return;
    if (this.lastDeviceStatus.get(device.entityId) === status) return;
    const repository = this.dataSource.getRepository(PumpStatusChangeEntity);
    const latest = await repository.findOne({ where: { pumpId: device.entityId }, order: { at: 'DESC' } });
    this.lastDeviceStatus.set(device.entityId, status);
    if (latest?.status === status) return;
    const served = (await this.servingPours(device.entityId))[0];
    await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(PumpStatusChangeEntity).save(
        repository.create({
          pumpId: device.entityId,
          status: status as PumpStatus,
          note: '',
          byId: null,
          byName: `tracker ${device.deviceId}`,
        }),
      );
      await this.live.publish(manager, 'pump.status.v1', served?.project_id ?? null, announced(saved, served));
    });
  }

  async history(pumpId: string, actor: CurrentUser): Promise<PumpStatusDto[]> {
    await this.requireVisible(pumpId, actor);
    const changes = await this.dataSource
      .getRepository(PumpStatusChangeEntity)
      .find({ where: { pumpId }, order: { at: 'DESC' }, take: 200 });
    return changes.map(toDto);
  }

  /**
   * Each pump's status now. A site dispatcher sees only the pumps planned on an
   * open pour of their projects, as they do on the live feed and in the history.
   */
  async current(actor: CurrentUser): Promise<PumpStatusDto[]> {
    const visible = visibleProjectIds(actor);
    if (visible !== null && visible.length === 0) return [];
    const query = this.dataSource
      .getRepository(PumpStatusChangeEntity)
      .createQueryBuilder('change')
      .distinctOn(['change.pumpId'])
      .orderBy('change.pumpId')
      .addOrderBy('change.at', 'DESC');
    if (visible !== null) {
      query.where(
        `change.pumpId IN (SELECT pump_id FROM pours WHERE pump_id IS NOT NULL
           AND status IN (:...open) AND project_id IN (:...visible))`,
        { open: OPEN_POUR_STATUSES, visible },
      );
    }
    return (await query.getMany()).map(toDto);
  }

  /** The open pours the pump is planned on, the one it serves now first. */
  private servingPours(pumpId: string): Promise<ServedPour[]> {
    return this.dataSource.query(
      `SELECT pour.id AS pour_id, pour.project_id, pour.structural_element, project.name AS project_name
         FROM pours pour JOIN projects project ON project.id = pour.project_id
        WHERE pour.pump_id = $1 AND pour.status = ANY($2)
        ORDER BY (pour.status = 'in_progress') DESC, pour.scheduled_start LIMIT 20`,
      [pumpId, OPEN_POUR_STATUSES],
    );
  }

  /**
   * The pour the pump serves now, if any. A site dispatcher may only touch
   * a pump planned on an open pour of one of their projects.
   */
  private async requireVisible(pumpId: string, actor: CurrentUser): Promise<ServedPour | undefined> {
    if (!(await this.dataSource.getRepository(PumpEntity).existsBy({ id: pumpId })))
      throw new NotFoundError('Pump', pumpId);
    const rows = await this.servingPours(pumpId);
    const visible = visibleProjectIds(actor);
    if (visible === null) return rows[0];
    const own = rows.find((row) => visible.includes(row.project_id));
    if (!own) throw new NotFoundError('Pump', pumpId);
    return own;
  }
}
