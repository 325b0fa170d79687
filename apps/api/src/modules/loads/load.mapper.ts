import type { LoadDto, LoadEtaDto, LoadEventDto, PourVolumesDto, WaterAdditionDto } from '@pourline/contracts';
import { loadTransitionsFrom, minutesToDeadline, pourVolumes, waterAdditionAllowanceLitres } from '@pourline/domain';
import type { LoadEventEntity } from './load-event.entity';
import type { LoadEntity } from './load.entity';
import type { WaterAdditionEntity } from './water-addition.entity';

/** Loads that will not deliver: they free their volume for new loads. */
const NOT_ORDERED = new Set(['disposed', 'cancelled']);

export function waterAllowance(load: LoadEntity): number {
  if (!load.mix) return 0;
  return waterAdditionAllowanceLitres({
    cementKgPerM3: load.mix.cementKgPerM3,
    waterKgPerM3: load.mix.waterKgPerM3,
    maxWaterCementRatio: load.mix.maxWaterCementRatio,
    volumeM3: load.volumeM3,
    alreadyAddedLitres: load.waterAddedLitres,
    heldBackLitres: load.batchRecord?.waterHeldBackLitres ?? 0,
  });
}

export function toLoadDto(load: LoadEntity, now = new Date(), eta: LoadEtaDto | null = null): LoadDto {
  return {
    id: load.id,
    ticketNumber: load.ticketNumber,
    pourId: load.pourId,
    plantId: load.plantId,
    truckId: load.truckId,
    truckFleetNumber: load.truck?.fleetNumber ?? null,
    mixId: load.mixId,
    mixCode: load.mix?.code ?? '',
    volumeM3: load.volumeM3,
    overOrderReason: load.overOrderReason,
    status: load.status,
    rejected: load.rejected,
    queuePosition: load.queuePosition,
    replacesLoadId: load.replacesLoadId,
    batchedAt: load.batchedAt?.toISOString() ?? null,
    dischargeDeadline: load.dischargeDeadline?.toISOString() ?? null,
    deadlineLimitedBy: load.deadlineLimitedBy,
    minutesToDeadline: load.dischargeDeadline ? Math.round(minutesToDeadline(load.dischargeDeadline, now)) : null,
    flaggedForQc: load.flaggedForQc,
    siteAcceptance: load.siteAcceptance,
    batch: load.batchRecord
      ? {
          materials: load.batchRecord.materials,
          waterHeldBackLitres: load.batchRecord.waterHeldBackLitres,
          recordedAt: load.batchRecord.recordedAt,
          recordedByName: load.batchRecord.recordedByName,
        }
      : null,
    eta,
    waterAddedLitres: load.waterAddedLitres,
    waterAllowanceLitres: waterAllowance(load),
    allowedTransitions: [...loadTransitionsFrom(load.status)],
    createdAt: load.createdAt.toISOString(),
    updatedAt: load.updatedAt.toISOString(),
  };
}

export function volumesOf(loads: LoadEntity[], plannedM3: number): PourVolumesDto {
  const volumes = pourVolumes(
    loads.map(({ status, volumeM3, rejected }) => ({ status, volumeM3, rejected })),
    plannedM3,
  );
  const orderedM3 = loads
    .filter((load) => !load.rejected && !NOT_ORDERED.has(load.status))
    .reduce((sum, load) => sum + load.volumeM3, 0);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    plannedM3,
    deliveredM3: round(volumes.deliveredM3),
    inTransitM3: round(volumes.inTransitM3),
    rejectedM3: round(volumes.rejectedM3),
    remainingM3: round(volumes.remainingM3),
    unorderedM3: round(Math.max(0, plannedM3 - orderedM3)),
  };
}

export function toLoadEventDto(event: LoadEventEntity): LoadEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorName: event.actorName,
    note: event.note,
    receivedAt: event.receivedAt.toISOString(),
  };
}

export function toWaterDto(water: WaterAdditionEntity): WaterAdditionDto {
  return {
    id: water.id,
    at: water.at.toISOString(),
    litres: water.litres,
    addedBy: water.addedBy,
    requestedBy: water.requestedBy,
    recordedBy: water.recordedByName,
  };
}
