import type { LoadDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { useLatestQcTest } from '../operator/useLatestQcTest';
import { formatPlantClock } from '../pours/plantTime';
import { QcReasonList } from '../qc/QcReasonList';

/** The plant test's verdict on a load, as it arrives live from the QC inspector. */
export function PlantQcVerdict({ load, timeZone }: { load: LoadDto; timeZone: string }) {
  const { t, locale, formatNumber } = useI18n();
  const { test } = useLatestQcTest(load.id);
  if (!test || test.stage !== 'plant') {
    return load.status === 'plant_qc' ? (
      <p className="plant-qc plant-qc--waiting" data-testid="plant-qc-waiting">
        {t('plant.qcWaiting')}
      </p>
    ) : null;
  }
  const outcome = test.override ? 'overridden' : test.outcome;
  return (
    <div className={`plant-qc plant-qc--${outcome}`} data-testid="plant-qc-verdict" data-outcome={test.outcome}>
      <strong>
        {test.override ? t('qc.outcome.overriddenPlant') : t(`qc.outcome.${test.outcome}`)} ·{' '}
        {t('plant.qcMeta', {
          slump: formatNumber(test.slumpMm, 0),
          name: test.inspectorName,
          time: formatPlantClock(test.testedAt, timeZone, locale),
        })}
      </strong>
      <QcReasonList reasons={test.reasons} testId="plant-qc-reason" />
    </div>
  );
}
