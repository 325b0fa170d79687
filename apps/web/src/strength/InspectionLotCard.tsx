import type { InspectionLotDto, PlantDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { LotForecast } from './LotForecast';
import { LotSetsTable } from './LotSetsTable';
import { LotVerdictFigures } from './LotVerdictFigures';

type LotState = 'accepted' | 'rejected' | 'awaiting';

function lotState(lot: InspectionLotDto): LotState {
  if (!lot.verdict) return 'awaiting';
  return lot.verdict.pass ? 'accepted' : 'rejected';
}

/** One lot: its verdict at a glance, the figures it rests on, and its sets. */
export function InspectionLotCard({ lot, plant }: { lot: InspectionLotDto; plant: PlantDto }) {
  const { t } = useI18n();
  const state = lotState(lot);
  const heading = lot.forecast.headingBelowAcceptance;
  return (
    <li
      className={`strength-lot strength-lot--${state}${heading ? ' strength-lot--heading-below' : ''}`}
      data-testid="strength-lot"
      data-lot-id={lot.id}
      data-state={state}
      data-method={lot.verdict?.method ?? lot.forecast.projected?.method ?? ''}
    >
      <div className="strength-lot-head">
        <h3>
          {lot.name} <span className="strength-grade">{lot.strengthGrade}</span>
        </h3>
        <span className={`strength-badge strength-badge--${state}`} data-testid="strength-lot-state">
          {t(
            state === 'accepted'
              ? 'strength.lot.accepted'
              : state === 'rejected'
                ? 'strength.lot.rejected'
                : 'strength.lot.awaiting',
          )}
        </span>
        {lot.forecast.projected && lot.forecast.predictedSets > 0 && (
          <span className={`strength-badge strength-badge--${heading ? 'warning' : 'course'}`}>
            {t(heading ? 'strength.lot.headingBelow' : 'strength.lot.onCourse')}
          </span>
        )}
      </div>
      <p className="muted strength-lot-meta">
        {t('strength.lots.meta', {
          project: lot.projectName,
          mix: lot.mixCode,
          pours: lot.pours.length,
          sets: lot.sets.length,
          name: lot.createdBy,
        })}
      </p>
      {lot.verdict && <LotVerdictFigures verdict={lot.verdict} plant={plant} />}
      <LotForecast lot={lot} />
      <details className="strength-lot-details">
        <summary>{t('strength.lot.details')}</summary>
        <LotSetsTable lot={lot} />
      </details>
    </li>
  );
}
