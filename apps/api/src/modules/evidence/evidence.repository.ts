import { Injectable } from '@nestjs/common';
import type {
  EvidenceMessageDto,
  EvidenceSpecimenDto,
  EvidenceTestDto,
  EvidenceWaterDto,
  TracePoint,
} from '@pourline/contracts';
import { DataSource } from 'typeorm';

export interface EvidencePourRow {
  id: string;
  project_id: string;
  structural_element: string;
  project_name: string;
  customer_name: string;
  plant_name: string;
  time_zone: string;
  scheduled_start: Date;
  volume_m3: number;
  mix_code: string;
}

export interface EvidenceLoadRow {
  id: string;
  ticket_number: string;
  truck_id: string | null;
  fleet_number: string | null;
  mix_code: string;
  volume_m3: number;
  status: string;
  rejected: boolean;
  water_added_litres: number;
  batched_at: Date | null;
  left_at: Date | null;
  arrived_at: Date | null;
  discharge_started_at: Date | null;
  discharge_ended_at: Date | null;
  back_at: Date | null;
}

export interface SignatureRow {
  load_id: string;
  version: number;
  outcome: 'signed' | 'refused';
  moment: 'arrival' | 'discharge' | null;
  refusal_reason: string | null;
  signer_name: string | null;
  signature_image: Buffer | null;
  signed_at: Date | null;
  signed_by_id: string | null;
  signed_by_name: string | null;
}

/** At most this many fixes per load's trace: enough for a map and a page, evenly thinned. */
const MAX_TRACE_POINTS = 600;

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pour(pourId: string): Promise<EvidencePourRow | undefined> {
    const rows: EvidencePourRow[] = await this.dataSource.query(
      `SELECT pour.id, pour.project_id, pour.structural_element, project.name AS project_name,
              customer.name AS customer_name, plant.name AS plant_name, plant.time_zone,
              pour.scheduled_start, pour.volume_m3, mix.code AS mix_code
         FROM pours pour
         JOIN projects project ON project.id = pour.project_id
         JOIN customers customer ON customer.id = project.customer_id
         JOIN plants plant ON plant.id = pour.plant_id
         JOIN mixes mix ON mix.id = pour.mix_id
        WHERE pour.id = $1`,
      [pourId],
    );
    return rows[0];
  }

  loads(pourId: string): Promise<EvidenceLoadRow[]> {
    return this.dataSource.query(
      `SELECT load.id, load.ticket_number, load.truck_id, truck.fleet_number, mix.code AS mix_code, load.volume_m3,
              load.status, load.rejected, load.water_added_litres, load.batched_at,
              min(event.at) FILTER (WHERE event.to_status = 'en_route') AS left_at,
              min(event.at) FILTER (WHERE event.to_status = 'on_site') AS arrived_at,
              min(event.at) FILTER (WHERE event.to_status = 'discharging') AS discharge_started_at,
              min(event.at) FILTER (WHERE event.to_status = 'discharged') AS discharge_ended_at,
              min(event.at) FILTER (WHERE event.to_status = 'back_at_plant') AS back_at
         FROM loads load
         JOIN mixes mix ON mix.id = load.mix_id
         LEFT JOIN trucks truck ON truck.id = load.truck_id
         LEFT JOIN load_events event ON event.load_id = load.id
        WHERE load.pour_id = $1 AND load.status NOT IN ('cancelled', 'scheduled')
        GROUP BY load.id, truck.fleet_number, mix.code
        ORDER BY load.batched_at NULLS LAST, load.ticket_number`,
      [pourId],
    );
  }

  tests(pourId: string): Promise<(EvidenceTestDto & { loadId: string })[]> {
    return this.dataSource.query(
      `SELECT load_id AS "loadId", stage, to_char(tested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "testedAt",
              slump_mm AS "slumpMm", design_slump_mm AS "designSlumpMm", temperature_c AS "temperatureC",
              air_percent AS "airPercent", pass, outcome, reasons, rule_set_version AS "ruleSetVersion",
              inspector_name AS "inspectorName"
         FROM qc_tests WHERE pour_id = $1 ORDER BY tested_at, id`,
      [pourId],
    );
  }

  specimens(pourId: string): Promise<(EvidenceSpecimenDto & { loadId: string })[]> {
    return this.dataSource.query(
      `SELECT load_id AS "loadId", label, to_char(made_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "madeAt",
              made_by_name AS "madeByName", results7d_mpa AS "results7dMpa", results28d_mpa AS "results28dMpa"
         FROM specimen_sets WHERE pour_id = $1 ORDER BY made_at`,
      [pourId],
    );
  }

  water(pourId: string): Promise<(EvidenceWaterDto & { loadId: string })[]> {
    return this.dataSource.query(
      `SELECT water.load_id AS "loadId", to_char(water.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
              water.litres, water.added_by AS "addedBy", water.requested_by AS "requestedBy"
         FROM water_additions water JOIN loads load ON load.id = water.load_id
        WHERE load.pour_id = $1 ORDER BY water.at`,
      [pourId],
    );
  }

  /** The signed or refused versions of the pour's delivery tickets, the drawn signature as PNG bytes. */
  signatures(pourId: string): Promise<SignatureRow[]> {
    return this.dataSource.query(
      `SELECT ticket.load_id, ticket.version, ticket.outcome, ticket.moment, ticket.refusal_reason, ticket.signer_name,
              ticket.signature_image, ticket.signed_at, ticket.signed_by_id, ticket.signed_by_name
         FROM delivery_ticket_versions ticket JOIN loads load ON load.id = ticket.load_id
        WHERE load.pour_id = $1 AND ticket.outcome IS NOT NULL
        ORDER BY ticket.load_id, ticket.version`,
      [pourId],
    );
  }

  messages(pourId: string): Promise<EvidenceMessageDto[]> {
    return this.dataSource.query(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, by_name AS "byName", code, text, params
         FROM pour_messages WHERE pour_id = $1 ORDER BY at`,
      [pourId],
    );
  }

  /** The truck's stored fixes between two moments, thinned evenly to a drawable number. */
  async trace(truckId: string, from: Date, to: Date): Promise<TracePoint[]> {
    const rows: { lat: number; lng: number; ms: string }[] = await this.dataSource.query(
      `WITH fixes AS (
         SELECT lat, lng, fix_time, row_number() OVER (ORDER BY fix_time) AS n, count(*) OVER () AS total
           FROM positions
          WHERE entity_type = 'truck' AND entity_id = $1 AND fix_time BETWEEN $2 AND $3)
       SELECT lat, lng, (extract(epoch FROM fix_time) * 1000)::bigint AS ms FROM fixes
        WHERE total <= $4 OR (n - 1) % ceil(total::numeric / $4)::int = 0 OR n = total
        ORDER BY fix_time`,
      [truckId, from, to, MAX_TRACE_POINTS],
    );
    return rows.map((row) => [row.lat, row.lng, Number(row.ms)]);
  }
}
