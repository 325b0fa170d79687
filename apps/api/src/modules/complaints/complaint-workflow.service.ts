import { Injectable } from '@nestjs/common';
import type {
  AddCorrectiveActionRequest,
  CompleteCorrectiveActionRequest,
  ComplaintDto,
  ComplaintStepRequest,
  CurrentUser,
  FollowUpRequest,
} from '@pourline/contracts';
import {
  COMPLAINT_TIMERS,
  TIMER_MET_BY,
  acceptsCorrectiveActions,
  acceptsFollowUp,
  complaintStepRefusal,
  COMPLAINT_STATES,
} from '@pourline/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { NotFoundError } from '../../platform/errors/domain-error';
import { ComplaintTimers } from './complaint-timers.service';
import type { ComplaintEntity } from './complaint.entity';
import {
  ComplaintNotAcceptingError,
  ComplaintStepRefusedError,
  CorrectiveActionDoneError,
} from './complaints.exceptions';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

/** Working a complaint: its steps in order, its corrective actions, and the follow-up that closes it. */
@Injectable()
export class ComplaintWorkflow {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly records: ComplaintsService,
    private readonly timers: ComplaintTimers,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async step(id: string, request: ComplaintStepRequest, actor: CurrentUser): Promise<ComplaintDto> {
    return this.change(id, actor, async (manager, complaint, now) => {
      const actions = await this.complaints.actionsOf(id, manager);
      const refusal = complaintStepRefusal(complaint.state, request.to, {
        actions: actions.length,
        actionsDone: actions.filter((action) => action.doneAt).length,
        followUpRecorded: complaint.followUpAt !== null,
      });
      if (refusal) throw new ComplaintStepRefusedError(refusal, complaint.state, request.to);
      await this.complaints.insertStep(manager, {
        complaintId: id,
        state: request.to,
        at: now,
        byId: actor.id,
        byName: actor.displayName,
        note: request.note,
      });
      await this.complaints.update(manager, id, { state: request.to });
      // The promises this step keeps: reaching a state keeps every promise met by it or an earlier one.
      const reachedIndex = COMPLAINT_STATES.indexOf(request.to);
      const kept = COMPLAINT_TIMERS.filter((timer) => COMPLAINT_STATES.indexOf(TIMER_MET_BY[timer]) <= reachedIndex);
      await this.complaints.resolveOverdue(manager, id, kept, now);
      await this.timers.resolveAlerts(manager, now);
    });
  }

  async addAction(id: string, request: AddCorrectiveActionRequest, actor: CurrentUser): Promise<ComplaintDto> {
    return this.change(id, actor, async (manager, complaint, now) => {
      if (!acceptsCorrectiveActions(complaint.state)) throw ComplaintNotAcceptingError.actions(complaint.state);
      await this.complaints.insertAction(manager, {
        complaintId: id,
        description: request.description,
        owner: request.owner,
        dueDate: request.dueDate,
        createdAt: now,
        createdByName: actor.displayName,
        doneAt: null,
        doneByName: null,
        doneNote: null,
      });
    });
  }

  async completeAction(
    id: string,
    actionId: string,
    request: CompleteCorrectiveActionRequest,
    actor: CurrentUser,
  ): Promise<ComplaintDto> {
    return this.change(id, actor, async (manager, complaint, now) => {
      const action = await this.complaints.findAction(manager, actionId);
      if (!action || action.complaintId !== id) throw new NotFoundError('Corrective action', actionId);
      if (action.doneAt) throw new CorrectiveActionDoneError();
      if (!acceptsCorrectiveActions(complaint.state)) throw ComplaintNotAcceptingError.actions(complaint.state);
      await this.complaints.completeAction(manager, actionId, {
        doneAt: now,
        doneByName: actor.displayName,
        doneNote: request.note,
      });
    });
  }

  async followUp(id: string, request: FollowUpRequest, actor: CurrentUser): Promise<ComplaintDto> {
    return this.change(id, actor, async (manager, complaint, now) => {
      if (!acceptsFollowUp(complaint.state)) throw ComplaintNotAcceptingError.followUp(complaint.state);
      await this.complaints.update(manager, id, {
        followUpVisitedOn: request.visitedOn,
        followUpNote: request.note,
        satisfaction: request.satisfaction,
        satisfactionComment: request.satisfactionComment,
        followUpByName: actor.displayName,
        followUpAt: now,
      });
    });
  }

  /** One change at a time per complaint, announced in its transaction. */
  private async change(
    id: string,
    actor: CurrentUser,
    apply: (manager: EntityManager, complaint: ComplaintEntity, now: Date) => Promise<void>,
  ): Promise<ComplaintDto> {
    await this.records.visible(id, actor);
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaints.lock(manager, id);
      if (!complaint) throw new NotFoundError('Complaint', id);
      await apply(manager, complaint, this.clock.now());
      await this.records.announce(manager, id);
    });
    return this.records.detail((await this.complaints.find(id))!);
  }
}
