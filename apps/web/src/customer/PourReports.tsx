import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { acknowledgeDocument, listDocuments } from './customerEndpoints';
import { FormError } from './FormError';

/** The pre-pour technical reports: received or awaiting the construction party's acknowledgement. */
export function PourReports({ pourId, canAcknowledge }: { pourId: string; canAcknowledge: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const documents = useApiResource(`documents:${pourId}`, (signal) => listDocuments(api, pourId, signal));
  const [error, setError] = useState<string | null>(null);
  if (!documents.data || documents.data.length === 0) return null;

  async function acknowledge(documentId: string) {
    setError(null);
    try {
      const saved = await acknowledgeDocument(api, documentId);
      documents.setData((documents.data ?? []).map((document) => (document.id === saved.id ? saved : document)));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }

  return (
    <section className="customer-section" data-testid="pour-reports">
      <h3>{t('customer.reports')}</h3>
      <ul className="customer-list">
        {documents.data.map((document) => (
          <li key={document.id} className="customer-report">
            <span>{t(`docType.${document.type}`)}</span>
            {document.deliveredAt ? (
              <span className="muted">
                {t(document.acknowledgedByCustomer ? 'customer.reportAcknowledged' : 'customer.reportDelivered', {
                  name: document.deliveredTo ?? '',
                })}
              </span>
            ) : canAcknowledge ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void acknowledge(document.id)}
                data-testid="report-acknowledge"
              >
                {t('customer.acknowledge')}
              </button>
            ) : (
              <span className="muted">{t('customer.reportAwaiting')}</span>
            )}
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </section>
  );
}
