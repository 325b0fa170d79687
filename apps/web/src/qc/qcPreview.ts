import {
  implausibleSlumpIssue,
  type LoadDto,
  type MixDto,
  type PlantDto,
  type PourDto,
  type QcOutcome,
  type QcStage,
  type ValidationIssue,
} from '@pourline/contracts';
import {
  checkTestOutcome,
  evaluateQcTest,
  ImplausibleReadingError,
  type QcEvaluation,
  type QcFailureReason,
  type RuleSet,
  ruleSetFor,
  agreedSlumpToleranceMm,
} from '@pourline/domain';

export type PourTargets = Pick<PourDto, 'slumpTargetMm' | 'slumpToleranceMm' | 'initialSettingMinutes'>;
export type MixLimits = Pick<
  MixDto,
  | 'slumpKind'
  | 'slumpToleranceMm'
  | 'airEntrained'
  | 'targetAirPercent'
  | 'minTemperatureC'
  | 'maxTemperatureC'
  | 'maxMinutesBatchToDischarge'
>;

/** The rules the plant works by, exactly as the API builds them. */
export function plantRuleSet(plant: Pick<PlantDto, 'slumpStandard' | 'ruleOverrides'>): RuleSet {
  return ruleSetFor(plant.slumpStandard, plant.ruleOverrides);
}

/** The same rule the API decides by, so the preview and the record agree. */
export { agreedSlumpToleranceMm };

/** What the form shows beside each field, so the inspector knows the window before measuring. */
export interface QcLimits {
  slumpKind: MixDto['slumpKind'];
  targetSlumpMm: number;
  slumpToleranceMm: number;
  minSlumpMm: number;
  maxSlumpMm: number;
  minTemperatureC: number;
  maxTemperatureC: number;
  /** Null when the mix is not air-entrained: the field is not shown. */
  air: { targetPercent: number; tolerancePercentagePoints: number } | null;
}

export function qcLimits(pour: PourTargets, mix: MixLimits, rules: RuleSet): QcLimits {
  const tolerance = agreedSlumpToleranceMm(pour, mix, rules);
  return {
    slumpKind: mix.slumpKind,
    targetSlumpMm: pour.slumpTargetMm,
    slumpToleranceMm: tolerance,
    minSlumpMm: Math.max(0, pour.slumpTargetMm - tolerance),
    maxSlumpMm: pour.slumpTargetMm + tolerance,
    minTemperatureC: mix.minTemperatureC ?? rules.minTemperatureC,
    maxTemperatureC: mix.maxTemperatureC ?? rules.maxTemperatureC,
    air:
      mix.airEntrained && mix.targetAirPercent !== null
        ? { targetPercent: mix.targetAirPercent, tolerancePercentagePoints: rules.airTolerancePercentagePoints }
        : null,
  };
}

/** The outcome the API will give a test with this evaluation, as its QC service decides it. */
export function expectedOutcome(
  stage: QcStage,
  checkTest: boolean,
  evaluation: QcEvaluation,
  rules: RuleSet,
): QcOutcome {
  if (stage === 'plant') return evaluation.pass ? 'released' : 'held';
  if (checkTest) return evaluation.pass ? 'accepted' : 'rejected';
  switch (checkTestOutcome(rules, evaluation)) {
    case 'accept':
      return 'accepted';
    case 'retest_required':
      return 'retest_required';
    case 'reject':
      return 'rejected';
  }
}

export interface QcReadings {
  slumpMm: number | null;
  temperatureC: number | null;
  airPercent: number | null;
}

export type QcPreview =
  /** Nothing to judge until the slump is in. */
  | { status: 'incomplete' }
  /** A reading no fresh concrete gives (a typo, a misread meter); the words say which. */
  | { status: 'implausible'; message: string; issue?: ValidationIssue }
  | { status: 'ready'; pass: boolean; reasons: QcFailureReason[]; outcome: QcOutcome };

export interface QcPreviewInput {
  stage: QcStage;
  checkTest: boolean;
  load: Pick<LoadDto, 'batchedAt'>;
  pour: PourTargets;
  mix: MixLimits;
  rules: RuleSet;
  readings: QcReadings;
  testedAt: Date;
}

/**
 * The verdict the rules give these readings now, before anything is sent.
 * The server judges again when the test is recorded; its answer is the record.
 */
export function previewQcTest(input: QcPreviewInput): QcPreview {
  const { readings, pour, mix, rules } = input;
  if (readings.slumpMm === null) return { status: 'incomplete' };
  try {
    const evaluation = evaluateQcTest(
      {
        slumpKind: mix.slumpKind,
        designSlumpMm: pour.slumpTargetMm,
        measuredSlumpMm: readings.slumpMm,
        slumpToleranceOverrideMm: agreedSlumpToleranceMm(pour, mix, rules),
        temperatureC: readings.temperatureC,
        mixMinTemperatureC: mix.minTemperatureC,
        mixMaxTemperatureC: mix.maxTemperatureC,
        airEntrained: mix.airEntrained,
        targetAirPercent: mix.targetAirPercent,
        airPercent: readings.airPercent,
        // A load at QC has always been batched; without a time its age cannot count against it.
        batchedAt: input.load.batchedAt ? new Date(input.load.batchedAt) : input.testedAt,
        testedAt: input.testedAt,
        initialSettingMinutes: pour.initialSettingMinutes,
        mixMaxMinutesBatchToDischarge: mix.maxMinutesBatchToDischarge,
      },
      rules,
    );
    return {
      status: 'ready',
      pass: evaluation.pass,
      reasons: evaluation.reasons,
      outcome: expectedOutcome(input.stage, input.checkTest, evaluation, rules),
    };
  } catch (error) {
    if (error instanceof ImplausibleReadingError) {
      return { status: 'implausible', message: error.message, issue: implausibleSlumpIssue(error) };
    }
    if (error instanceof RangeError) return { status: 'implausible', message: error.message };
    throw error;
  }
}
