import { errorMessage } from '../api/errorMessage';
import { ApiRequestError } from '../api/ApiRequestError';
import { useI18n } from '../i18n/useI18n';
import { PourMap } from '../map/PourMap';
import { PourLog } from '../pourlog/PourLog';
import { usePermission } from '../auth/usePermission';
import { PlanAgreement } from '../customer/PlanAgreement';
import { PourDocuments } from './PourDocuments';
import { PourHistory } from './PourHistory';
import { PourPlanPanel } from './PourPlanPanel';
import { PourStatusActions } from './PourStatusActions';
import { PourStatusBadge } from './PourStatusBadge';
import { formatPlantTime } from './plantTime';
import { UndeliveredBadge } from './UndeliveredBadge';
import { usePour } from './usePour';

interface PourDetailProps {
  pourId: string;
  onBack: () => void;
  /** Given only to people who may plan pours. */
  onEdit?: () => void;
  /** Given only to people who may read a pour's evidence pack. */
  onEvidence?: () => void;
}

export function PourDetail({ pourId, onBack, onEdit, onEvidence }: PourDetailProps) {
  const { t, locale, formatNumber } = useI18n();
  const { data: pour, error, loading, reload, setData } = usePour(pourId);
  // The pour's radio log is the producer's and the site's; the construction party answers the plan.
  const canReadLog = usePermission('pours.log.read');
  const canRespond = usePermission('pours.plan-respond');

  const backButton = (
    <button type="button" className="button button--ghost back-button" data-testid="pour-back" onClick={onBack}>
      <span aria-hidden="true">←</span> {t('detail.back')}
    </button>
  );

  if (!pour) {
    const notFound = error instanceof ApiRequestError && (error.statusCode === 404 || error.statusCode === 400);
    return (
      <section className="pour-detail" data-testid="pour-detail" aria-busy={loading}>
        {backButton}
        {loading && <p className="status-note">{t('app.loading')}</p>}
        {error !== undefined && !loading && (
          <div className="banner banner--error" role="alert">
            <span>{notFound ? t('detail.notFound') : errorMessage(error, t)}</span>
            {!notFound && (
              <button type="button" className="button" onClick={reload}>
                {t('common.retry')}
              </button>
            )}
          </div>
        )}
      </section>
    );
  }

  return (
    <section
      className="pour-detail"
      data-testid="pour-detail"
      data-pour-id={pour.id}
      data-status={pour.status}
      aria-labelledby="pour-title"
    >
      <div className="detail-header">
        {backButton}
        <div className="detail-heading">
          <h1 id="pour-title">{pour.structuralElement}</h1>
          <p className="detail-subtitle">
            {pour.projectName} · {pour.customerName} ·{' '}
            <time dateTime={pour.scheduledStart}>
              {formatPlantTime(pour.scheduledStart, pour.plantTimeZone, locale)}
            </time>{' '}
            · {formatNumber(pour.volumeM3)} m³
          </p>
        </div>
        <div className="detail-badges">
          <PourStatusBadge status={pour.status} testId="pour-status" large />
          <UndeliveredBadge types={pour.undeliveredDocumentTypes} />
          {onEvidence && (
            <button type="button" className="button" data-testid="open-evidence" onClick={onEvidence}>
              {t('evidence.open')}
            </button>
          )}
          {onEdit && (
            <button type="button" className="button" data-testid="edit-plan" onClick={onEdit}>
              {t('editor.edit')}
            </button>
          )}
        </div>
      </div>
      {error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(error, t)}</span>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {/* Two columns on wide screens; on tablets the columns dissolve and each panel takes its order. */}
      <div className="detail-grid">
        <div className="detail-column detail-column--main">
          <div className="detail-slot detail-slot--map">
            <PourMap pour={pour} />
          </div>
          <div className="detail-slot detail-slot--documents">
            <PourDocuments pour={pour} onDocumentsChanged={reload} />
          </div>
          {canReadLog && (
            <div className="detail-slot detail-slot--log">
              <PourLog pourId={pour.id} />
            </div>
          )}
        </div>
        <div className="detail-column detail-column--side">
          <div className="detail-slot detail-slot--status">
            <PourStatusActions pour={pour} onChanged={setData} onRefused={reload} />
          </div>
          <div className="detail-slot detail-slot--plan">
            <PourPlanPanel pour={pour} />
          </div>
          <div className="detail-slot detail-slot--agreement panel">
            <PlanAgreement pourId={pour.id} canRespond={canRespond} />
          </div>
          <div className="detail-slot detail-slot--history">
            <PourHistory pour={pour} />
          </div>
        </div>
      </div>
    </section>
  );
}
