import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ChangePourStatusRequest,
  CreatePourRequest,
  type CurrentUser,
  type Page,
  type PourDto,
  type PlanConfirmations,
  type PourListQuery,
  roleHasPermission,
  type UpdatePourRequest,
  pickFields,
  PourPlanFields,
} from '@pourline/contracts';
import {
  canTransitionPour,
  DEFAULT_REQUIRED_DOCUMENT_TYPES,
  isPourPlanEditable,
  pourTransitionsFrom,
  undeliveredRequiredDocuments,
} from '@pourline/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { InvalidInputError, NotFoundError } from '../../platform/errors/domain-error';
import { changedFields, planSnapshot, toPourDto } from './pour.mapper';
import { PourClosing } from './pour-closing';
import type { PourEntity } from './pour.entity';
import { PlanSanity, type PourPlan, type PumpClashConfirmation } from './plan-sanity.service';
import { PourReferences } from './pour-references';
import {
  DocumentsUndeliveredError,
  IllegalPourTransitionError,
  OverrideNotAllowedError,
  PourNotEditableError,
} from './pours.exceptions';
import { PoursRepository } from './pours.repository';

/** Plan fields that place the pour on the map, or say which site and plant it is judged against. */
const GEOMETRY_INPUTS = ['projectId', 'plantId', 'pumpPosition', 'startPoint', 'endPoint', 'entryRoute', 'exitRoute'];
/** Plan fields that decide which pump is booked, and when. */
const PUMP_BOOKING_INPUTS = ['pumpId', 'scheduledStart', 'volumeM3', 'pourRateM3PerHour'];

/** A plan field as the stored snapshot spells it: the start as UTC ISO, whatever offset it was sent with. */
function planField(plan: PourPlan, field: string): unknown {
  return field === 'scheduledStart' ? new Date(plan.scheduledStart).toISOString() : plan[field as keyof PourPlan];
}

@Injectable()
export class PoursService {
  constructor(
    private readonly pours: PoursRepository,
    private readonly references: PourReferences,
    private readonly sanity: PlanSanity,
    private readonly audit: AuditService,
    private readonly live: LivePublisher,
    private readonly closing: PourClosing,
    private readonly dataSource: DataSource,
  ) {}

  async list(query: PourListQuery, actor: CurrentUser): Promise<Page<PourDto>> {
    const { page, pageSize, ...filter } = query;
    const [pours, total] = await this.pours.list(
      { ...filter, projectIds: visibleProjectIds(actor) },
      (page - 1) * pageSize,
      pageSize,
    );
    const delivered = await this.pours.deliveredDocumentTypes(pours.map((pour) => pour.id));
    return { items: pours.map((pour) => toPourDto(pour, delivered.get(pour.id)!)), total, page, pageSize };
  }

  async get(id: string, actor: CurrentUser): Promise<PourDto> {
    await this.requireVisible(id, actor);
    return this.detailed(id);
  }

  /** The pour if the actor may see it; a site dispatcher's other projects answer 404. */
  async requireVisible(id: string, actor: CurrentUser): Promise<PourEntity> {
    const pour = await this.pours.findById(id);
    if (!pour || !canSeeProject(actor, pour.projectId)) throw new NotFoundError('Pour', id);
    return pour;
  }

  async create(request: CreatePourRequest, actor: CurrentUser): Promise<PourDto> {
    const { confirm, ...plan } = request;
    await this.references.check(plan);
    const pour = this.pours.create({
      ...plan,
      scheduledStart: new Date(plan.scheduledStart),
      requiredDocumentTypes: plan.requiredDocumentTypes ?? [...DEFAULT_REQUIRED_DOCUMENT_TYPES],
      status: 'draft',
      documentGateOverride: null,
    });
    const id = await this.dataSource.transaction(async (manager) => {
      const checked = await this.checkSanity(manager, plan, null, confirm, { geometry: true, pumpBooking: true });
      const saved = await this.pours.save(pour, manager);
      await this.audit.record(manager, actor, 'pour', saved.id, 'created', {
        ...planSnapshot(saved),
        planRules: checked.planRules,
      });
      await this.recordConfirmations(manager, actor, saved.id, checked);
      return saved.id;
    });
    return this.detailed(id);
  }

