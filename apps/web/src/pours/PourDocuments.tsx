import type { PourDto } from '@pourline/contracts';
import { errorMessage } from '../api/errorMessage';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { DocumentItem } from './DocumentItem';
import { DocumentUploadForm } from './DocumentUploadForm';
import { usePourDocuments } from './usePourDocuments';
import { isDocumentType } from './wireEnums';

interface PourDocumentsProps {
  pour: PourDto;
  /** Uploads and deliveries change what the pour still owes. */
  onDocumentsChanged: () => void;
}

export function PourDocuments({ pour, onDocumentsChanged }: PourDocumentsProps) {
  const { t } = useI18n();
  const canManage = usePermission('documents.manage');
  const { data: documents, error, loading, reload } = usePourDocuments(pour.id);
  const refresh = () => {
    reload();
    onDocumentsChanged();
  };
  const owed = pour.undeliveredDocumentTypes.find(isDocumentType);

  return (
    <section className="panel" aria-labelledby="documents-title" data-testid="documents">
      <h2 id="documents-title">{t('docs.title')}</h2>
      {error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(error, t)}</span>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!documents && loading && <p className="status-note">{t('app.loading')}</p>}
      {documents && documents.length === 0 && <p className="muted">{t('docs.empty')}</p>}
      {documents && documents.length > 0 && (
        <ul className="document-list">
          {documents.map((document) => (
            <DocumentItem
              key={document.id}
              document={document}
              timeZone={pour.plantTimeZone}
              canManage={canManage}
              onDelivered={refresh}
            />
          ))}
        </ul>
      )}
      {canManage && <DocumentUploadForm pourId={pour.id} suggestedType={owed ?? 'other'} onUploaded={refresh} />}
    </section>
  );
}
