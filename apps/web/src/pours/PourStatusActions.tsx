import { ChangePourStatusRequest, type PourDto } from '@pourline/contracts';
import { useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { documentTypeLabel } from './documentTypeLabel';
import { changePourStatus } from './pourEndpoints';
import type { PourStatus } from './wireEnums';
import { describeSchemaIssues } from '../api/issueWords';

interface PourStatusActionsProps {
  pour: PourDto;
  onChanged: (pour: PourDto) => void;
  /** The API said no: what we showed may be stale, so the pour is fetched again. */
  onRefused: () => void;
}

/** Moving backwards or calling off gets a quieter or a red button; moving forward is the main one. */
function buttonClass(from: PourStatus, to: PourStatus): string {
  if (to === 'cancelled') return 'button button--danger';
  if (to === 'draft' || (from === 'ready' && to === 'confirmed')) return 'button';
  return 'button button--primary';
}

export function PourStatusActions({ pour, onChanged, onRefused }: PourStatusActionsProps) {
  const { t } = useI18n();
  const api = useApi();
  const canChange = usePermission('pours.change-status');
  const canOverride = usePermission('pours.override-document-gate');
  const [pending, setPending] = useState<PourStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [reason, setReason] = useState('');

  const undelivered = pour.undeliveredDocumentTypes;
  const gateApplies = undelivered.length > 0 && pour.allowedTransitions.includes('ready');

  async function submit(candidate: { status: PourStatus; overrideReason?: string }) {
    const request = ChangePourStatusRequest.safeParse(candidate);
    if (!request.success) {
      setError(describeSchemaIssues(request.error.issues, t, candidate));
      return;
    }
    setPending(candidate.status);
    setError(null);
    try {
      onChanged(await changePourStatus(api, pour.id, request.data));
      setOverrideOpen(false);
      setReason('');
    } catch (failure) {
      setError(errorMessage(failure, t));
      if (failure instanceof ApiRequestError && !failure.isNetworkFailure) onRefused();
    } finally {
      setPending(null);
    }
  }

  function onAction(status: PourStatus) {
    // An administrator decides with the list in front of them; anyone else asks the API, which has the last word.
    if (status === 'ready' && gateApplies && canOverride) {
      setOverrideOpen(true);
      setError(null);
      return;
    }
    void submit({ status });
  }

  return (
    <section className="panel status-panel" aria-labelledby="actions-title" data-testid="status-actions">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {pour.allowedTransitions.length === 0 && <p className="muted">{t('actions.noneLeft')}</p>}
      {pour.allowedTransitions.length > 0 && !canChange && <p className="muted">{t('actions.readOnly')}</p>}
      {canChange && pour.allowedTransitions.length > 0 && (
        <div className="action-row">
          {pour.allowedTransitions.map((status) => (
            <button
              key={status}
              type="button"
              className={buttonClass(pour.status, status)}
              data-testid={`status-action-${status}`}
              disabled={pending !== null}
              aria-expanded={status === 'ready' && gateApplies && canOverride ? overrideOpen : undefined}
              onClick={() => onAction(status)}
            >
              {pending === status ? t('actions.working') : t(`action.${status}`)}
            </button>
          ))}
        </div>
      )}
      {gateApplies && (
        <div className="gate-box" data-testid="document-gate">
          <p className="gate-title">{t('actions.undeliveredTitle')}</p>
          <ul className="gate-list">
            {undelivered.map((type) => (
              <li key={type} data-document-type={type}>
                {documentTypeLabel(type, t)}
              </li>
            ))}
          </ul>
          <p className="muted">{t('actions.gateExplained')}</p>
          {canChange && canOverride && overrideOpen && (
            <form
              className="override-form"
              onSubmit={(event) => {
                event.preventDefault();
                void submit({ status: 'ready', overrideReason: reason });
              }}
            >
              <label className="field">
                <span>{t('actions.overrideReason')}</span>
                <textarea
                  data-testid="override-reason"
                  rows={3}
                  value={reason}
                  placeholder={t('actions.overridePlaceholder')}
                  onChange={(event) => setReason(event.target.value)}
                  autoFocus
                />
              </label>
              <div className="action-row">
                <button
                  type="submit"
                  className="button button--warning"
                  data-testid="override-submit"
                  disabled={pending !== null}
                >
                  {pending === 'ready' ? t('actions.working') : t('actions.overrideSubmit')}
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => {
                    setOverrideOpen(false);
                    setError(null);
                  }}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </section>
  );
}
