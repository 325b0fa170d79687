import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QcOutcome, QcStage, Role } from '@pourline/contracts';
import type { LoadStatus, RecordedQcFailureReason } from '@pourline/domain';
import { PourMessageEntity } from './pour-message.entity';

/**
 * A pour's log reads the newest rows of each source up to this many. A pour
 * has a few dozen loads; this bounds a pathological one, not a real one.
 */
export const LOG_SOURCE_LIMIT = 2000;

interface Author {
  actorName: string;
  /** Null for a tracker (geofence step) or a person no longer known. */
  actorRole: Role | null;
}

export interface LoadStepRow extends Author {
  id: string;
  at: Date;
  toStatus: LoadStatus;
  ticket: string;
  truck: string | null;
}

export interface QcTestRow extends Author {
  id: string;
  at: Date;
  stage: QcStage;
  pass: boolean;
  outcome: QcOutcome;
  slumpMm: number;
  reasons: RecordedQcFailureReason[];
  ticket: string;
  truck: string | null;
}

export interface PourRequestRow extends Author {
  id: string;
  at: Date;
  kind: string;
  note: string;
}

export interface PourAuditRow extends Author {
  id: string;
  at: Date;
  action: string;
  changes: Record<string, unknown>;
}

export interface PourLogRows {
  messages: PourMessageEntity[];
  loadSteps: LoadStepRow[];
  qcTests: QcTestRow[];
  requests: PourRequestRow[];
  audit: PourAuditRow[];
}

type NewMessage = Omit<
  PourMessageEntity,
  'id' | 'at' | 'confirmedAt' | 'confirmedById' | 'confirmedByName' | 'confirmedByRole' | 'plannedM3'
>;

/**
 * The messages, and the rows of other areas that a pour's log shows: read
 * here, as they are stored, so the areas that write them need not know.
 */
@Injectable()
export class PourLogRepository {
  constructor(@InjectRepository(PourMessageEntity) private readonly messages: Repository<PourMessageEntity>) {}

  private get manager(): EntityManager {
    return this.messages.manager;
  }

  insertMessage(manager: EntityManager, message: NewMessage): Promise<PourMessageEntity> {
    return manager.getRepository(PourMessageEntity).save(this.messages.create(message));
  }

  findMessage(id: string): Promise<PourMessageEntity | null> {
    return this.messages.findOneBy({ id });
  }

  /** Locks the message for the transaction, so that two confirmations are serialised. */
  lockMessage(manager: EntityManager, id: string): Promise<PourMessageEntity | null> {
    return manager.findOne(PourMessageEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveMessage(manager: EntityManager, message: PourMessageEntity): Promise<PourMessageEntity> {
    return manager.save(PourMessageEntity, message);
  }

  async rowsOfPour(pourId: string): Promise<PourLogRows> {
    const [messages, loadSteps, qcTests, requests, audit] = await Promise.all([
      this.messages.find({ where: { pourId }, order: { at: 'DESC' }, take: LOG_SOURCE_LIMIT }),
      this.loadSteps(pourId),
      this.qcTests(pourId),
      this.requests(pourId),
      this.audit(pourId),
    ]);
    return { messages, loadSteps, qcTests, requests, audit };
  }

  /** Changes of state only: a truck assigned to a scheduled load is not a step. */
  private loadSteps(pourId: string): Promise<LoadStepRow[]> {
    return this.manager.query(
      `SELECT event.id, event.at, event.to_status AS "toStatus", event.actor_name AS "actorName",
              person.role AS "actorRole", load.ticket_number AS ticket, truck.fleet_number AS truck
         FROM load_events event
         JOIN loads load ON load.id = event.load_id
         LEFT JOIN trucks truck ON truck.id = load.truck_id
         LEFT JOIN users person ON person.id = event.actor_id
        WHERE load.pour_id = $1 AND event.from_status IS DISTINCT FROM event.to_status
        ORDER BY event.at DESC LIMIT $2`,
      [pourId, LOG_SOURCE_LIMIT],
    );
  }

  private qcTests(pourId: string): Promise<QcTestRow[]> {
    return this.manager.query(
      `SELECT test.id, test.tested_at AS at, test.stage, test.pass, test.outcome, test.slump_mm AS "slumpMm",
              test.reasons, test.inspector_name AS "actorName", person.role AS "actorRole",
              load.ticket_number AS ticket, truck.fleet_number AS truck
         FROM qc_tests test
         JOIN loads load ON load.id = test.load_id
         LEFT JOIN trucks truck ON truck.id = load.truck_id
         LEFT JOIN users person ON person.id = test.inspector_id
        WHERE test.pour_id = $1
        ORDER BY test.tested_at DESC LIMIT $2`,
      [pourId, LOG_SOURCE_LIMIT],
    );
  }

  private requests(pourId: string): Promise<PourRequestRow[]> {
    return this.manager.query(
      `SELECT request.id, request.at, request.kind, request.note, request.by_name AS "actorName",
              person.role AS "actorRole"
         FROM pour_requests request
         LEFT JOIN users person ON person.id = request.by_id
        WHERE request.pour_id = $1
        ORDER BY request.at DESC LIMIT $2`,
      [pourId, LOG_SOURCE_LIMIT],
    );
  }

  /** The audit names people "Name (username)"; the log names them as everywhere else. */
  private audit(pourId: string): Promise<PourAuditRow[]> {
    return this.manager.query(
      `SELECT entry.id, entry.at, entry.action, entry.changes,
              COALESCE(person.display_name, entry.actor_name) AS "actorName", person.role AS "actorRole"
         FROM audit_entries entry
         LEFT JOIN users person ON person.id = entry.actor_id
        WHERE entry.entity_type = 'pour' AND entry.entity_id = $1
        ORDER BY entry.at DESC LIMIT $2`,
      [pourId, LOG_SOURCE_LIMIT],
    );
  }
}
