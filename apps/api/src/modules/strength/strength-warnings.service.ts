import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CurrentUser,
  LotForecastWarningDetails,
  MixDriftWarningDetails,
  ProductionControlWarningDetails,
  StrengthWarningDto,
  StrengthWarningQuery,
} from '@pourline/contracts';
import { visibleProjectIds } from '../../platform/auth/project-scope';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { MixesRepository } from '../mixes/mixes.repository';
import { PlantsRepository } from '../plants/plants.repository';
import type { InspectionLotEntity } from './inspection-lot.entity';
import type { LotAssessment } from './lot-judgement.service';
import { MixTrends } from './mix-trends.service';
import { ProductionControl } from './production-control.service';
import type { StrengthWarningEntity } from './strength-warning.entity';
import { StrengthRepository } from './strength.repository';

type NewWarning = Omit<StrengthWarningEntity, 'id' | 'raisedAt'>;

/**
 * Early warnings and production-control alerts, each raised once (the
 * table's unique key decides) and pushed live to QC and the plant.
 */
@Injectable()
export class StrengthWarnings {
  constructor(
    private readonly repository: StrengthRepository,
    private readonly trends: MixTrends,
    private readonly control: ProductionControl,
    private readonly plants: PlantsRepository,
    private readonly mixes: MixesRepository,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  async list(query: StrengthWarningQuery, actor: CurrentUser): Promise<StrengthWarningDto[]> {
    const rows = await this.repository.listWarnings({ ...query, projectIds: visibleProjectIds(actor) });
    return this.toDtos(rows);
  }

  /** A lot whose sets, partly foretold from 7 days, would not be accepted. */
  async checkLot(lot: InspectionLotEntity & { project?: { name: string } }, assessment: LotAssessment) {
    const { forecast } = assessment;
    if (!forecast.headingBelowAcceptance || !forecast.projected || !forecast.fit) return;
    const projected = forecast.projected;
    const details: LotForecastWarningDetails = {
      lotName: lot.name,
      projectName: lot.project?.name ?? '',
      method: projected.method,
      projectedMeanMpa: projected.meanMpa,
      requiredMeanMpa: projected.requiredMeanMpa,
      projectedMinMpa: projected.minMpa,
      requiredMinMpa: projected.requiredMinMpa,
      predictedSets: forecast.predictedSets,
      actualSets: forecast.actualSets,
      ratio: forecast.fit.ratio,
      pairs: forecast.fit.pairs,
    };
    await this.raise({
      kind: 'lot_forecast',
      key: lot.id,
      plantId: lot.plantId,
      projectId: lot.projectId,
      lotId: lot.id,
      mixId: lot.mixId,
      strengthGrade: lot.strengthGrade,
      summary:
        `Lot "${lot.name}" (${details.projectName}, ${lot.strengthGrade}) is heading below acceptance: ` +
        `projected mean ${details.projectedMeanMpa} MPa against ${details.requiredMeanMpa} needed, ` +
        `minimum ${details.projectedMinMpa} against ${details.requiredMinMpa}; ${details.predictedSets} sets ` +
        `foretold from 7 days at ×${details.ratio} (${details.pairs} pairs)`,
      details: { ...details },
    });
  }

  /** Every run of the mix's CUSUM that crossed its decision interval, once each. */
  async checkMixDrift(plantId: string, mixId: string): Promise<void> {
    const trend = await this.trends.ofMix(plantId, mixId);
    if (!trend) return;
    for (const run of trend.signalRuns) {
      const details: MixDriftWarningDetails = {
        targetMpa: trend.dto.targetMpa,
        cusumMpa: run.cusumMpa,
        decisionIntervalMpa: trend.dto.decisionIntervalMpa,
        runSets: run.runSets,
        fromLabel: run.start.label,
        toLabel: run.signal.label,
      };
      await this.raise({
        kind: 'mix_drift',
        key: `${plantId}:${mixId}:${run.start.setId}`,
        plantId,
        projectId: null,
        lotId: null,
        mixId,
        strengthGrade: trend.dto.strengthGrade,
        summary:
          `${trend.dto.mixCode} is drifting below its target mean strength of ${details.targetMpa} MPa: ` +
          `CUSUM ${details.cusumMpa} MPa past ${details.decisionIntervalMpa} over ${details.runSets} sets ` +
          `(${details.fromLabel} to ${details.toLabel})`,
        details: { ...details },
      });
    }
  }

  /** A grade of a plant that left its GB 50164 limits in a month. */
  async checkProductionControl(plantId: string, strengthGrade: string, madeAt: Date): Promise<void> {
    const plant = await this.plants.findById(plantId);
    if (!plant) return;
    const month = this.control.monthOf(plant, madeAt);
    const figures = await this.control.monthOfGrade(plantId, strengthGrade, month);
    if (figures.status !== 'out_of_limits') return;
    const details: ProductionControlWarningDetails = {
      month,
      sets: figures.sets,
      sigmaMpa: figures.sigmaMpa,
      sigmaLimitMpa: figures.sigmaLimitMpa,
      sigmaWithinLimit: figures.sigmaWithinLimit,
      shareAtLeastGradePercent: figures.shareAtLeastGradePercent,
      shareWithinLimit: figures.shareWithinLimit,
    };
    const sigma = figures.sigmaMpa === null ? 'not yet known' : `${figures.sigmaMpa} MPa`;
    await this.raise({
      kind: 'production_control',
      key: `${plantId}:${strengthGrade}:${month}`,
      plantId,
      projectId: null,
      lotId: null,
      mixId: null,
      strengthGrade,
      summary:
        `${plant.code} ${strengthGrade} in ${month} is out of its GB 50164 limits: σ ${sigma} ` +
        `(limit ${figures.sigmaLimitMpa}), P ${figures.shareAtLeastGradePercent} % (at least 95 %) over ${figures.sets} sets`,
      details: { ...details },
    });
  }

  /** Raised once (its key decides), and announced in the same transaction as it is stored. */
  private async raise(warning: NewWarning): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const raised = await this.repository.raiseWarning(warning, manager);
      if (!raised) return;
      const [dto] = await this.toDtos([raised]);
      await this.live.publish(manager, 'strength.warning.v1', raised.projectId, dto);
    });
  }

  private async toDtos(rows: StrengthWarningEntity[]): Promise<StrengthWarningDto[]> {
    if (rows.length === 0) return [];
    const [plants, mixes] = await Promise.all([this.plants.listAll(), this.mixes.listAll()]);
    const plantCodes = new Map(plants.map((plant) => [plant.id, plant.code]));
    const mixCodes = new Map(mixes.map((mix) => [mix.id, mix.code]));
    return rows.map((row) => {
      const base = {
        id: row.id,
        raisedAt: row.raisedAt.toISOString(),
        plantId: row.plantId,
        plantCode: plantCodes.get(row.plantId) ?? '',
        projectId: row.projectId,
        strengthGrade: row.strengthGrade,
        summary: row.summary,
      };
      switch (row.kind) {
        case 'lot_forecast':
          return {
            ...base,
            kind: row.kind,
            lotId: row.lotId!,
            mixId: row.mixId!,
            mixCode: mixCodes.get(row.mixId!) ?? '',
            details: row.details as unknown as LotForecastWarningDetails,
          };
        case 'mix_drift':
          return {
            ...base,
            kind: row.kind,
            lotId: null,
            mixId: row.mixId!,
            mixCode: mixCodes.get(row.mixId!) ?? '',
            details: row.details as unknown as MixDriftWarningDetails,
          };
        case 'production_control':
          return {
            ...base,
            kind: row.kind,
            lotId: null,
            mixId: null,
            mixCode: null,
            details: row.details as unknown as ProductionControlWarningDetails,
          };
      }
    });
  }
}
