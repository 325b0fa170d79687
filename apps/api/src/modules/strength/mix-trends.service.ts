import { Injectable } from '@nestjs/common';
import type { MixTrendDto, MixTrendPointDto } from '@pourline/contracts';
import { lowerCusum, parseStrengthGrade, predictTwentyEightDay, targetMeanStrengthMpa } from '@pourline/domain';
import { valuesOf } from './strength-samples';
import { StrengthHistory } from './strength-history.service';
import { type StrengthSample, StrengthRepository } from './strength.repository';

const DAY_MS = 86_400_000;
/** The chart's window: drift is about recent production. */
const TREND_DAYS = 90;

export interface MixTrend {
  dto: MixTrendDto;
  /** Runs that crossed the decision interval, by the sets where they began and crossed. */
  signalRuns: { start: StrengthSample; signal: StrengthSample; runSets: number; cusumMpa: number }[];
}

/** Each mix's production strength at a plant: actual or foretold 28-day values and their CUSUM. */
@Injectable()
export class MixTrends {
  constructor(
    private readonly repository: StrengthRepository,
    private readonly history: StrengthHistory,
  ) {}

  async ofPlant(plantId: string, now = new Date()): Promise<MixTrendDto[]> {
    const samples = await this.recent(plantId, undefined, now);
    const mixIds = [...new Set(samples.map((sample) => sample.mixId))];
    const trends = await Promise.all(
      mixIds.map((mixId) =>
        this.trend(
          plantId,
          samples.filter((sample) => sample.mixId === mixId),
          now,
        ),
      ),
    );
    return trends
      .filter((trend): trend is MixTrend => trend !== null)
      .map((trend) => trend.dto)
      .sort((a, b) => a.mixCode.localeCompare(b.mixCode));
  }

  async ofMix(plantId: string, mixId: string, now = new Date()): Promise<MixTrend | null> {
    return this.trend(plantId, await this.recent(plantId, mixId, now), now);
  }

  private recent(plantId: string, mixId: string | undefined, now: Date): Promise<StrengthSample[]> {
    return this.repository.samples({ plantId, mixId, madeFrom: new Date(now.getTime() - TREND_DAYS * DAY_MS) });
  }

  private async trend(plantId: string, samples: StrengthSample[], now: Date): Promise<MixTrend | null> {
    if (samples.length === 0) return null;
    const { mixId, mixCode, strengthGrade } = samples[0];
    const [fit, sigma] = await Promise.all([
      this.history.ratioFit(plantId, mixId, now),
      this.history.designSigma(plantId, strengthGrade, now),
    ]);
    const charted = samples.flatMap((sample) => {
      const values = valuesOf(sample);
      if (values.strength28dMpa !== null)
        return [{ sample, values, valueMpa: values.strength28dMpa, predicted: false }];
      if (values.strength7dMpa === null || values.void28d || !fit) return [];
      const valueMpa = predictTwentyEightDay(fit, values.strength7dMpa).predictedMpa;
      return [{ sample, values, valueMpa, predicted: true }];
    });
    const targetMpa = targetMeanStrengthMpa(parseStrengthGrade(strengthGrade), sigma.sigmaMpa);
    const chart = lowerCusum(
      charted.map((point) => point.valueMpa),
      targetMpa,
      sigma.sigmaMpa,
    );
    const points: MixTrendPointDto[] = charted.map((point, index) => ({
      setId: point.sample.setId,
      label: point.sample.label,
      madeAt: point.sample.madeAt.toISOString(),
      strength7dMpa: point.values.strength7dMpa,
      strength28dMpa: point.values.strength28dMpa,
      valueMpa: point.valueMpa,
      predicted: point.predicted,
      cusumMpa: chart.points[index].cusumMpa,
      signal: chart.points[index].signal,
    }));
    return {
      dto: {
        mixId,
        mixCode,
        strengthGrade,
        fit,
        targetMpa,
        sigmaMpa: sigma.sigmaMpa,
        sigmaFrom: sigma.from,
        allowanceMpa: chart.allowanceMpa,
        decisionIntervalMpa: chart.decisionIntervalMpa,
        points,
        drifting: points.at(-1)?.signal ?? false,
      },
      signalRuns: chart.signalRuns.map((run) => ({
        start: charted[run.startIndex].sample,
        signal: charted[run.signalIndex].sample,
        runSets: run.signalIndex - run.startIndex + 1,
        cusumMpa: chart.points[run.signalIndex].cusumMpa,
      })),
    };
  }
}
