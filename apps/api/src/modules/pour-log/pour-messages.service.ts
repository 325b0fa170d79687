import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser, PostPourMessageRequest, PourLogParams, PourMessageDto } from '@pourline/contracts';
import { canSetRemainingVolume, plannedVolumeForRemaining, type PourStatus } from '@pourline/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { LoadsRepository } from '../loads/loads.repository';
import { PoursRepository } from '../pours/pours.repository';
import { PoursService } from '../pours/pours.service';
import { toPourMessageDto } from './pour-log-entries';
import {
  AlreadyConfirmedError,
  NothingToConfirmError,
  PourLogClosedError,
  RemainingVolumeNotSettableError,
} from './pour-log.exceptions';
import { PourLogRepository } from './pour-log.repository';
import type { PourMessageEntity } from './pour-message.entity';

/** A draft is still being agreed and a cancelled pour is over: nobody radios about either. */
const CLOSED: readonly PourStatus[] = ['draft', 'cancelled'];

/** Said on the radio, kept in the pour's log, heard at once by everyone who follows the pour. */
@Injectable()
export class PourMessagesService {
  constructor(
    private readonly pours: PoursService,
    private readonly pourRows: PoursRepository,
    private readonly loads: LoadsRepository,
    private readonly log: PourLogRepository,
    private readonly audit: AuditService,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  async post(pourId: string, request: PostPourMessageRequest, actor: CurrentUser): Promise<PourMessageDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    if (CLOSED.includes(pour.status)) throw new PourLogClosedError(pour.status);
    return this.dataSource.transaction(async (manager) => {
      const message = await this.log.insertMessage(manager, {
        pourId,
        code: request.code,
        text: request.code === 'text' ? request.text : '',
        params: paramsOf(request),
        proposedRemainingM3: request.code === 'pour_finishing' ? request.lastLoadM3 : null,
        byId: actor.id,
        byName: actor.displayName,
        byRole: actor.role,
      });
      const dto = toPourMessageDto(message, pour.projectId);
      await this.live.publish(manager, 'pour.message.v1', pour.projectId, dto);
      return dto;
    });
  }

  /**
   * The dispatch room agrees to the site's "last load X m³": the plan becomes
   * what is poured or on its way plus X, in the pour's audit in the
   * confirmer's name, and the confirmed message goes out again.
   */
  async confirm(messageId: string, actor: CurrentUser): Promise<PourMessageDto> {
    const found = await this.log.findMessage(messageId);
    if (!found) throw new NotFoundError('Pour message', messageId);
    await this.pours.requireVisible(found.pourId, actor).catch(() => {
      throw new NotFoundError('Pour message', messageId);
    });
    if (found.proposedRemainingM3 === null) throw new NothingToConfirmError();

    return this.dataSource.transaction(async (manager) => {
      const pour = await this.pourRows.lockForUpdate(manager, found.pourId);
      const message = await this.log.lockMessage(manager, messageId);
      if (!pour || !message) throw new NotFoundError('Pour message', messageId);
      if (message.confirmedAt) throw new AlreadyConfirmedError(message.confirmedByName ?? '', message.confirmedAt);
      if (!canSetRemainingVolume(pour.status)) throw RemainingVolumeNotSettableError.notInProgress(pour.status);
      const remainingM3 = message.proposedRemainingM3 as number;
      const loads = await this.loads.listForPour(pour.id, manager);
      const plannedM3 = plannedVolumeForRemaining(loads, remainingM3);
      if (plannedM3 <= 0) throw RemainingVolumeNotSettableError.nothingToPour();

      const from = pour.volumeM3;
      pour.volumeM3 = plannedM3;
      await this.pourRows.save(pour, manager);
      confirmIn(message, actor, { from, to: plannedM3 });
      await this.log.saveMessage(manager, message);
      await this.audit.record(manager, actor, 'pour', pour.id, 'remaining_set', {
        volumeM3: { from, to: plannedM3 },
        remainingM3,
        messageId: message.id,
        proposedBy: message.byName,
      });
      const dto = toPourMessageDto(message, pour.projectId);
      await this.live.publish(manager, 'pour.message.v1', pour.projectId, dto);
      await this.live.publish(manager, 'pour.status.v1', pour.projectId, {
        pourId: pour.id,
        projectId: pour.projectId,
        status: pour.status,
        structuralElement: pour.structuralElement,
        volumeM3: pour.volumeM3,
      });
      return dto;
    });
  }
}

function paramsOf(request: PostPourMessageRequest): PourLogParams {
  switch (request.code) {
    case 'truck_stuck_at_gate':
      return { truck: request.truck };
    case 'pour_finishing':
      return { lastLoadM3: request.lastLoadM3 };
    default:
      return {};
  }
}

function confirmIn(message: PourMessageEntity, actor: CurrentUser, plannedM3: { from: number; to: number }): void {
  message.confirmedAt = new Date();
  message.confirmedById = actor.id;
  message.confirmedByName = actor.displayName;
  message.confirmedByRole = actor.role;
  message.plannedM3 = plannedM3;
}
