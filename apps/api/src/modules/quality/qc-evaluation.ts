import type { RecordQcTestRequest } from '@pourline/contracts';
import {
  agreedSlumpToleranceMm,
  evaluateQcTest,
  ImplausibleReadingError,
  type QcEvaluation,
  type RuleSet,
} from '@pourline/domain';
import { InvalidInputError } from '../../platform/errors/domain-error';
import { ImplausibleSlumpError } from './quality.exceptions';
import type { LoadEntity } from '../loads/load.entity';

/**
 * The tolerance a load is held to: the customer's agreed one on the pour, never
 * looser than the mix's own or, without one, the plant's standard.
 */
export function agreedSlumpTolerance(load: LoadEntity, rules: RuleSet): number {
  return agreedSlumpToleranceMm(load.pour!, load.mix!, rules);
}

export function evaluateLoadTest(
  load: LoadEntity,
  request: RecordQcTestRequest,
  rules: RuleSet,
  testedAt: Date,
): QcEvaluation {
  const pour = load.pour!;
  const mix = load.mix!;
  try {
    return evaluateQcTest(
      {
        slumpKind: mix.slumpKind,
        designSlumpMm: pour.slumpTargetMm,
        measuredSlumpMm: request.slumpMm,
        slumpToleranceOverrideMm: agreedSlumpTolerance(load, rules),
        temperatureC: request.temperatureC,
        mixMinTemperatureC: mix.minTemperatureC,
        mixMaxTemperatureC: mix.maxTemperatureC,
        airEntrained: mix.airEntrained,
        targetAirPercent: mix.targetAirPercent,
        airPercent: request.airPercent,
        batchedAt: load.batchedAt!,
        testedAt,
        initialSettingMinutes: pour.initialSettingMinutes,
        mixMaxMinutesBatchToDischarge: mix.maxMinutesBatchToDischarge,
      },
      rules,
    );
  } catch (error) {
    if (error instanceof ImplausibleReadingError) throw new ImplausibleSlumpError(error);
    if (error instanceof RangeError) throw new InvalidInputError('implausible_reading', error.message);
    throw error;
  }
}
