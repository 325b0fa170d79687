import type { PourDto } from '@pourline/contracts';
import { type DocumentType, pourTransitionsFrom } from '@pourline/domain';
import type { PourEntity } from './pour.entity';

export function toPourDto(pour: PourEntity, deliveredTypes: ReadonlySet<DocumentType>): PourDto {
  return {
    id: pour.id,
    status: pour.status,
    projectId: pour.projectId,
    projectName: pour.project?.name ?? '',
    customerName: pour.project?.customer?.name ?? '',
    plantId: pour.plantId,
    plantName: pour.plant?.name ?? '',
    plantTimeZone: pour.plant?.timeZone ?? 'UTC',
    structuralElement: pour.structuralElement,
    scheduledStart: pour.scheduledStart.toISOString(),
    volumeM3: pour.volumeM3,
    pourRateM3PerHour: pour.pourRateM3PerHour,
    startPoint: pour.startPoint,
    endPoint: pour.endPoint,
    direction: pour.direction,
    pumpId: pour.pumpId,
    pumpCode: pour.pump?.code ?? null,
    pumpPosition: pour.pumpPosition,
    pumpingMethod: pour.pumpingMethod as PourDto['pumpingMethod'],
    entryRoute: pour.entryRoute,
    exitRoute: pour.exitRoute,
    truckCount: pour.truckCount,
    mixId: pour.mixId,
    mixCode: pour.mix?.code ?? '',
    slumpTargetMm: pour.slumpTargetMm,
    slumpToleranceMm: pour.slumpToleranceMm,
    initialSettingMinutes: pour.initialSettingMinutes,
    notes: pour.notes,
    requiredDocumentTypes: pour.requiredDocumentTypes,
    undeliveredDocumentTypes: pour.requiredDocumentTypes.filter((type) => !deliveredTypes.has(type)),
    documentGateOverride: pour.documentGateOverride,
    dispatchHold: pour.dispatchHold,
    allowedTransitions: [...pourTransitionsFrom(pour.status)],
    createdAt: pour.createdAt.toISOString(),
    updatedAt: pour.updatedAt.toISOString(),
  };
}

/** The plan fields as they are stored, for audit diffs. */
export function planSnapshot(pour: PourEntity): Record<string, unknown> {
  const {
    project: _p,
    plant: _pl,
    mix: _m,
    pump: _pu,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    dispatchHold: _h,
    ...fields
  } = pour;
  return { ...fields, scheduledStart: pour.scheduledStart.toISOString() };
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
