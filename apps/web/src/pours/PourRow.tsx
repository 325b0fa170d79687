import type { PourDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock, plantZoneName } from './plantTime';
import { PourStatusBadge } from './PourStatusBadge';
import { UndeliveredBadge } from './UndeliveredBadge';

interface PourRowProps {
  pour: PourDto;
  onOpen: (pourId: string) => void;
}

export function PourRow({ pour, onOpen }: PourRowProps) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <li>
      <button
        type="button"
        className={`pour-row pour-row--${pour.status}`}
        data-testid="pour-row"
        data-pour-id={pour.id}
        data-status={pour.status}
        onClick={() => onOpen(pour.id)}
      >
        <span className="pour-cell pour-cell--time">
          <time className="pour-clock" dateTime={pour.scheduledStart} data-testid="pour-start">
            {formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)}
          </time>
          <span className="pour-zone" title={pour.plantTimeZone}>
            {plantZoneName(pour.scheduledStart, pour.plantTimeZone, locale)}
          </span>
        </span>
        <span className="pour-cell pour-cell--project">
          <span className="pour-primary">{pour.projectName}</span>
          <span className="pour-secondary">{pour.customerName}</span>
        </span>
        <span className="pour-cell pour-cell--element">
          <span className="pour-primary">{pour.structuralElement}</span>
          <span className="pour-secondary">{pour.plantName}</span>
        </span>
        <span className="pour-cell pour-cell--volume">
          <span className="pour-primary">{formatNumber(pour.volumeM3)} m³</span>
          <span className="pour-secondary">{formatNumber(pour.pourRateM3PerHour)} m³/h</span>
        </span>
        <span className="pour-cell pour-cell--mix">
          <span className="pour-primary">{pour.mixCode}</span>
          <span className="pour-secondary">
            {pour.slumpTargetMm} ± {pour.slumpToleranceMm} mm
          </span>
        </span>
        <span className="pour-cell pour-cell--pump">
          <span className="pour-primary">{pour.pumpCode ?? t('board.noPump')}</span>
          <span className="pour-secondary">{t(`pumping.${pour.pumpingMethod}`)}</span>
        </span>
        <span className="pour-cell pour-cell--status">
          <PourStatusBadge status={pour.status} testId="pour-row-status" />
          <UndeliveredBadge types={pour.undeliveredDocumentTypes} />
          {pour.documentGateOverride && <span className="info-badge">{t('board.overridden')}</span>}
        </span>
      </button>
    </li>
  );
}
