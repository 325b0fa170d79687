import type { PourDto, PumpStatusDto } from '@pourline/contracts';
import type { PourVolumes } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';

interface SitePourSummaryProps {
  pour: PourDto;
  volumes: PourVolumes;
  pumpStatus: PumpStatusDto['status'] | null;
}

/** The strip a site dispatcher glances at: what is poured, how far it is, and the pump. */
export function SitePourSummary({ pour, volumes, pumpStatus }: SitePourSummaryProps) {
  const { t, locale, formatNumber } = useI18n();
  const figure = (key: 'delivered' | 'inTransit' | 'remaining', m3: number) => (
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
      <div className="site-summary-head">
        <div>
          <h1 className="site-summary-element">{pour.structuralElement}</h1>
          <p className="site-summary-project">
            {pour.projectName} · {pour.customerName}
          </p>
          <p className="site-summary-meta">
            {t(`status.${pour.status}`)} · {formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)} ·{' '}
            {pour.mixCode} · {formatNumber(pour.pourRateM3PerHour)} m³/h
          </p>
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
      </div>
      <div className="site-figures">
        {figure('delivered', volumes.deliveredM3)}
        {figure('inTransit', volumes.inTransitM3)}
        {figure('remaining', volumes.remainingM3)}
        <div className="site-figure site-figure--planned" data-testid="site-volume-planned" data-m3={pour.volumeM3}>
          <span className="site-figure-value">
            {formatNumber(pour.volumeM3)}
            <small> m³</small>
          </span>
          <span className="site-figure-label">{t('site.volume.planned')}</span>
        </div>
      </div>
      {volumes.rejectedM3 > 0 && (
        <p className="site-summary-rejected">{t('live.volume.rejected', { m3: formatNumber(volumes.rejectedM3) })}</p>
      )}
    </section>
  );
}
