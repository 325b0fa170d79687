import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  AcknowledgePourRequest,
  CreatePourRequestMessage,
  CurrentUser,
  OpenPourRequestsQuery,
  PourRequestDto,
} from '@pourline/contracts';
import { AuditService } from '../../platform/audit/audit.service';
import { visibleProjectIds } from '../../platform/auth/project-scope';
import { ConflictError, NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { observedTimeOrRefuse } from '../../platform/time/observed-time';
import { PourRequestEntity } from './pour-request.entity';
import { PourRequestsRepository } from './pour-requests.repository';
import { PoursService } from './pours.service';

const OPEN = ['confirmed', 'ready', 'in_progress'];

function toDto(request: PourRequestEntity, projectId: string): PourRequestDto {
  const { id, pourId, kind, note, byName } = request;
  const acknowledgement =
    request.acknowledgedAt && request.acknowledgedByName
      ? {
          byName: request.acknowledgedByName,
          at: request.acknowledgedAt.toISOString(),
          note: request.acknowledgementNote,
        }
      : null;
  return { id, pourId, projectId, kind, note, byName, at: request.at.toISOString(), acknowledgement };
}

/** Speed up, slow down, hold, resume: asked on site, heard at once in the dispatch room, and copied. */
@Injectable()
export class PourRequestsService {
  constructor(
    private readonly pours: PoursService,
    private readonly requests: PourRequestsRepository,
    private readonly audit: AuditService,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  async create(pourId: string, message: CreatePourRequestMessage, actor: CurrentUser): Promise<PourRequestDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    if (!OPEN.includes(pour.status)) {
      throw new ConflictError('pour_not_open', `The pour is ${pour.status}; requests are for pours not yet finished`);
    }
    const observedAt = message.observedAt ? observedTimeOrRefuse(message.observedAt, new Date()) : null;
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        PourRequestEntity,
        this.requests.create({
          pourId,
          observedAt,
          kind: message.kind,
          note: message.note,
          byId: actor.id,
          byName: actor.displayName,
        }),
      );
      const dto = toDto(saved, pour.projectId);
      await this.live.publish(manager, 'pour.request.v1', pour.projectId, dto);
      return dto;
    });
  }

  async list(pourId: string, actor: CurrentUser): Promise<PourRequestDto[]> {
    const pour = await this.pours.requireVisible(pourId, actor);
    return (await this.requests.listForPour(pourId)).map((request) => toDto(request, pour.projectId));
  }

  /** What the dispatch room still owes an answer to, across every pour the person may see. */
  async listOpen(query: OpenPourRequestsQuery, actor: CurrentUser): Promise<PourRequestDto[]> {
    const rows = await this.requests.listUnacknowledged(visibleProjectIds(actor), OPEN, query.sinceHours);
    return rows.map((row) => toDto(row, row.projectId));
  }

  /** The dispatch room's "copy": once per request, with who and when, pushed back to the site. */
  async acknowledge(id: string, body: AcknowledgePourRequest, actor: CurrentUser): Promise<PourRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(PourRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError('Request', id);
      const pour = await this.pours.requireVisible(request.pourId, actor).catch(() => {
        throw new NotFoundError('Request', id);
      });
      if (request.acknowledgedAt) {
        throw new ConflictError(
          'request_already_acknowledged',
          `${request.acknowledgedByName} already acknowledged this request at ${request.acknowledgedAt.toISOString()}`,
          { byName: request.acknowledgedByName },
        );
      }
      Object.assign(request, {
        acknowledgedById: actor.id,
        acknowledgedByName: actor.displayName,
        acknowledgedAt: new Date(),
        acknowledgementNote: body.note,
      });
      await manager.save(PourRequestEntity, request);
      await this.audit.record(manager, actor, 'pour', pour.id, 'request_acknowledged', {
        requestId: request.id,
        kind: request.kind,
        note: body.note,
      });
      const dto = toDto(request, pour.projectId);
      await this.live.publish(manager, 'pour.request.v1', pour.projectId, dto);
      return dto;
    });
  }
}
