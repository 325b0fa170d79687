import type { PourVolumes } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';

interface VolumeBarProps {
  plannedM3: number;
  volumes: PourVolumes;
}

const share = (part: number, whole: number) => `${Math.min(100, (part / Math.max(whole, 1e-9)) * 100)}%`;

/** Delivered, in transit and still to send, stacked against the plan. */
export function VolumeBar({ plannedM3, volumes }: VolumeBarProps) {
  const { t, formatNumber } = useI18n();
  const scale = Math.max(plannedM3, volumes.deliveredM3 + volumes.inTransitM3);
  return (
    <div
      className="volume"
      data-testid="pour-volumes"
      data-planned={plannedM3}
      data-delivered={volumes.deliveredM3}
      data-in-transit={volumes.inTransitM3}
      data-remaining={volumes.remainingM3}
    >
      <div className="volume-bar" aria-hidden="true">
        <span className="volume-bar-delivered" style={{ width: share(volumes.deliveredM3, scale) }} />
        <span className="volume-bar-transit" style={{ width: share(volumes.inTransitM3, scale) }} />
      </div>
      <div className="volume-figures">
        <span>
          <span className="volume-key volume-key--delivered" aria-hidden="true" />
          {t('live.volume.delivered', { m3: formatNumber(volumes.deliveredM3) })}
        </span>
        <span>
          <span className="volume-key volume-key--transit" aria-hidden="true" />
          {t('live.volume.inTransit', { m3: formatNumber(volumes.inTransitM3) })}
        </span>
        <span>
          <span className="volume-key volume-key--remaining" aria-hidden="true" />
          {t('live.volume.remaining', { m3: formatNumber(volumes.remainingM3) })}
        </span>
        <span className="volume-plan">{t('live.volume.ofPlanned', { m3: formatNumber(plannedM3) })}</span>
        {volumes.rejectedM3 > 0 && (
          <span className="volume-rejected">{t('live.volume.rejected', { m3: formatNumber(volumes.rejectedM3) })}</span>
        )}
      </div>
    </div>
  );
}
