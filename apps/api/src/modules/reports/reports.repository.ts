import { Injectable } from '@nestjs/common';
import type {
  ComplaintStatsDto,
  ProductionDayDto,
  QcGrouping,
  QcPassRateDto,
  ReportRangeQuery,
} from '@pourline/contracts';
import type { LoadCycleTimes, RecordedQcFailureReason } from '@pourline/domain';
import { DataSource } from 'typeorm';

export interface PourHeadRow {
  id: string;
  project_id: string;
  structural_element: string;
  project_name: string;
  plant_name: string;
  scheduled_start: Date;
  volume_m3: number;
}

export interface LoadTimesRow extends LoadCycleTimes {
  loadId: string;
}

/** The first time a load reached each step of its cycle, from its event log. */
const LOAD_TIMES = `
  SELECT load.id AS "loadId", load.ticket_number AS "ticketNumber", load.volume_m3 AS "volumeM3",
         load.rejected, load.batched_at AS "batchedAt",
         min(event.at) FILTER (WHERE event.to_status = 'en_route') AS "leftPlantAt",
         min(event.at) FILTER (WHERE event.to_status = 'on_site') AS "arrivedAt",
         min(event.at) FILTER (WHERE event.to_status = 'discharging') AS "dischargeStartedAt",
         min(event.at) FILTER (WHERE event.to_status = 'discharged') AS "dischargeEndedAt",
         min(event.at) FILTER (WHERE event.to_status = 'back_at_plant') AS "backAtPlantAt"
    FROM loads load
    LEFT JOIN load_events event ON event.load_id = load.id
   WHERE load.pour_id = $1 AND load.status NOT IN ('cancelled', 'scheduled')
   GROUP BY load.id
   ORDER BY load.batched_at NULLS LAST, load.ticket_number`;

/** Where a plant's calendar day of a moment is taken in its own time zone. */
const PLANT_DAY = (column: string) => `(${column} AT TIME ZONE plant.time_zone)::date`;

@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pourHead(pourId: string): Promise<PourHeadRow | undefined> {
    const rows: PourHeadRow[] = await this.dataSource.query(
      `SELECT pour.id, pour.project_id, pour.structural_element, project.name AS project_name,
              plant.name AS plant_name, pour.scheduled_start, pour.volume_m3
         FROM pours pour
         JOIN projects project ON project.id = pour.project_id
         JOIN plants plant ON plant.id = pour.plant_id
        WHERE pour.id = $1`,
      [pourId],
    );
    return rows[0];
  }

  loadTimes(pourId: string): Promise<LoadTimesRow[]> {
    return this.dataSource.query(LOAD_TIMES, [pourId]);
  }

  rejections(
    pourId: string,
  ): Promise<{ ticket_number: string; volume_m3: number; opened_at: Date; reasons: RecordedQcFailureReason[] }[]> {
    return this.dataSource.query(
      `SELECT load.ticket_number, nc.volume_m3, nc.opened_at, nc.reasons
         FROM non_conformances nc JOIN loads load ON load.id = nc.load_id
        WHERE nc.pour_id = $1 ORDER BY nc.opened_at`,
      [pourId],
    );
  }

  production(range: ReportRangeQuery): Promise<ProductionDayDto[]> {
    return this.dataSource.query(
      `SELECT to_char(${PLANT_DAY('load.batched_at')}, 'YYYY-MM-DD') AS day, plant.id AS "plantId",
              plant.name AS "plantName", count(*)::int AS loads,
              round(coalesce(sum(load.volume_m3) FILTER (
                WHERE NOT load.rejected AND load.status IN ('discharged', 'returning', 'back_at_plant')), 0)::numeric, 1)::float8 AS "deliveredM3",
              round(coalesce(sum(load.volume_m3) FILTER (WHERE load.rejected), 0)::numeric, 1)::float8 AS "rejectedM3"
         FROM loads load JOIN plants plant ON plant.id = load.plant_id
        WHERE load.batched_at IS NOT NULL
          AND ${PLANT_DAY('load.batched_at')} BETWEEN $1::date AND $2::date
          AND ($3::uuid IS NULL OR plant.id = $3)
        GROUP BY 1, plant.id, plant.name ORDER BY 1, plant.name`,
      [range.from, range.to, range.plantId ?? null],
    );
  }

  qcPassRates(range: ReportRangeQuery, by: QcGrouping): Promise<QcPassRateDto[]> {
    const group = {
      mix: { key: 'mix.id::text', label: `mix.code || ' ' || mix.strength_grade` },
      plant: { key: 'plant.id::text', label: 'plant.name' },
      inspector: { key: 'test.inspector_id::text', label: 'test.inspector_name' },
    }[by];
    return this.dataSource.query(
      `SELECT ${group.key} AS key, ${group.label} AS label, count(*)::int AS tests,
              count(*) FILTER (WHERE test.pass)::int AS passed,
              round(100.0 * count(*) FILTER (WHERE test.pass) / count(*), 1)::float8 AS "passRatePercent"
         FROM qc_tests test
         JOIN loads load ON load.id = test.load_id
         JOIN mixes mix ON mix.id = load.mix_id
         JOIN plants plant ON plant.id = load.plant_id
        WHERE ${PLANT_DAY('test.tested_at')} BETWEEN $1::date AND $2::date
          AND ($3::uuid IS NULL OR plant.id = $3)
        GROUP BY 1, 2 ORDER BY 2`,
      [range.from, range.to, range.plantId ?? null],
    );
  }

  /** By category, the complaints received in the range; the time to resolve runs to the verified rectification. */
  complaintStats(range: ReportRangeQuery): Promise<ComplaintStatsDto[]> {
    return this.dataSource.query(
      `WITH resolved AS (
         SELECT complaint.id, extract(epoch FROM min(step.at) - complaint.received_at) / 60 AS minutes
           FROM complaints complaint
           JOIN complaint_steps step ON step.complaint_id = complaint.id AND step.state IN ('verified', 'closed')
          GROUP BY complaint.id)
       SELECT complaint.category, count(*)::int AS received,
              count(*) FILTER (WHERE complaint.state <> 'closed')::int AS open,
              count(*) FILTER (WHERE complaint.state = 'closed')::int AS closed,
              count(resolved.id)::int AS resolved,
              round(avg(resolved.minutes))::float8 AS "meanMinutesToResolve",
              round(max(resolved.minutes))::float8 AS "maxMinutesToResolve"
         FROM complaints complaint
         JOIN projects project ON project.id = complaint.project_id
         JOIN plants plant ON plant.id = project.plant_id
         LEFT JOIN resolved ON resolved.id = complaint.id
        WHERE ${PLANT_DAY('complaint.received_at')} BETWEEN $1::date AND $2::date
          AND ($3::uuid IS NULL OR plant.id = $3)
        GROUP BY complaint.category ORDER BY complaint.category`,
      [range.from, range.to, range.plantId ?? null],
    );
  }
}
