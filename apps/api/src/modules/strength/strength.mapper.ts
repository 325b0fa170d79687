import type { InspectionLotDto, StrengthVerdictDto } from '@pourline/contracts';
import type { InspectionLotEntity } from './inspection-lot.entity';
import type { LotAssessment } from './lot-judgement.service';
import type { StrengthVerdictEntity } from './strength-verdict.entity';

export function toVerdictDto(verdict: StrengthVerdictEntity): StrengthVerdictDto {
  return {
    id: verdict.id,
    judgedAt: verdict.judgedAt.toISOString(),
    method: verdict.method,
    methodVersion: verdict.methodVersion,
    pass: verdict.pass,
    evaluation: verdict.evaluation,
    record: verdict.record,
    setValues: verdict.setValues,
  };
}

export function toLotDto(
  lot: InspectionLotEntity,
  pours: { id: string; structuralElement: string; scheduledStart: Date }[],
  assessment: LotAssessment,
  verdict: StrengthVerdictEntity | undefined,
): InspectionLotDto {
  return {
    id: lot.id,
    name: lot.name,
    projectId: lot.projectId,
    projectName: lot.project?.name ?? '',
    plantId: lot.plantId,
    plantCode: lot.plant?.code ?? '',
    mixId: lot.mixId,
    mixCode: lot.mix?.code ?? '',
    strengthGrade: lot.strengthGrade,
    ageDays: lot.ageDays,
    createdAt: lot.createdAt.toISOString(),
    createdBy: lot.createdByName,
    pours: pours.map((pour) => ({
      id: pour.id,
      structuralElement: pour.structuralElement,
      scheduledStart: pour.scheduledStart.toISOString(),
    })),
    sets: assessment.sets.map(({ sample, values, predicted28dMpa }) => ({
      setId: sample.setId,
      label: sample.label,
      pourId: sample.pourId,
      structuralElement: sample.structuralElement,
      ticketNumber: sample.ticketNumber,
      madeAt: sample.madeAt.toISOString(),
      cubeSizeMm: sample.cubeSizeMm,
      strength7dMpa: values.strength7dMpa,
      strength28dMpa: values.strength28dMpa,
      void28d: values.void28d,
      predicted28dMpa,
    })),
    record: assessment.record,
    verdict: verdict ? toVerdictDto(verdict) : null,
    forecast: assessment.forecast,
  };
}
