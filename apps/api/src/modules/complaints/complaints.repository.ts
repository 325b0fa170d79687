import { Injectable } from '@nestjs/common';
import type { ComplaintListQuery } from '@pourline/contracts';
import type { ComplaintTimer } from '@pourline/domain';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { ComplaintPhotoEntity } from './complaint-photo.entity';
import { ComplaintStepEntity } from './complaint-step.entity';
import { ComplaintTimerSettingEntity } from './complaint-timer-setting.entity';
import { ComplaintOverdueEntity } from './complaint-overdue.entity';
import { ComplaintEntity } from './complaint.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';

/** A complaint with the names people know its project, customer and pour by. */
export interface ComplaintRow extends ComplaintEntity {
  projectName: string;
  customerName: string;
  pourLabel: string | null;
  ticketNumber: string | null;
}

/** What a complaint can be linked to: a pour and its project, a load (ticket) and its non-conformance. */
export interface ComplaintSubject {
  projectId: string;
  pourId: string | null;
  loadId: string | null;
  loadRejected: boolean;
  nonConformanceId: string | null;
}

const SELECT_ROWS = `
  SELECT c.*, c.follow_up_visited_on::text AS follow_up_day, project.name AS project_name, customer.name AS customer_name,
         pour.structural_element AS pour_label, load.ticket_number
    FROM complaints c
    JOIN projects project ON project.id = c.project_id
    JOIN customers customer ON customer.id = project.customer_id
    LEFT JOIN pours pour ON pour.id = c.pour_id
    LEFT JOIN loads load ON load.id = c.load_id`;

