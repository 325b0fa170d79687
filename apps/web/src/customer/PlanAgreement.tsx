import type { PlanResponseRequest } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { listPlanResponses, respondToPlan } from './customerEndpoints';
import { FormError } from './FormError';

/** The plan's latest answer from the construction party, and its buttons to agree or ask for changes. */
export function PlanAgreement({ pourId, canRespond }: { pourId: string; canRespond: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const responses = useApiResource(`plan-responses:${pourId}`, (signal) => listPlanResponses(api, pourId, signal));
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const latest = responses.data?.at(-1);

  async function send(request: PlanResponseRequest) {
    setError(null);
    try {
      const saved = await respondToPlan(api, pourId, request);
      responses.setData([...(responses.data ?? []), saved]);
      setAsking(false);
      setNote('');
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }

  return (
    <section className="customer-section" data-testid="plan-agreement">
      <h3>{t('customer.plan')}</h3>
      <p data-testid="plan-agreement-state">
        {latest
          ? t(latest.decision === 'agreed' ? 'customer.planAgreed' : 'customer.planChangesAsked', {
              name: latest.byName,
            })
          : t('customer.planAwaiting')}
      </p>
      {latest?.note && <p className="muted">{latest.note}</p>}
      {canRespond && !asking && (
        <div className="customer-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void send({ decision: 'agreed', note: '' })}
            data-testid="plan-agree"
          >
            {t('customer.agreePlan')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('customer.askChanges')}
          </button>
        </div>
      )}
      {asking && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send({ decision: 'changes_requested', note });
          }}
        >
          <label className="field">
            <span>{t('customer.changesNote')}</span>
            <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} required />
          </label>
          <div className="customer-actions">
            <button type="submit" className="button button--primary">
              {t('customer.sendChanges')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
    </section>
  );
}