  async update(id: string, request: UpdatePourRequest, actor: CurrentUser): Promise<PourDto> {
    const { confirm, ...patch } = request;
    await this.dataSource.transaction(async (manager) => {
      const pour = await this.lock(id, actor, manager);
      if (!isPourPlanEditable(pour.status)) throw new PourNotEditableError(pour.status);
      const before = planSnapshot(pour);
      const merged = CreatePourRequest.safeParse({ ...pickFields(PourPlanFields, before), ...patch });
      if (!merged.success) {
        const details = merged.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        throw new InvalidInputError('invalid_pour_plan', `Invalid pour plan: ${details.join('; ')}`, details);
      }
      const { confirm: _none, ...plan } = merged.data;
      await this.references.check(plan);
      // Only what the edit moves is judged again: a note added to a plan stored before a
      // rule existed, or confirmed as a double booking, is not refused for that.
      const moved = (fields: readonly string[]) =>
        fields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(planField(plan, field)));
      const checked = await this.checkSanity(manager, plan, id, confirm, {
        geometry: moved(GEOMETRY_INPUTS),
        pumpBooking: moved(PUMP_BOOKING_INPUTS),
      });
      Object.assign(pour, patch, patch.scheduledStart ? { scheduledStart: new Date(patch.scheduledStart) } : {});
      await this.pours.save(pour, manager);
      const changes = changedFields(before, planSnapshot(pour));
      const planRules = Object.keys(checked.planRules).length > 0 ? { planRules: checked.planRules } : {};
      await this.audit.record(manager, actor, 'pour', id, 'updated', { ...changes, ...planRules });
      await this.recordConfirmations(manager, actor, id, checked);
    });
    return this.detailed(id);
  }

  /** The plan sanity checks that apply, in the order a person fixes them: the map, then the pump. */
  private async checkSanity(
    manager: EntityManager,
    plan: PourPlan,
    pourId: string | null,
    confirm: PlanConfirmations | undefined,
    which: { geometry: boolean; pumpBooking: boolean },
  ) {
    const geometryRules = which.geometry ? await this.sanity.checkGeometry(plan) : {};
    const pump = which.pumpBooking
      ? await this.sanity.checkPumpBooking(manager, plan, pourId, confirm?.pumpClash)
      : null;
    return { planRules: { ...geometryRules, ...pump?.rules }, pumpClash: pump?.confirmed ?? null };
  }

  private async recordConfirmations(
    manager: EntityManager,
    actor: CurrentUser,
    pourId: string,
    checked: { pumpClash: PumpClashConfirmation | null },
  ): Promise<void> {
    if (!checked.pumpClash) return;
    await this.audit.record(manager, actor, 'pour', pourId, 'pump_double_booking_confirmed', { ...checked.pumpClash });
  }

  async changeStatus(id: string, request: ChangePourStatusRequest, actor: CurrentUser): Promise<PourDto> {
    await this.dataSource.transaction(async (manager) => {
      const pour = await this.lock(id, actor, manager);
      const from = pour.status;
      if (!canTransitionPour(from, request.status)) {
        throw new IllegalPourTransitionError(from, request.status, pourTransitionsFrom(from));
      }
      let override: PourEntity['documentGateOverride'] = null;
      if (request.status === 'ready') {
        const delivered = (await this.pours.deliveredDocumentTypes([id], manager)).get(id)!;
        const undelivered = undeliveredRequiredDocuments(
          pour.requiredDocumentTypes,
          [...delivered].map((type) => ({ type, deliveredAt: new Date() })),
        );
        if (undelivered.length > 0) {
          if (!request.overrideReason) throw new DocumentsUndeliveredError(undelivered);
          if (!roleHasPermission(actor.role, 'pours.override-document-gate')) throw new OverrideNotAllowedError();
          override = {
            reason: request.overrideReason,
            byUserId: actor.id,
            byName: actor.displayName,
            at: new Date().toISOString(),
          };
          pour.documentGateOverride = override;
        }
      }
      pour.status = request.status;
      await this.pours.save(pour, manager);
      if (pour.status === 'completed' || pour.status === 'cancelled') {
        await this.closing.closed(manager, pour, pour.status, actor);
      }
      await this.audit.record(manager, actor, 'pour', id, 'status_changed', {
        from,
        to: request.status,
        ...(override ? { documentGateOverride: override } : {}),
      });
      await this.live.publish(manager, 'pour.status.v1', pour.projectId, {
        pourId: id,
        projectId: pour.projectId,
        status: pour.status,
        structuralElement: pour.structuralElement,
      });
    });
    return this.detailed(id);
  }

  /** Stops or restarts new loads for a pour; the dispatch room's own brake, apart from its status. */
  async setDispatchHold(id: string, reason: string | null, actor: CurrentUser): Promise<PourDto> {
    await this.dataSource.transaction(async (manager) => {
      const pour = await this.lock(id, actor, manager);
      if (reason !== null && !['confirmed', 'ready', 'in_progress'].includes(pour.status)) {
        throw new PourNotEditableError(pour.status);
      }
      pour.dispatchHold = reason === null ? null : { reason, byName: actor.displayName, at: new Date().toISOString() };
      await this.pours.save(pour, manager);
      await this.audit.record(manager, actor, 'pour', id, reason === null ? 'dispatch_resumed' : 'dispatch_held', {
        ...(reason ? { reason } : {}),
      });
      await this.live.publish(manager, 'pour.status.v1', pour.projectId, {
        pourId: id,
        projectId: pour.projectId,
        status: pour.status,
        structuralElement: pour.structuralElement,
        dispatchHeld: pour.dispatchHold !== null,
        dispatchHold: pour.dispatchHold,
      });
    });
    return this.detailed(id);
  }

  private async lock(id: string, actor: CurrentUser, manager: Parameters<PoursRepository['lockForUpdate']>[0]) {
    const pour = await this.pours.lockForUpdate(manager, id);
    if (!pour || !canSeeProject(actor, pour.projectId)) throw new NotFoundError('Pour', id);
    return pour;
  }

  private async detailed(id: string): Promise<PourDto> {
    const pour = await this.pours.findDetailed(id);
    if (!pour) throw new NotFoundError('Pour', id);
    const delivered = await this.pours.deliveredDocumentTypes([id]);
    return toPourDto(pour, delivered.get(id)!);
  }
}
