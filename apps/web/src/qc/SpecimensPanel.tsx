import { CreateSpecimenSetRequest, type LoadDto, type PourDto, type SpecimenSetDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { createSpecimenSet } from './qcEndpoints';
import { qcErrorMessage } from './qcErrorMessage';
import { SpecimenLabelSheet } from './SpecimenLabelSheet';
import { SpecimenSetItem } from './SpecimenSetItem';
import { StrengthAcceptance } from './StrengthAcceptance';
import { useSpecimens } from './useSpecimens';
import { describeSchemaIssues } from '../api/issueWords';

interface SpecimensPanelProps {
  pour: PourDto;
  loads: ReadonlyMap<string, LoadDto>;
}

const DEFAULT_SPECIMEN_COUNT = 3;

/** Which loads to sample, making a set with its label, results at 7 and 28 days, and strength acceptance. */
export function SpecimensPanel({ pour, loads }: SpecimensPanelProps) {
  const { t } = useI18n();
  const api = useApi();
  const canManage = usePermission('specimens.manage');
  const { sampling, sets, strength, reloadAll } = useSpecimens(pour.id);
  const [printing, setPrinting] = useState<SpecimenSetDto | null>(null);
  const [making, setMaking] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);

  async function makeSet(loadId: string) {
    const request = CreateSpecimenSetRequest.safeParse({
      loadId,
      specimenCount: counts[loadId] ?? DEFAULT_SPECIMEN_COUNT,
    });
    if (!request.success) return setError(describeSchemaIssues(request.error.issues, t));
    setMaking(loadId);
    setError(null);
    try {
      const set = await createSpecimenSet(api, pour.id, request.data);
      setPrinting(set);
      reloadAll();
    } catch (failure) {
      setError(qcErrorMessage(failure, t));
    } finally {
      setMaking(null);
    }
  }

  const plan = sampling.data;
  const loadError = sampling.error ?? sets.error;

  return (
    <section className="panel qc-specimens" data-testid="qc-specimens" aria-labelledby="qc-specimens-title">
      <h2 id="qc-specimens-title">{t('qc.specimens.title')}</h2>
      {loadError !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(loadError, t)}</span>
          <button type="button" className="button" onClick={reloadAll}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {plan && (
        <p
          className="qc-sampling"
          data-testid="qc-sampling"
          data-required={plan.requiredSets}
          data-taken={plan.setsTaken}
        >
          {t('qc.specimens.progress', { taken: plan.setsTaken, required: plan.requiredSets })}
        </p>
      )}
      {plan && plan.loadsDue.length === 0 && <p className="muted">{t('qc.specimens.noneDue')}</p>}
      {plan && plan.loadsDue.length > 0 && (
        <ul className="qc-sample-list">
          {plan.loadsDue.map((loadId) => {
            const load = loads.get(loadId);
            return (
              <li key={loadId} className="qc-sample" data-testid="qc-sample-due" data-load-id={loadId}>
                <span className="qc-sample-load">
                  <strong>{load?.ticketNumber ?? t('common.none')}</strong> {load?.truckFleetNumber ?? ''}
                  {load && <span className="muted"> · {t(`loadStatus.${load.status}`)}</span>}
                </span>
                {canManage && (
                  <span className="qc-sample-actions">
                    <label className="field field--inline">
                      <span className="visually-hidden">{t('qc.specimens.count')}</span>
                      <select
                        aria-label={t('qc.specimens.count')}
                        value={counts[loadId] ?? DEFAULT_SPECIMEN_COUNT}
                        onChange={(event) => setCounts({ ...counts, [loadId]: Number(event.target.value) })}
                      >
                        {[1, 2, 3, 4, 5, 6, 9, 12].map((count) => (
                          <option key={count} value={count}>
                            {t('qc.specimens.countOption', { count })}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button
                      type="button"
                      className="button button--primary"
                      data-testid="qc-make-set"
                      data-load-id={loadId}
                      disabled={making !== null}
                      onClick={() => void makeSet(loadId)}
                    >
                      {making === loadId ? t('qc.working') : t('qc.specimens.make')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <h3 className="qc-subheading">{t('qc.sets.title')}</h3>
      {sets.data && sets.data.length === 0 && <p className="muted">{t('qc.sets.empty')}</p>}
      {!sets.data && sets.loading && <p className="muted">{t('app.loading')}</p>}
      {sets.data && sets.data.length > 0 && (
        <ul className="qc-set-list">
          {sets.data.map((set) => (
            <SpecimenSetItem
              key={set.id}
              set={set}
              pour={pour}
              canManage={canManage}
              onChanged={reloadAll}
              onPrint={setPrinting}
            />
          ))}
        </ul>
      )}
      {strength.data && <StrengthAcceptance acceptance={strength.data} />}
      {printing && <SpecimenLabelSheet set={printing} pour={pour} onClose={() => setPrinting(null)} />}
    </section>
  );
}
