import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { listProjectLots } from './customerEndpoints';

/** Strength acceptance of the supervisor's projects: each inspection lot with its GB/T 50107 verdict or forecast. */
export function ProjectLots() {
  const { t } = useI18n();
  const api = useApi();
  const lots = useApiResource('project-lots', (signal) => listProjectLots(api, signal));
  if (!lots.data || lots.data.length === 0) return null;
  return (
    <section className="customer-card" data-testid="project-lots">
      <h2>{t('customer.acceptance')}</h2>
      <ul className="customer-list">
        {lots.data.map((lot) => {
          const verdict = lot.verdict;
          const state = verdict
            ? t(verdict.pass ? 'strength.lot.accepted' : 'strength.lot.rejected')
            : t(lot.forecast.headingBelowAcceptance ? 'strength.lot.headingBelow' : 'strength.lot.awaiting');
          return (
            <li key={lot.id}>
              <strong>{lot.name}</strong> · {lot.projectName} · {lot.strengthGrade}
              <div>
                <span className={verdict ? (verdict.pass ? 'verdict-pass' : 'verdict-fail') : 'muted'}>{state}</span>
                {verdict &&
                  ` · ${t(`strength.method.${verdict.method}`)} · ${t('customer.lotSets', { count: verdict.setValues.length })}`}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
