import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreatePourRequestMessage, CurrentUser, PourRequestDto } from '@pourline/contracts';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { ConflictError } from '../../platform/errors/domain-error';
import { PourRequestEntity } from './pour-request.entity';
import { PoursService } from './pours.service';

const OPEN = ['confirmed', 'ready', 'in_progress'];

function toDto(request: PourRequestEntity, projectId: string): PourRequestDto {
  const { id, pourId, kind, note, byName } = request;
  return { id, pourId, projectId, kind, note, byName, at: request.at.toISOString() };
}

/** Speed up, slow down, hold, resume: asked on site, heard at once in the dispatch room. */
@Injectable()
export class PourRequestsService {
  constructor(
    private readonly pours: PoursService,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  async create(pourId: string, message: CreatePourRequestMessage, actor: CurrentUser): Promise<PourRequestDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    if (!OPEN.includes(pour.status)) {
      throw new ConflictError('pour_not_open', `The pour is ${pour.status}; requests are for pours not yet finished`);
    }
    const repository = this.dataSource.getRepository(PourRequestEntity);
    const saved = await repository.save(
      repository.create({ pourId, kind: message.kind, note: message.note, byId: actor.id, byName: actor.displayName }),
    );
    const dto = toDto(saved, pour.projectId);
    await this.live.publish('pour.request.v1', pour.projectId, dto);
    return dto;
  }

  async list(pourId: string, actor: CurrentUser): Promise<PourRequestDto[]> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const requests = await this.dataSource
      .getRepository(PourRequestEntity)
      .find({ where: { pourId }, order: { at: 'DESC' }, take: 200 });
    return requests.map((request) => toDto(request, pour.projectId));
  }
}
