import { assertNonNegative, assertPositive } from './input-guards';
import { isAtMost } from './numbers';

export interface WaterAdditionInput {
  /** As batched for this load, per cubic metre. */
  cementKgPerM3: number;
  waterKgPerM3: number;
  maxWaterCementRatio: number;
  volumeM3: number;
  /** Water already added on site to this load; every addition counts against one allowance. */
  alreadyAddedLitres?: number;
  /** Design water the plant kept back from this load's batch: it may be added on site on top. */
  heldBackLitres?: number;
}

export interface WaterAdditionCheck {
  allowed: boolean;
  allowanceLitres: number;
}

/**
 * Litres that may still be added without exceeding the mix's maximum w/c ratio
 * (1 kg of water = 1 L). Rounded down to 0.1 L: a site meter reads no finer,
 * and rounding down can never let the ratio be exceeded.
 */
export function waterAdditionAllowanceLitres(input: WaterAdditionInput): number {
  const alreadyAddedLitres = input.alreadyAddedLitres ?? 0;
  assertPositive('cementKgPerM3', input.cementKgPerM3);
  assertNonNegative('waterKgPerM3', input.waterKgPerM3);
  assertPositive('maxWaterCementRatio', input.maxWaterCementRatio);
  assertNonNegative('volumeM3', input.volumeM3);
  assertNonNegative('alreadyAddedLitres', alreadyAddedLitres);
  const heldBackLitres = input.heldBackLitres ?? 0;
  assertNonNegative('heldBackLitres', heldBackLitres);

  const headroomKgPerM3 = input.maxWaterCementRatio * input.cementKgPerM3 - input.waterKgPerM3;
  const rawLitres = headroomKgPerM3 * input.volumeM3 + heldBackLitres - alreadyAddedLitres;
  // The nudge keeps 40 L from flooring to 39.9 L when floating point gives 39.99999999.
  const roundedDown = Math.floor(rawLitres * 10 + 1e-6) / 10;
  return Math.max(0, roundedDown);
}

export function checkWaterAddition(input: WaterAdditionInput, litres: number): WaterAdditionCheck {
  assertPositive('litres of water to add', litres);
  const allowanceLitres = waterAdditionAllowanceLitres(input);
  return { allowed: isAtMost(litres, allowanceLitres), allowanceLitres };
}
