import { Injectable } from '@nestjs/common';
import type {
  ComplaintStatsDto,
  CurrentUser,
  PourReportDto,
  ProductionDayDto,
  QcPassRateDto,
  QcPassRateQuery,
  ReportRangeQuery,
} from '@pourline/contracts';
import { pourReportFigures } from '@pourline/domain';
import { canSeeProject } from '../../platform/auth/project-scope';
import { NotFoundError } from '../../platform/errors/domain-error';
import { toCsv } from './report-csv';
import { ReportsRepository } from './reports.repository';

const time = (value: Date | null) => (value ? new Date(value) : null);

/** Figures of production, quality and service, as tables for the console and as CSV. */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  async pour(pourId: string, actor: CurrentUser): Promise<PourReportDto> {
    const head = await this.reports.pourHead(pourId);
    if (!head || !canSeeProject(actor, head.project_id)) throw new NotFoundError('Pour', pourId);
    const [loads, rejections] = await Promise.all([this.reports.loadTimes(pourId), this.reports.rejections(pourId)]);
    const figures = pourReportFigures(
      head.volume_m3,
      new Date(head.scheduled_start),
      loads.map((load) => ({
        ...load,
        batchedAt: time(load.batchedAt),
        leftPlantAt: time(load.leftPlantAt),
        arrivedAt: time(load.arrivedAt),
        dischargeStartedAt: time(load.dischargeStartedAt),
        dischargeEndedAt: time(load.dischargeEndedAt),
        backAtPlantAt: time(load.backAtPlantAt),
      })),
    );
    return {
      pourId,
      structuralElement: head.structural_element,
      projectName: head.project_name,
      plantName: head.plant_name,
      scheduledStart: new Date(head.scheduled_start).toISOString(),
      ...figures,
      rejections: rejections.map((rejection) => ({
        ticketNumber: rejection.ticket_number,
        volumeM3: rejection.volume_m3,
        at: new Date(rejection.opened_at).toISOString(),
        reasons: rejection.reasons,
      })),
    };
  }

  pourCsv(report: PourReportDto): string {
    const rejected = new Map(report.rejections.map((rejection) => [rejection.ticketNumber, rejection]));
    return toCsv(
      [
        'ticket',
        'at_plant_min',
        'travel_min',
        'wait_on_site_min',
        'discharge_min',
        'cycle_min',
        'pump_idle_before_min',
        'punctual',
        'rejected',
        'rejection_reasons',
      ],
      report.cycles.map((cycle) => [
        cycle.ticketNumber,
        cycle.atPlantMinutes,
        cycle.travelMinutes,
        cycle.waitOnSiteMinutes,
        cycle.dischargeMinutes,
        cycle.cycleMinutes,
        cycle.pumpIdleBeforeMinutes,
        cycle.punctual,
        rejected.has(cycle.ticketNumber),
        rejected
          .get(cycle.ticketNumber)
          ?.reasons.map((reason) => reason.message)
          .join('; ') ?? '',
      ]),
    );
  }

  production(range: ReportRangeQuery): Promise<ProductionDayDto[]> {
    return this.reports.production(range);
  }

  productionCsv(days: ProductionDayDto[]): string {
    return toCsv(
      ['day', 'plant', 'loads', 'delivered_m3', 'rejected_m3'],
      days.map((day) => [day.day, day.plantName, day.loads, day.deliveredM3, day.rejectedM3]),
    );
  }

  qcPassRates(query: QcPassRateQuery): Promise<QcPassRateDto[]> {
    return this.reports.qcPassRates(query, query.by);
  }

  qcPassRatesCsv(query: QcPassRateQuery, rates: QcPassRateDto[]): string {
    return toCsv(
      [query.by, 'tests', 'passed', 'pass_rate_percent'],
      rates.map((rate) => [rate.label, rate.tests, rate.passed, rate.passRatePercent]),
    );
  }

  complaints(range: ReportRangeQuery): Promise<ComplaintStatsDto[]> {
    return this.reports.complaintStats(range);
  }

  complaintsCsv(stats: ComplaintStatsDto[]): string {
    return toCsv(
      ['category', 'received', 'open', 'closed', 'resolved', 'mean_minutes_to_resolve', 'max_minutes_to_resolve'],
      stats.map((row) => [
        row.category,
        row.received,
        row.open,
        row.closed,
        row.resolved,
        row.meanMinutesToResolve,
        row.maxMinutesToResolve,
      ]),
    );
  }
}
