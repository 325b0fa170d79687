import { Injectable } from '@nestjs/common';
import type {
  CurrentUser,
  DeliveryTicketDto,
  TicketCorrectionRequest,
  TicketSignatureRequest,
} from '@pourline/contracts';
import { LOAD_STATUSES, type LoadStatus } from '@pourline/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock } from '../../platform/clock/clock';
import { signaturePngBytes } from '../../platform/signatures/signature-png';
import { observedTimeOrRefuse } from '../../platform/time/observed-time';
import type { DeliveryTicketVersionEntity } from './delivery-ticket-version.entity';
import { TicketContent } from './ticket-content.service';
import { toTicketVersionDto } from './ticket.mapper';
import { TicketAlreadySignedError, TicketNotSignedError, TicketNotYetSignableError } from './tickets.exceptions';
import { TicketsRepository } from './tickets.repository';

/**
 * A ticket is signed at the site: once the truck has arrived, also after it
 * has left again (the cycle from on site to back at the plant, rejection included).
 */
const SIGNABLE_STATUSES: ReadonlySet<LoadStatus> = new Set(
  LOAD_STATUSES.slice(LOAD_STATUSES.indexOf('on_site'), LOAD_STATUSES.indexOf('back_at_plant') + 1),
);

/**
 * Delivery tickets: the ticket as it reads, its signature or refusal at the
 * site, and corrections as new versions that reference the one they correct.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly content: TicketContent,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async get(loadId: string, actor: CurrentUser): Promise<DeliveryTicketDto> {
    const versions = await this.tickets.versionsOf(loadId);
    const current = versions.at(-1);
    const live = await this.content.of(loadId, actor, current?.remarks ?? '');
    const signedCurrent = current?.signedContent ?? null;
    return {
      content: signedCurrent ?? live,
      currentVersion: current?.version ?? 1,
      versions: versions.map(toTicketVersionDto),
      signable: SIGNABLE_STATUSES.has(live.status) && !current?.outcome,
    };
  }

  async sign(loadId: string, request: TicketSignatureRequest, actor: CurrentUser): Promise<DeliveryTicketDto> {
    const live = await this.content.of(loadId, actor, '');
    if (!SIGNABLE_STATUSES.has(live.status)) throw new TicketNotYetSignableError(live.status);
    const image = request.signature ? signaturePngBytes(request.signature) : null;
    const receivedAt = this.clock.now();
    const arrivedAt = live.arrivedAt ? new Date(live.arrivedAt) : null;
    const signedAt = observedTimeOrRefuse(request.observedAt, receivedAt, arrivedAt);
    await this.dataSource.transaction(async (manager) => {
      await this.tickets.lockTicket(manager, loadId);
      const versions = await this.tickets.versionsOf(loadId, manager);
      const current = versions.at(-1) ?? this.tickets.create({ loadId, version: 1, supersedesVersion: null });
      if (current.outcome && current.signedAt)
        throw new TicketAlreadySignedError(
          current.version,
          current.outcome,
          current.signerName ?? '',
          current.signedByName ?? '',
          current.signedAt,
        );
      Object.assign(current, {
        outcome: request.outcome,
        moment: request.moment,
        signerName: request.signerName,
        signatureImage: image,
        refusalReason: request.outcome === 'refused' ? request.reason : null,
        signedAt,
        signatureReceivedAt: receivedAt,
        signedById: actor.id,
        signedByName: actor.displayName,
        signedContent: { ...live, remarks: current.remarks ?? '' },
      } satisfies Partial<DeliveryTicketVersionEntity>);
      const saved = await this.tickets.save(manager, current);
      await this.audit.record(manager, actor, 'delivery_ticket', loadId, `ticket_${request.outcome}`, {
        ticketNumber: live.ticketNumber,
        version: saved.version,
        moment: request.moment,
        signerName: request.signerName,
        ...(request.outcome === 'refused' ? { reason: request.reason } : {}),
      });
    });
    return this.get(loadId, actor);
  }

  async correct(loadId: string, request: TicketCorrectionRequest, actor: CurrentUser): Promise<DeliveryTicketDto> {
    const live = await this.content.of(loadId, actor, '');
    await this.dataSource.transaction(async (manager) => {
      await this.tickets.lockTicket(manager, loadId);
      const current = (await this.tickets.versionsOf(loadId, manager)).at(-1);
      if (!current?.outcome) throw new TicketNotSignedError(current?.version ?? 1);
      const next = this.tickets.create({
        loadId,
        version: current.version + 1,
        supersedesVersion: current.version,
        correctionReason: request.reason,
        remarks: request.remarks,
        correctedById: actor.id,
        correctedByName: actor.displayName,
      });
      await this.tickets.save(manager, next);
      await this.audit.record(manager, actor, 'delivery_ticket', loadId, 'ticket_corrected', {
        ticketNumber: live.ticketNumber,
        version: next.version,
        supersedesVersion: current.version,
        reason: request.reason,
      });
    });
    return this.get(loadId, actor);
  }
}
