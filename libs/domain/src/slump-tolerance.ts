import { assertNonNegative } from './input-guards';
import { isAtMost } from './numbers';
import type { SlumpKind, SlumpStandard } from './slump-standard';

/**
 * Self-compacting spread under either standard. GB/T 14902 has one row (≥ 350 mm:
 * ±30); ASTM C94 has no slump-flow row at all (C1611 defines the test, not a
 * tolerance), so ±30 is the producer default there too. A mix that needs another
 * band carries its own tolerance.
 */
export const SLUMP_FLOW_TOLERANCE_MM = 30;

/**
 * GB/T 14902 lists ≤ 40, 50–90 and ≥ 100 mm, because designs are set in 10 mm
 * steps. A design between rows (45 mm, 95 mm) takes the row above it: bands are
 * read as ≤ 40, ≤ 90, > 90.
 */
function gbSlumpToleranceMm(designMm: number): number {
  if (designMm <= 40) return 10;
  if (designMm <= 90) return 20;
  return 30;
}

/** ASTM C94's 2 in / 4 in limits, in the rounded metric values PRODUCT.md ships. */
function astmSlumpToleranceMm(designMm: number): number {
  if (designMm <= 50) return 15;
  if (designMm <= 100) return 25;
  return 40;
}

export function slumpToleranceMm(standard: SlumpStandard, kind: SlumpKind, designMm: number): number {
  assertNonNegative('design slump (mm)', designMm);
  if (kind === 'slump_flow') return SLUMP_FLOW_TOLERANCE_MM;
  switch (standard) {
    case 'gb_t_14902':
      return gbSlumpToleranceMm(designMm);
    case 'astm_c94':
      return astmSlumpToleranceMm(designMm);
    default: {
      const unknownStandard: never = standard;
      throw new RangeError(`unknown slump standard ${String(unknownStandard)}`);
    }
  }
}

export interface SlumpEvaluationInput {
  standard: SlumpStandard;
  kind: SlumpKind;
  designMm: number;
  measuredMm: number;
  /** The mix's or pour plan's own tolerance wins over the table. */
  toleranceOverrideMm?: number | null;
}

export interface SlumpEvaluation {
  pass: boolean;
  toleranceMm: number;
  /** Measured minus design: negative means too stiff. */
  deviationMm: number;
  minMm: number;
  maxMm: number;
}

export function evaluateSlump(input: SlumpEvaluationInput): SlumpEvaluation {
  assertNonNegative('design slump (mm)', input.designMm);
  assertNonNegative('measured slump (mm)', input.measuredMm);
  const override = input.toleranceOverrideMm;
  if (override !== undefined && override !== null) assertNonNegative('slump tolerance override (mm)', override);
  const toleranceMm = override ?? slumpToleranceMm(input.standard, input.kind, input.designMm);
  const deviationMm = input.measuredMm - input.designMm;
  return {
    pass: isAtMost(Math.abs(deviationMm), toleranceMm),
    toleranceMm,
    deviationMm,
    // A cone cannot slump less than nothing.
    minMm: Math.max(0, input.designMm - toleranceMm),
    maxMm: input.designMm + toleranceMm,
  };
}
