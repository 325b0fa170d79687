import { Injectable } from '@nestjs/common';
import type {
  CreatePourOrderRequest,
  CurrentUser,
  DeclinePourOrderRequest,
  PlanPourOrderRequest,
  PlanResponseDto,
  PlanResponseRequest,
  PourOrderDto,
  PourOrderListQuery,
} from '@pourline/contracts';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { Clock } from '../../platform/clock/clock';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { PoursService } from '../pours/pours.service';
import type { PlanResponseEntity } from './plan-response.entity';
import type { PourOrderEntity } from './pour-order.entity';
import { PlanNotOpenError, PourOfOtherProjectError, PourOrderAnsweredError } from './pour-orders.exceptions';
import { PourOrdersRepository } from './pour-orders.repository';

function toOrderDto(order: PourOrderEntity): PourOrderDto {
  return {
    id: order.id,
    projectId: order.projectId,
    projectName: order.project?.name ?? '',
    structuralElement: order.structuralElement,
    volumeM3: order.volumeM3,
    wantedStart: order.wantedStart.toISOString(),
    strengthGrade: order.strengthGrade,
    mixId: order.mixId,
    slumpMm: order.slumpMm,
    pumpWanted: order.pumpWanted,
    notes: order.notes,
    status: order.status,
    pourId: order.pourId,
    declineReason: order.declineReason,
    requestedByName: order.requestedByName,
    requestedAt: order.requestedAt.toISOString(),
    answeredByName: order.answeredByName,
    answeredAt: order.answeredAt?.toISOString() ?? null,
  };
}

function toResponseDto(response: PlanResponseEntity): PlanResponseDto {
  const { id, pourId, decision, note, planVersion, byName } = response;
  return { id, pourId, decision, note, planVersion, byName, at: response.at.toISOString() };
}

/** Plans that are still being agreed: before the pour is released. */
const OPEN_PLAN = new Set(['draft', 'confirmed']);

/**
 * The construction party's side of planning: it orders pours, the dispatch
 * room answers each order with a planned pour or a written refusal, and the
 * customer agrees each plan or asks for changes.
 */
@Injectable()
export class PourOrdersService {
  constructor(
    private readonly orders: PourOrdersRepository,
    private readonly pours: PoursService,
    private readonly clock: Clock,
  ) {}

  async list(query: PourOrderListQuery, actor: CurrentUser): Promise<PourOrderDto[]> {
    return (await this.orders.list(visibleProjectIds(actor), query.status)).map(toOrderDto);
  }

  async create(request: CreatePourOrderRequest, actor: CurrentUser): Promise<PourOrderDto> {
    if (!canSeeProject(actor, request.projectId)) throw new UnknownReferenceError('projectId', request.projectId);
    const saved = await this.orders
      .saveOrder({
        ...request,
        mixId: request.mixId ?? null,
        wantedStart: new Date(request.wantedStart),
        status: 'requested',
        requestedById: actor.id,
        requestedByName: actor.displayName,
      })
      .catch((error: { code?: string; detail?: string }) => {
        // A project or mix that does not exist fails its foreign key.
        if (error.code === '23503') {
          const field = error.detail?.includes('mix') ? 'mixId' : 'projectId';
          throw new UnknownReferenceError(field, field === 'mixId' ? (request.mixId ?? '') : request.projectId);
        }
        throw error;
      });
    return toOrderDto((await this.orders.findById(saved.id))!);
  }

  async plan(id: string, request: PlanPourOrderRequest, actor: CurrentUser): Promise<PourOrderDto> {
    const order = await this.requireOpen(id, actor);
    const pour = await this.pours.requireVisible(request.pourId, actor);
    if (pour.projectId !== order.projectId) throw new PourOfOtherProjectError();
    return this.answer(order, { status: 'planned', pourId: pour.id }, actor);
  }

  async decline(id: string, request: DeclinePourOrderRequest, actor: CurrentUser): Promise<PourOrderDto> {
    const order = await this.requireOpen(id, actor);
    return this.answer(order, { status: 'declined', declineReason: request.reason }, actor);
  }

  async responses(pourId: string, actor: CurrentUser): Promise<PlanResponseDto[]> {
    await this.pours.requireVisible(pourId, actor);
    return (await this.orders.responsesOf(pourId)).map(toResponseDto);
  }

  async respond(pourId: string, request: PlanResponseRequest, actor: CurrentUser): Promise<PlanResponseDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    if (!OPEN_PLAN.has(pour.status)) throw new PlanNotOpenError(pour.status);
    const saved = await this.orders.saveResponse({
      pourId,
      decision: request.decision,
      note: request.note,
      planVersion: pour.version,
      byId: actor.id,
      byName: actor.displayName,
      at: this.clock.now(),
    });
    return toResponseDto(saved);
  }

  private async answer(order: PourOrderEntity, fields: Partial<PourOrderEntity>, actor: CurrentUser) {
    Object.assign(order, fields, { answeredByName: actor.displayName, answeredAt: this.clock.now() });
    await this.orders.saveOrder(order);
    return toOrderDto((await this.orders.findById(order.id))!);
  }

  private async requireOpen(id: string, actor: CurrentUser): Promise<PourOrderEntity> {
    const order = await this.orders.findById(id);
    if (!order || !canSeeProject(actor, order.projectId)) throw new NotFoundError('Pour order', id);
    if (order.status !== 'requested') throw new PourOrderAnsweredError(order.status, order.answeredByName);
    return order;
  }
}