/** A row as PostgreSQL returns it: column names to whatever the driver made of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw query rows are untyped; toRow names and converts each column
type RawRow = Record<string, any>;

function toRow(raw: RawRow): ComplaintRow {
  return {
    id: raw.id,
    serial: raw.serial,
    kind: raw.kind,
    category: raw.category,
    state: raw.state,
    projectId: raw.project_id,
    pourId: raw.pour_id,
    loadId: raw.load_id,
    nonConformanceId: raw.non_conformance_id,
    concreteReturned: raw.concrete_returned,
    title: raw.title,
    description: raw.description,
    raisedVia: raw.raised_via,
    raisedById: raw.raised_by_id,
    raisedByName: raw.raised_by_name,
    receivedAt: raw.received_at,
    followUpVisitedOn: raw.follow_up_day,
    followUpNote: raw.follow_up_note,
    satisfaction: raw.satisfaction,
    satisfactionComment: raw.satisfaction_comment,
    followUpByName: raw.follow_up_by_name,
    followUpAt: raw.follow_up_at,
    projectName: raw.project_name,
    customerName: raw.customer_name,
    pourLabel: raw.pour_label,
    ticketNumber: raw.ticket_number,
  };
}

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectIds: string[] | null, query: ComplaintListQuery): Promise<ComplaintRow[]> {
    const rows: RawRow[] = await this.dataSource.query(
      `${SELECT_ROWS}
        WHERE ($1::uuid[] IS NULL OR c.project_id = ANY($1::uuid[]))
          AND ($2::varchar IS NULL OR c.state = $2 OR ($2 = 'open' AND c.state <> 'closed'))
          AND ($3::uuid IS NULL OR c.pour_id = $3)
        ORDER BY c.received_at DESC LIMIT 500`,
      [projectIds, query.state ?? null, query.pourId ?? null],
    );
    return rows.map(toRow);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintRow | null> {
    const rows: RawRow[] = await manager.query(`${SELECT_ROWS} WHERE c.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Locks the complaint for one step at a time. */
  lock(manager: EntityManager, id: string): Promise<ComplaintEntity | null> {
    return manager.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The complaints not yet closed, for the service timers. */
  open(): Promise<ComplaintEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ComplaintEntity, 'complaint')
      .where('complaint.state <> :closed', { closed: 'closed' })
      .getMany();
  }

  async subjectOfPour(pourId: string): Promise<ComplaintSubject | null> {
    const rows: { project_id: string }[] = await this.dataSource.query(`SELECT project_id FROM pours WHERE id = $1`, [
      pourId,
    ]);
    return rows[0]
      ? { projectId: rows[0].project_id, pourId, loadId: null, loadRejected: false, nonConformanceId: null }
      : null;
  }

  async subjectOfLoad(by: { loadId?: string; ticketNumber?: string }): Promise<ComplaintSubject | null> {
    const rows: { id: string; pour_id: string; project_id: string; rejected: boolean; nc_id: string | null }[] =
      await this.dataSource.query(
        `SELECT load.id, load.pour_id, pour.project_id, load.rejected, nc.id AS nc_id
           FROM loads load
           JOIN pours pour ON pour.id = load.pour_id
           LEFT JOIN non_conformances nc ON nc.load_id = load.id
          WHERE ($1::uuid IS NOT NULL AND load.id = $1) OR ($2::varchar IS NOT NULL AND load.ticket_number = $2)`,
        [by.loadId ?? null, by.ticketNumber ?? null],
      );
    const row = rows[0];
    return row
      ? {
          projectId: row.project_id,
          pourId: row.pour_id,
          loadId: row.id,
          loadRejected: row.rejected,
          nonConformanceId: row.nc_id,
        }
      : null;
  }

  async projectExists(projectId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM projects WHERE id = $1`, [projectId]);
    return rows.length > 0;
  }

  insert(manager: EntityManager, complaint: Omit<ComplaintEntity, 'id' | 'serial'>): Promise<ComplaintEntity> {
    return manager.save(ComplaintEntity, manager.create(ComplaintEntity, complaint));
  }

  async update(manager: EntityManager, id: string, changes: Partial<ComplaintEntity>): Promise<void> {
    await manager.update(ComplaintEntity, { id }, changes);
  }

  insertStep(manager: EntityManager, step: Omit<ComplaintStepEntity, 'id'>): Promise<ComplaintStepEntity> {
    return manager.save(ComplaintStepEntity, manager.create(ComplaintStepEntity, step));
  }

  stepsOf(complaintIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ComplaintStepEntity[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return manager.find(ComplaintStepEntity, {
      where: { complaintId: In(complaintIds) },
      order: { at: 'ASC' },
    });
  }

  actionsOf(complaintId: string, manager: EntityManager = this.dataSource.manager): Promise<CorrectiveActionEntity[]> {
    return manager.find(CorrectiveActionEntity, { where: { complaintId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  insertAction(manager: EntityManager, action: Omit<CorrectiveActionEntity, 'id'>): Promise<CorrectiveActionEntity> {
    return manager.save(CorrectiveActionEntity, manager.create(CorrectiveActionEntity, action));
  }

  findAction(manager: EntityManager, id: string): Promise<CorrectiveActionEntity | null> {
    return manager.findOne(CorrectiveActionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async completeAction(manager: EntityManager, id: string, done: Partial<CorrectiveActionEntity>): Promise<void> {
    await manager.update(CorrectiveActionEntity, { id }, done);
  }

  photosOf(complaintId: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintPhotoEntity[]> {
    return manager.find(ComplaintPhotoEntity, { where: { complaintId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  insertPhoto(manager: EntityManager, photo: Omit<ComplaintPhotoEntity, 'id'>): Promise<ComplaintPhotoEntity> {
    return manager.save(ComplaintPhotoEntity, manager.create(ComplaintPhotoEntity, photo));
  }

  photoWithContent(id: string): Promise<ComplaintPhotoEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(ComplaintPhotoEntity, 'photo')
      .addSelect('photo.content')
      .where('photo.id = :id', { id })
      .getOne();
  }

  timerSettings(): Promise<ComplaintTimerSettingEntity[]> {
    return this.dataSource.manager.find(ComplaintTimerSettingEntity);
  }

  async saveTimerSetting(setting: Omit<ComplaintTimerSettingEntity, 'updatedAt'>): Promise<void> {
    await this.dataSource.manager.upsert(ComplaintTimerSettingEntity, { ...setting, updatedAt: new Date() }, [
      'category',
    ]);
  }

  /** True the first time a promise of a complaint is recorded as broken: it is raised once. */
  async markOverdue(manager: EntityManager, complaintId: string, timer: ComplaintTimer, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO complaint_overdue_timers (complaint_id, timer, raised_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING complaint_id`,
      [complaintId, timer, at],
    );
    return rows.length > 0;
  }

  /** The broken promises that a step just kept, now resolved. */
  async resolveOverdue(manager: EntityManager, complaintId: string, timers: ComplaintTimer[], at: Date) {
    if (timers.length === 0) return [];
    const open = await manager.find(ComplaintOverdueEntity, {
      where: { complaintId, timer: In(timers), resolvedAt: IsNull() },
    });
    if (open.length > 0)
      await manager.update(
        ComplaintOverdueEntity,
        { complaintId, timer: In(open.map((row) => row.timer)), resolvedAt: IsNull() },
        { resolvedAt: at },
      );
    return open.map((row) => row.timer);
  }

  /**
   * Marks resolved the alerts of broken promises that were kept since, and returns them. Also
   * catches an alert stored after its promise was kept (the alert is written when its event is
   * numbered, which may follow the step's transaction).
   */
  async resolveAlerts(manager: EntityManager, at: Date): Promise<{ seq: string; project_id: string | null }[]> {
    const [rows]: [{ seq: string; project_id: string | null }[], number] = await manager.query(
      `UPDATE alerts alert SET resolved_at = $1
         FROM complaint_overdue_timers overdue
        WHERE alert.type = 'complaint.overdue.v1' AND alert.resolved_at IS NULL
          AND overdue.resolved_at IS NOT NULL
          AND alert.payload->>'complaintId' = overdue.complaint_id::text
          AND alert.payload->>'timer' = overdue.timer
        RETURNING alert.seq, alert.project_id`,
      [at],
    );
    return rows;
  }

  /** Moves a complaint and everything recorded on it back in time: for the demo's history only. */
  async backdate(id: string, minutes: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const shift = [id, minutes];
      await manager.query(
        `UPDATE complaints SET received_at = received_at - make_interval(mins => $2),
                             follow_up_at = follow_up_at - make_interval(mins => $2) WHERE id = $1`,
        shift,
      );
      await manager.query(
        `UPDATE complaint_steps SET at = at - make_interval(mins => $2) WHERE complaint_id = $1`,
        shift,
      );
      await manager.query(
        `UPDATE complaint_corrective_actions SET created_at = created_at - make_interval(mins => $2),
                done_at = done_at - make_interval(mins => $2) WHERE complaint_id = $1`,
        shift,
      );
    });
  }
}
