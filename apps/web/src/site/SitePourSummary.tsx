import type { PourDto, PumpStatusDto } from '@pourline/contracts';
import type { PourVolumes } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock, formatPlantTime } from '../pours/plantTime';

interface SitePourSummaryProps {
  pour: PourDto;
  /** A pour of another day says its date, not only its time. */
  isToday: boolean;
  volumes: PourVolumes;
  pumpStatus: PumpStatusDto['status'] | null;
}

/** The strip a site dispatcher glances at: what is poured, how far it is, and the pump, in two short lines. */
export function SitePourSummary({ pour, isToday, volumes, pumpStatus }: SitePourSummaryProps) {
  const { t, locale, formatNumber } = useI18n();
  const start = isToday
    ? formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)
    : formatPlantTime(pour.scheduledStart, pour.plantTimeZone, locale);
  const figure = (key: 'delivered' | 'inTransit' | 'remaining' | 'planned', m3: number) => (
    <div className={`site-figure site-figure--${key}`} data-testid={`site-volume-${key}`} data-m3={m3}>
      <span className="site-figure-value">
        {formatNumber(m3)}
        <small> m³</small>
      </span>
      <span className="site-figure-label">{t(`site.volume.${key}`)}</span>
    </div>
  );
  return (
    <section className="site-summary" data-testid="site-pour-summary" data-pour-id={pour.id}>
      <div className="site-summary-title">
        <h1 className="site-summary-element">
          {pour.structuralElement}
          <span className="site-summary-project"> · {pour.projectName}</span>
        </h1>
        <p className="site-summary-meta" title={pour.customerName}>
          {volumes.rejectedM3 > 0 && (
            <strong className="site-summary-rejected">
              {t('live.volume.rejected', { m3: formatNumber(volumes.rejectedM3) })} ·{' '}
            </strong>
          )}
          {t(`status.${pour.status}`)} · {start} · {pour.mixCode} · {formatNumber(pour.pourRateM3PerHour)} m³/h ·{' '}
          {pour.customerName}
        </p>
      </div>
      <div className="site-figures">
        {figure('delivered', volumes.deliveredM3)}
        {figure('inTransit', volumes.inTransitM3)}
        {figure('remaining', volumes.remainingM3)}
        {figure('planned', pour.volumeM3)}
      </div>
      <div
        className={`site-pump-chip site-pump-chip--${pumpStatus ?? 'unknown'}`}
        data-testid="site-pump-state"
        data-status={pumpStatus ?? ''}
      >
        <span className="site-pump-chip-label">
          {pour.pumpCode ? t('site.pump.named', { pump: pour.pumpCode }) : t('site.pump.none')}
        </span>
        {pour.pumpId && <strong>{pumpStatus ? t(`pumpStatus.${pumpStatus}`) : t('site.pump.unknown')}</strong>}
      </div>
    </section>
  );
}
