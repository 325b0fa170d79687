import type { PlantDto, PourDto, TruckDto } from '@pourline/contracts';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { formatPlantClock } from '../pours/plantTime';
import { canDivert } from './dispatchPlanning';
import { DivertForm } from './DivertForm';
import { currentLoadByTruck, TRUCK_PHASE_COLORS, truckPhase } from './truckStyles';
import { useLatestQcTest } from './useLatestQcTest';

interface TruckDetailsProps {
  truckId: string;
  trucks: readonly TruckDto[];
  plants: readonly PlantDto[];
  pours: readonly PourDto[];
  now: number;
  /** loads.dispatch: the truck's load may be sent to another pour from here. */
  canDispatch: boolean;
  onClose: () => void;
}

const minutesBetween = (from: number, to: number) => Math.round((to - from) / 60_000);

/** A clicked truck: its load and ticket, the age of its concrete, ETA, last QC, and who drives it. */
export function TruckDetails({ truckId, trucks, plants, pours, now, canDispatch, onClose }: TruckDetailsProps) {
  const { t, locale, formatNumber } = useI18n();
  const truck = trucks.find((candidate) => candidate.id === truckId);
  const position = useLive((state) => state.truckPositions.get(truckId));
  const loads = useLive((state) => state.loads);
  const load = useMemo(() => currentLoadByTruck(loads).get(truckId), [loads, truckId]);
  const { test, loading: qcLoading } = useLatestQcTest(load?.id ?? null);
  const pour = load ? pours.find((candidate) => candidate.id === load.pourId) : undefined;
  const plantId = load?.plantId ?? truck?.homePlantId;
  const timeZone = plants.find((plant) => plant.id === plantId)?.timeZone ?? pour?.plantTimeZone ?? 'UTC';
  const clock = (iso: string) => formatPlantClock(iso, timeZone, locale);
  const phase = truckPhase(load);
  const fleetNumber = truck?.fleetNumber ?? position?.label ?? truckId;
  const [diverting, setDiverting] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Where the dispatcher was when the card opened (the truck list, a timeline row): focus goes back there.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    titleRef.current?.focus({ preventScroll: true });
  }, [truckId]);

  const close = () => {
    onClose();
    if (opener?.isConnected) opener.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };

  return (
    <aside
      className="truck-details"
      data-testid="truck-details"
      data-truck-id={truckId}
      aria-labelledby="truck-title"
      onKeyDown={onKeyDown}
    >
      <header className="truck-details-head">
        <span className="truck-swatch" style={{ backgroundColor: TRUCK_PHASE_COLORS[phase] }} aria-hidden="true" />
        <h2 id="truck-title" ref={titleRef} tabIndex={-1}>
          {fleetNumber}
          {truck && <span className="muted"> · {truck.plateNumber}</span>}
        </h2>
        <button
          type="button"
          className="button button--ghost button--icon"
          onClick={close}
          aria-label={t('live.truck.close')}
        >
          ×
        </button>
      </header>
      <dl className="truck-facts">
        <dt>{t('live.truck.state')}</dt>
        <dd data-testid="truck-state">{load ? t(`loadStatus.${load.status}`) : t('truckPhase.idle')}</dd>
        {load && (
          <>
            <dt>{t('live.truck.ticket')}</dt>
            <dd className="mono">
              {load.ticketNumber} · {load.mixCode} · {formatNumber(load.volumeM3)} m³
            </dd>
            {pour && (
              <>
                <dt>{t('live.truck.pour')}</dt>
                <dd>
                  {pour.projectName} · {pour.structuralElement}
                </dd>
              </>
            )}
            <dt>{t('live.truck.batched')}</dt>
            <dd>
              {load.batchedAt
                ? t('live.truck.batchedValue', {
                    time: clock(load.batchedAt),
                    minutes: minutesBetween(Date.parse(load.batchedAt), now),
                  })
                : t('live.truck.notBatched')}
            </dd>
            <dt>{t('live.truck.deadline')}</dt>
            <dd data-testid="truck-deadline">
              {load.dischargeDeadline ? (
                <span
                  className={minutesBetween(now, Date.parse(load.dischargeDeadline)) < 15 ? 'text-warning' : undefined}
                >
                  {t('live.truck.deadlineValue', {
                    time: clock(load.dischargeDeadline),
                    minutes: minutesBetween(now, Date.parse(load.dischargeDeadline)),
                  })}
                </span>
              ) : (
                t('common.none')
              )}
            </dd>
            <dt>{t('live.truck.eta')}</dt>
            <dd data-testid="truck-eta">
              {load.eta ? (
                <>
                  {t('live.truck.etaValue', {
                    time: clock(load.eta.arrivesAt),
                    km: formatNumber(load.eta.remainingM / 1000),
                  })}{' '}
                  {load.eta.beatsDeadline !== null && (
                    <span className={load.eta.beatsDeadline ? 'text-success' : 'text-danger'}>
                      {load.eta.beatsDeadline
                        ? t('live.truck.beatsDeadline', { minutes: Math.round(load.eta.slackMinutes ?? 0) })
                        : t('live.truck.missesDeadline', { minutes: Math.round(-(load.eta.slackMinutes ?? 0)) })}
                    </span>
                  )}
                </>
              ) : (
                t('common.none')
              )}
            </dd>
            <dt>{t('live.truck.qc')}</dt>
            <dd data-testid="truck-qc">
              {test ? (
                <span className={test.pass ? 'text-success' : 'text-danger'}>
                  {t('live.truck.qcValue', {
                    result: test.pass ? t('live.truck.qcPass') : t('live.truck.qcFail'),
                    stage: t(`live.qcStage.${test.stage}`),
                    slump: test.slumpMm,
                    design: test.designSlumpMm,
                    time: clock(test.testedAt),
                  })}
                </span>
              ) : qcLoading ? (
                t('app.loading')
              ) : (
                t('live.truck.noQc')
              )}
            </dd>
          </>
        )}
        <dt>{t('live.truck.driver')}</dt>
        <dd>
          {truck?.driverName || t('common.none')}
          {truck?.driverPhone && (
            <>
              {' · '}
              <a href={`tel:${truck.driverPhone.replace(/\s+/g, '')}`}>{truck.driverPhone}</a>
            </>
          )}
        </dd>
        {position && (
          <>
            <dt>{t('live.truck.lastFix')}</dt>
            <dd>
              {t('live.truck.lastFixValue', {
                time: clock(position.fixTime),
                speed: position.speedKmh === null ? '—' : formatNumber(position.speedKmh, 0),
              })}
            </dd>
          </>
        )}
      </dl>
      {canDispatch && load && canDivert(load) && (
        <div className="truck-actions">
          {diverting === load.id ? (
            <DivertForm load={load} pours={pours} onClose={() => setDiverting(null)} />
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="load-divert"
              onClick={() => setDiverting(load.id)}
            >
              {t('dispatch.divert')}
            </button>
          )}
        </div>
      )}
    </aside>
  );
}
