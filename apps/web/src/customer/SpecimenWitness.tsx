import type { CurrentUser } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { listSpecimenSets, witnessSpecimenSet } from './customerEndpoints';
import { SignaturePad } from './SignaturePad';
import { FormError } from './FormError';

/** The pour's specimen sets with their 7/28-day strength, and the supervisor's witness signature on each. */
export function SpecimenWitness({ pourId, user }: { pourId: string; user: CurrentUser }) {
  const { t } = useI18n();
  const api = useApi();
  const sets = useApiResource(`specimens:${pourId}`, (signal) => listSpecimenSets(api, pourId, signal));
  const [open, setOpen] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!sets.data || sets.data.length === 0) return null;

  async function witness(setId: string) {
    if (!signature) return;
    setError(null);
    try {
      const saved = await witnessSpecimenSet(api, setId, { signerName: user.displayName, signature });
      sets.setData((sets.data ?? []).map((set) => (set.id === saved.id ? saved : set)));
      setOpen(null);
      setSignature(null);
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }

  const mpa = (value: number | null) => (value === null ? t('common.none') : `${value} MPa`);
  return (
    <section className="customer-section" data-testid="specimen-witness">
      <h3>{t('customer.specimens')}</h3>
      <ul className="customer-list">
        {sets.data.map((set) => (
          <li key={set.id}>
            <strong>{set.label}</strong> · {set.strengthGrade} · 7 d {mpa(set.strength7dMpa)} · 28 d{' '}
            {mpa(set.strength28dMpa)}
            <div>
              {set.witness ? (
                <span className="muted">{t('customer.witnessedBy', { name: set.witness.signerName })}</span>
              ) : open === set.id ? (
                <>
                  <SignaturePad onChange={setSignature} />
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={!signature}
                    onClick={() => void witness(set.id)}
                  >
                    {t('customer.witnessSign')}
                  </button>
                </>
              ) : (
                <button type="button" className="button" onClick={() => setOpen(set.id)}>
                  {t('customer.witness')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </section>
  );
}
