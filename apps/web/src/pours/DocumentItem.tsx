import { DeliverDocumentRequest, type PourDocumentDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { documentTypeLabel } from './documentTypeLabel';
import { downloadDocumentFile, markDocumentDelivered } from './documentEndpoints';
import { formatPlantTime } from './plantTime';
import { describeSchemaIssues } from '../api/issueWords';

interface DocumentItemProps {
  document: PourDocumentDto;
  timeZone: string;
  canManage: boolean;
  onDelivered: () => void;
}

function formatBytes(bytes: number, formatNumber: (value: number, digits?: number) => string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

export function DocumentItem({ document, timeZone, canManage, onDelivered }: DocumentItemProps) {
  const { t, locale, formatNumber } = useI18n();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [deliveredTo, setDeliveredTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const delivered = document.deliveredAt !== null;
  const time = (iso: string) => formatPlantTime(iso, timeZone, locale);

  async function download() {
    setError(null);
    try {
      await downloadDocumentFile(api, document);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  async function deliver(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = DeliverDocumentRequest.safeParse({ deliveredTo });
    if (!request.success) return setError(describeSchemaIssues(request.error.issues, t));
    setBusy(true);
    setError(null);
    try {
      await markDocumentDelivered(api, document.id, request.data);
      setAsking(false);
      setDeliveredTo('');
      onDelivered();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      className={`document-item${delivered ? ' document-item--delivered' : ''}`}
      data-testid="document-item"
      data-document-id={document.id}
      data-document-type={document.type}
      data-delivered={delivered}
    >
      <div className="document-main">
        <span className="document-type">{documentTypeLabel(document.type, t)}</span>
        <span className="document-title">{document.title}</span>
        <span className="muted document-meta">
          {document.fileName} · {formatBytes(document.sizeBytes, formatNumber)} ·{' '}
          {t('docs.uploadedBy', { name: document.uploadedBy, time: time(document.uploadedAt) })}
        </span>
        <span
          className={delivered ? 'delivery delivery--done' : 'delivery delivery--pending'}
          data-testid="document-delivery"
        >
          {delivered && document.deliveredAt
            ? `✓ ${t('docs.delivered', {
                to: document.deliveredTo ?? t('common.none'),
                by: document.deliveredBy ?? t('common.none'),
                time: time(document.deliveredAt),
              })}`
            : t('docs.notDelivered')}
        </span>
      </div>
      <div className="document-actions">
        <button type="button" className="button" data-testid="document-download" onClick={() => void download()}>
          {t('docs.download')}
        </button>
        {canManage && !delivered && !asking && (
          <button
            type="button"
            className="button button--primary"
            data-testid="document-deliver"
            onClick={() => setAsking(true)}
          >
            {t('docs.markDelivered')}
          </button>
        )}
      </div>
      {asking && (
        <form className="deliver-form" onSubmit={deliver}>
          <label className="field">
            <span>{t('docs.deliveredTo')}</span>
            <input
              data-testid="delivered-to"
              value={deliveredTo}
              maxLength={120}
              onChange={(event) => setDeliveredTo(event.target.value)}
              autoFocus
            />
          </label>
          <div className="action-row">
            <button type="submit" className="button button--primary" data-testid="delivered-confirm" disabled={busy}>
              {t('docs.confirmDelivered')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setAsking(false);
                setError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="documents-error">
          {error}
        </p>
      )}
    </li>
  );
}
