import { Injectable } from '@nestjs/common';
import type {
  ComplaintDto,
  ComplaintListQuery,
  ComplaintSummaryDto,
  CurrentUser,
  RaiseComplaintRequest,
} from '@pourline/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { Clock } from '../../platform/clock/clock';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { ComplaintTimers } from './complaint-timers.service';
import { complaintNumber, toDetail, toSummary } from './complaint.mapper';
import { ConcreteReturnWithoutRejectionError } from './complaints.exceptions';
import { type ComplaintRow, type ComplaintSubject, ComplaintsRepository } from './complaints.repository';

/** Complaints as lists and records: raised, listed, read, and announced when they change. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly timers: ComplaintTimers,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async list(actor: CurrentUser, query: ComplaintListQuery): Promise<ComplaintSummaryDto[]> {
    const rows = await this.complaints.list(visibleProjectIds(actor), query);
    const steps = await this.complaints.stepsOf(rows.map((row) => row.id));
    const minutes = await this.timers.minutesByCategory();
    const now = this.clock.now();
    return rows.map((row) =>
      toSummary(
        row,
        steps.filter((step) => step.complaintId === row.id),
        minutes[row.category],
        now,
      ),
    );
  }

  async get(id: string, actor: CurrentUser): Promise<ComplaintDto> {
    const row = await this.visible(id, actor);
    return this.detail(row);
  }

  /** The complaint if this person may see it; otherwise as if it did not exist. */
  async visible(id: string, actor: CurrentUser, manager?: EntityManager): Promise<ComplaintRow> {
    const row = await this.complaints.find(id, manager);
    if (!row || !canSeeProject(actor, row.projectId)) throw new NotFoundError('Complaint', id);
    return row;
  }

  async detail(row: ComplaintRow): Promise<ComplaintDto> {
    const steps = await this.complaints.stepsOf([row.id]);
    const [actions, photos, minutes] = await Promise.all([
      this.complaints.actionsOf(row.id),
      this.complaints.photosOf(row.id),
      this.timers.minutesFor(row.category),
    ]);
    return toDetail(toSummary(row, steps, minutes, this.clock.now()), row, steps, actions, photos);
  }

  async raise(request: RaiseComplaintRequest, actor: CurrentUser): Promise<ComplaintDto> {
    const subject = await this.subject(request, actor);
    if (request.concreteReturned && !subject.loadRejected) {
      throw new ConcreteReturnWithoutRejectionError(request.ticketNumber ?? request.loadId ?? '');
    }
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await this.complaints.insert(manager, {
        kind: request.kind,
        category: request.category,
        state: 'received',
        projectId: subject.projectId,
        pourId: subject.pourId,
        loadId: subject.loadId,
        nonConformanceId: request.concreteReturned ? subject.nonConformanceId : null,
        concreteReturned: request.concreteReturned,
        title: request.title,
        description: request.description,
        raisedVia: actor.role === 'admin' || actor.role === 'after_sales' ? 'after_sales' : 'customer',
        raisedById: actor.id,
        raisedByName: actor.displayName,
        receivedAt: now,
        followUpVisitedOn: null,
        followUpNote: null,
        satisfaction: null,
        satisfactionComment: null,
        followUpByName: null,
        followUpAt: null,
      });
      await this.complaints.insertStep(manager, {
        complaintId: saved.id,
        state: 'received',
        at: now,
        byId: actor.id,
        byName: actor.displayName,
        note: request.title,
      });
      await this.announce(manager, saved.id);
      return saved.id;
    });
    return this.get(id, actor);
  }

  /** Tells after-sales' worklists and the customer's own list, in the transaction of the change. */
  async announce(manager: EntityManager, id: string): Promise<void> {
    const row = (await this.complaints.find(id, manager))!;
    await this.live.publish(manager, 'complaint.changed.v1', row.projectId, {
      id,
      number: complaintNumber(row.serial),
      state: row.state,
    });
  }

  /** What the complaint is about, as far as this person may see it. */
  private async subject(request: RaiseComplaintRequest, actor: CurrentUser): Promise<ComplaintSubject> {
    let subject: ComplaintSubject | null;
    if (request.loadId || request.ticketNumber) {
      subject = await this.complaints.subjectOfLoad({ loadId: request.loadId, ticketNumber: request.ticketNumber });
      if (!subject)
        throw new UnknownReferenceError(
          request.loadId ? 'loadId' : 'ticketNumber',
          request.loadId ?? request.ticketNumber!,
        );
    } else if (request.pourId) {
      subject = await this.complaints.subjectOfPour(request.pourId);
      if (!subject) throw new UnknownReferenceError('pourId', request.pourId);
    } else {
      const projectId = request.projectId!;
      if (!(await this.complaints.projectExists(projectId))) throw new UnknownReferenceError('projectId', projectId);
      subject = { projectId, pourId: null, loadId: null, loadRejected: false, nonConformanceId: null };
    }
    if (!canSeeProject(actor, subject.projectId)) throw new NotFoundError('Project', subject.projectId);
    if (request.pourId && subject.pourId !== request.pourId) throw new UnknownReferenceError('pourId', request.pourId);
    if (request.projectId && subject.projectId !== request.projectId)
      throw new UnknownReferenceError('projectId', request.projectId);
    return subject;
  }
}
