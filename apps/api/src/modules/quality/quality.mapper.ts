import type { NonConformanceDto, QcTestDto, SpecimenSetDto } from '@pourline/contracts';
import { parseStrengthGrade, specimenSetStrength } from '@pourline/domain';
import type { NonConformanceEntity } from './non-conformance.entity';
import type { QcOverrideEntity } from './qc-override.entity';
import type { QcTestEntity } from './qc-test.entity';
import type { SpecimenSetEntity } from './specimen-set.entity';

export function toQcTestDto(test: QcTestEntity, override: QcOverrideEntity | undefined): QcTestDto {
  return {
    id: test.id,
    loadId: test.loadId,
    stage: test.stage,
    slumpMm: test.slumpMm,
    slumpKind: test.slumpKind,
    designSlumpMm: test.designSlumpMm,
    temperatureC: test.temperatureC,
    airPercent: test.airPercent,
    minutesSinceBatch: test.minutesSinceBatch,
    inspectorName: test.inspectorName,
    testedAt: test.testedAt.toISOString(),
    receivedAt: test.receivedAt.toISOString(),
    remarks: test.remarks,
    pass: test.pass,
    reasons: test.reasons,
    outcome: test.outcome,
    ruleSetVersion: test.ruleSetVersion,
    checkTestOf: test.checkTestOf,
    correctsTestId: test.correctsTestId,
    hasPhoto: test.hasPhoto,
    override: override ? { reason: override.reason, byName: override.byName, at: override.at.toISOString() } : null,
  };
}

export function toNonConformanceDto(record: NonConformanceEntity, ticketNumber: string): NonConformanceDto {
  return {
    id: record.id,
    loadId: record.loadId,
    ticketNumber,
    pourId: record.pourId,
    qcTestId: record.qcTestId,
    reasons: record.reasons,
    volumeM3: record.volumeM3,
    openedBy: record.openedByName,
    openedAt: record.openedAt.toISOString(),
    status: record.status,
    replacementLoadId: record.replacementLoadId,
  };
}

/** A set's value at one age, converted to the 150 mm cube; null before results or when the set is void. */
export function setStrengthMpa(results: number[] | null, cubeSizeMm: number, strengthGrade: string): number | null {
  if (!results) return null;
  const strength = specimenSetStrength(results, { cubeSizeMm, gradeMpa: parseStrengthGrade(strengthGrade) });
  return strength.valid ? strength.strengthMpa : null;
}

export function toSpecimenSetDto(
  set: SpecimenSetEntity,
  load: { ticketNumber: string },
  mix: { code: string; strengthGrade: string },
): SpecimenSetDto {
  return {
    id: set.id,
    label: set.label,
    pourId: set.pourId,
    loadId: set.loadId,
    ticketNumber: load.ticketNumber,
    mixCode: mix.code,
    strengthGrade: mix.strengthGrade,
    specimenCount: set.specimenCount,
    cubeSizeMm: set.cubeSizeMm,
    madeAt: set.madeAt.toISOString(),
    madeBy: set.madeByName,
    results7dMpa: set.results7dMpa,
    results28dMpa: set.results28dMpa,
    strength7dMpa: setStrengthMpa(set.results7dMpa, set.cubeSizeMm, mix.strengthGrade),
    strength28dMpa: setStrengthMpa(set.results28dMpa, set.cubeSizeMm, mix.strengthGrade),
    witness:
      set.witnessedAt && set.witnessSignature
        ? {
            signerName: set.witnessName ?? '',
            imageDataUrl: `data:image/png;base64,${set.witnessSignature.toString('base64')}`,
            signedAt: set.witnessedAt.toISOString(),
            recordedById: set.witnessedById ?? '',
            recordedByName: set.witnessedByName ?? '',
          }
        : null,
  };
}
