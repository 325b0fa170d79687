import type { MixDto, PourDto, QcStage } from '@pourline/contracts';
import { SLUMP_READING_RANGE_MM } from '@pourline/domain';
import { randomBetween } from './clock';

export interface QcTestBody {
  stage: QcStage;
  slumpMm: number;
  temperatureC: number;
  airPercent: number | null;
  remarks: string;
  checkTestOf?: string;
}

const roundTo5 = (mm: number) => Math.max(0, Math.round(mm / 5) * 5);

/**
 * A slump test as an inspector would record it: a pass lands well inside the
 * pour's tolerance, a fail clearly outside any table's tolerance (GB ±30 mm,
 * ASTM up to ±40 mm), so the API's verdict is the one intended.
 */
export function sampleQcTest(pour: PourDto, mix: MixDto | undefined, stage: QcStage, fail: boolean): QcTestBody {
  const target = pour.slumpTargetMm;
  const passBandMm = Math.min(pour.slumpToleranceMm, mix?.slumpToleranceMm ?? Infinity, 30) * 0.5;
  const miss = Math.max(pour.slumpToleranceMm, 40) + randomBetween(15, 45);
  // Wetter or stiffer than ordered, but always a reading the cone can show.
  const wetter = target + miss <= SLUMP_READING_RANGE_MM.slump.max && !(Math.random() < 0.5 && target > 90);
  const slumpMm = fail
    ? roundTo5(wetter ? target + miss : Math.max(0, target - miss))
    : roundTo5(target + randomBetween(-passBandMm, passBandMm));
  const airPercent =
    mix?.airEntrained && mix.targetAirPercent !== null
      ? Math.round((mix.targetAirPercent + randomBetween(-0.5, 0.5)) * 10) / 10
      : null;
  return {
    stage,
    slumpMm: fail || Math.abs(slumpMm - target) <= passBandMm ? slumpMm : target,
    temperatureC: Math.round(randomBetween(17, 26) * 10) / 10,
    airPercent,
    remarks: 'simulated',
  };
}
