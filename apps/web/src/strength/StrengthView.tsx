import './strength.css';
import type { PlantDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { usePlants } from '../map/usePlants';
import { InspectionLotList } from './InspectionLotList';
import { MixTrendsPanel } from './MixTrendsPanel';
import { ProductionControlPanel } from './ProductionControlPanel';
import { StrengthWarningList } from './StrengthWarningList';

/**
 * Strength, plant by plant: the warnings first, then the inspection lots and
 * their verdicts, the month's production control figures and each mix's CUSUM.
 */
export function StrengthView() {
  const { t } = useI18n();
  const plants = usePlants();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const plant = plants.data?.find((candidate) => candidate.id === chosenId) ?? plants.data?.[0];

  return (
    <div className="strength-view" data-testid="strength-view">
      <div className="strength-toolbar">
        <h1 className="section-heading">{t('strength.title')}</h1>
        {plants.data && plants.data.length > 0 && (
          <label className="field field--inline">
            <span className="field-label">{t('strength.plant')}</span>
            <select
              data-testid="strength-plant"
              value={plant?.id ?? ''}
              onChange={(event) => setChosenId(event.target.value)}
            >
              {plants.data.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.code} · {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {plants.error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(plants.error, t)}</span>
          <button type="button" className="button" onClick={plants.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!plants.data && plants.loading && <p className="status-note">{t('app.loading')}</p>}
      {plants.data && plants.data.length === 0 && <p className="muted">{t('strength.noPlants')}</p>}
      {plant && <PlantStrength key={plant.id} plant={plant} />}
    </div>
  );
}

function PlantStrength({ plant }: { plant: PlantDto }) {
  return (
    <>
      <StrengthWarningList plant={plant} />
      <div className="strength-columns">
        <InspectionLotList plant={plant} />
        <div className="strength-side">
          <ProductionControlPanel plant={plant} />
          <MixTrendsPanel plant={plant} />
        </div>
      </div>
    </>
  );
}
