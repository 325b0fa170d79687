import type { PlantQueueItemDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { LoadStepButtons } from '../loads/LoadStepButtons';
import { formatPlantClock } from '../pours/plantTime';
import { PlantQcVerdict } from './PlantQcVerdict';

interface PlantQueueRowProps {
  item: PlantQueueItemDto;
  timeZone: string;
  now: number;
}

const SHOWS_QC = new Set(['plant_qc', 'held', 'released']);
const PLANT_STEPS = ['plant'] as const;

/** One load in the control room: what it is, for whom, when it should leave, and the plant's next step. */
export function PlantQueueRow({ item, timeZone, now }: PlantQueueRowProps) {
  const { t, locale, formatNumber } = useI18n();
  const { load, pour } = item;
  const clock = (iso: string) => formatPlantClock(iso, timeZone, locale);
  return (
    <li
      className={`plant-row plant-row--${load.status}${item.overdue ? ' plant-row--overdue' : ''}`}
      data-testid="plant-queue-row"
      data-load-id={load.id}
      data-status={load.status}
    >
      <div className="plant-row-head">
        <span className="plant-row-ticket" title={load.ticketNumber}>
          {load.ticketNumber}
        </span>
        <span className={`load-status load-status--${load.status}`} data-testid="plant-row-status">
          {t(`loadStatus.${load.status}`)}
        </span>
        {item.plannedLoadAt && load.status === 'scheduled' && (
          <span className="plant-row-plan" data-testid="plant-row-plan">
            {t('plant.plannedLoadAt', { time: clock(item.plannedLoadAt) })}
          </span>
        )}
        {item.targetReleaseAt && (
          <span className={`plant-row-release${item.overdue ? ' plant-row-release--overdue' : ''}`}>
            {item.overdue
              ? t('plant.releaseOverdue', { time: clock(item.targetReleaseAt) })
              : t('plant.releaseAt', { time: clock(item.targetReleaseAt) })}
          </span>
        )}
      </div>
      <div className="plant-row-facts">
        <span className="plant-row-truck">{load.truckFleetNumber ?? t('plant.noTruck')}</span>
        <span>
          {load.mixCode} · {formatNumber(load.volumeM3)} m³
        </span>
        <span className="plant-row-pour">
          {pour.projectName} · {pour.structuralElement}
        </span>
        {load.batchedAt && <span>{t('plant.batchedAt', { time: clock(load.batchedAt) })}</span>}
        {load.batch?.waterHeldBackLitres != null && (
          <span>{t('plant.waterHeldBack', { litres: formatNumber(load.batch.waterHeldBackLitres) })}</span>
        )}
      </div>
      {pour.dispatchHold && (
        <p className="plant-row-hold" role="status" data-testid="plant-row-hold">
          {t('plant.pourHeld', { name: pour.dispatchHold.byName, reason: pour.dispatchHold.reason })}
        </p>
      )}
      {SHOWS_QC.has(load.status) && <PlantQcVerdict load={load} timeZone={timeZone} />}
      <LoadStepButtons load={load} places={PLANT_STEPS} now={now} timeZone={timeZone} large />
    </li>
  );
}
