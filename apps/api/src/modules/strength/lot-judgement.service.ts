import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LotForecastDto, Sigma0RecordDto } from '@pourline/contracts';
import {
  canonicalJson,
  evaluateStrength,
  forecastLot,
  predictTwentyEightDay,
  type StrengthEvaluation,
  type StrengthRatioFit,
} from '@pourline/domain';
import type { InspectionLotEntity } from './inspection-lot.entity';
import { type SampleValues, valuesOf } from './strength-samples';
import { StrengthHistory } from './strength-history.service';
import type { StrengthVerdictEntity } from './strength-verdict.entity';
import { type StrengthSample, StrengthRepository } from './strength.repository';

export interface AssessedSet {
  sample: StrengthSample;
  values: SampleValues;
  predicted28dMpa: number | null;
}

/** A lot as it stands: its sets, the plant's record, the verdict its 28-day values give, where it is heading. */
export interface LotAssessment {
  sets: AssessedSet[];
  record: Sigma0RecordDto;
  fit: StrengthRatioFit | null;
  evaluation: StrengthEvaluation | null;
  setValues: { setId: string; label: string; strengthMpa: number }[];
  forecast: LotForecastDto;
}

@Injectable()
export class LotJudgement {
  constructor(
    private readonly repository: StrengthRepository,
    private readonly history: StrengthHistory,
    private readonly dataSource: DataSource,
  ) {}

  async assess(lot: InspectionLotEntity, pourIds: string[]): Promise<LotAssessment> {
    const samples = pourIds.length ? await this.repository.samples({ pourIds }) : [];
    const lotStart = samples.length ? samples[0].madeAt : null;
    const [record, fit] = await Promise.all([
      this.history.sigma0Record(lot.plantId, lot.strengthGrade, lotStart),
      this.history.ratioFit(lot.plantId, lot.mixId),
    ]);
    const sets = samples.map((sample) => {
      const values = valuesOf(sample);
      const predicted28dMpa =
        values.strength28dMpa === null && values.strength7dMpa !== null && fit
          ? predictTwentyEightDay(fit, values.strength7dMpa).predictedMpa
          : null;
      return { sample, values, predicted28dMpa };
    });
    const setValues = sets.flatMap(({ sample, values }) =>
      values.strength28dMpa === null
        ? []
        : [{ setId: sample.setId, label: sample.label, strengthMpa: values.strength28dMpa }],
    );
    const sigma0Mpa = record.known ? record.sigma0Mpa : null;
    const evaluation = setValues.length
      ? evaluateStrength({
          grade: lot.strengthGrade,
          resultsMpa: setValues.map((value) => value.strengthMpa),
          sigma0Mpa,
        })
      : null;
    const forecast = forecastLot({
      grade: lot.strengthGrade,
      fit,
      sigma0Mpa,
      // A void set stands for nothing at 28 days; it foretells nothing either.
      sets: sets
        .filter(({ values }) => !values.void28d)
        .map(({ values }) => ({ sevenDayMpa: values.strength7dMpa, twentyEightDayMpa: values.strength28dMpa })),
    });
    return { sets, record, fit, evaluation, setValues, forecast: { fit, ...forecast } };
  }

  /**
   * Judges the lot on its 28-day values and stores the verdict when anything
   * it rests on changed since the last one; answers the lot as it now stands.
   */
  async judge(lotId: string): Promise<LotAssessment | null> {
    return this.dataSource.transaction(async (manager) => {
      const lot = await this.repository.lockLot(manager, lotId);
      if (!lot) return null;
      const pourIds = (await this.repository.poursOfLots([lotId])).get(lotId)!.map((pour) => pour.id);
      const assessment = await this.assess(lot, pourIds);
      if (!assessment.evaluation) return assessment;
      const latest = (await this.repository.latestVerdicts([lotId], manager)).get(lotId);
      if (latest && sameGrounds(latest, assessment)) return assessment;
      await this.repository.insertVerdict(manager, {
        lotId,
        method: assessment.evaluation.method,
        methodVersion: assessment.evaluation.methodVersion,
        pass: assessment.evaluation.pass,
        evaluation: assessment.evaluation,
        record: assessment.record,
        setValues: assessment.setValues,
      });
      return assessment;
    });
  }
}

function sameGrounds(latest: StrengthVerdictEntity, assessment: LotAssessment): boolean {
  return (
    latest.methodVersion === assessment.evaluation!.methodVersion &&
    canonicalJson(latest.setValues) === canonicalJson(assessment.setValues) &&
    canonicalJson(latest.evaluation) === canonicalJson(assessment.evaluation)
  );
}
