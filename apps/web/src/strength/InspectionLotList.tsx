import type { PlantDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { InspectionLotCard } from './InspectionLotCard';
import { NewLotForm } from './NewLotForm';
import { useInspectionLots } from './useInspectionLots';

/** The plant's inspection lots, newest first, each with its verdict and where it is heading. */
export function InspectionLotList({ plant }: { plant: PlantDto }) {
  const { t } = useI18n();
  const lots = useInspectionLots(plant.id);
  const canManage = usePermission('strength.lots.manage');
  const [creating, setCreating] = useState(false);
  return (
    <section className="panel strength-lots" data-testid="strength-lots" aria-labelledby="strength-lots-title">
      <div className="strength-panel-head">
        <h2 id="strength-lots-title">{t('strength.lots.title')}</h2>
        {canManage && !creating && (
          <button type="button" className="button" data-testid="strength-new-lot" onClick={() => setCreating(true)}>
            {t('strength.lots.new')}
          </button>
        )}
      </div>
      {creating && (
        <NewLotForm
          plant={plant}
          lots={lots.data ?? []}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            lots.reload();
          }}
        />
      )}
      {lots.error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(lots.error, t)}</span>
          <button type="button" className="button" onClick={lots.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!lots.data && lots.loading && <p className="status-note">{t('app.loading')}</p>}
      {lots.data && lots.data.length === 0 && <p className="muted">{t('strength.lots.empty')}</p>}
      {lots.data && lots.data.length > 0 && (
        <ul className="strength-lot-list">
          {lots.data.map((lot) => (
            <InspectionLotCard key={lot.id} lot={lot} plant={plant} />
          ))}
        </ul>
      )}
    </section>
  );
}
