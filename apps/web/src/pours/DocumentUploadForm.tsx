import { DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES, UploadDocumentFields } from '@pourline/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { describeSchemaIssues } from '../api/issueWords';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { uploadPourDocument } from './documentEndpoints';
import { DOCUMENT_TYPE_OPTIONS, type DocumentType, isDocumentType } from './wireEnums';

interface DocumentUploadFormProps {
  pourId: string;
  /** The first type still owed, so the usual case needs no choosing. */
  suggestedType: DocumentType;
  onUploaded: () => void;
}

const MAX_MB = MAX_DOCUMENT_BYTES / (1024 * 1024);

export function DocumentUploadForm({ pourId, suggestedType, onUploaded }: DocumentUploadFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<DocumentType>(suggestedType);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  /** The same file is already on the pour as this type: the person may still keep a second copy. */
  const [duplicate, setDuplicate] = useState(false);

  async function upload(confirmDuplicate: boolean) {
    const input = {
      type,
      title: title || t(`docType.${type}`),
      ...(confirmDuplicate ? { confirmDuplicate: 'true' } : {}),
    };
    const fields = UploadDocumentFields.safeParse(input);
    if (!fields.success) {
      return setError(describeSchemaIssues(fields.error.issues, t, input));
    }
    if (!file) return setError(t('docs.chooseFile'));
    if (file.size > MAX_DOCUMENT_BYTES) return setError(t('docs.fileTooLarge', { mb: MAX_MB }));
    if (!(DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) return setError(t('docs.fileWrongType'));

    setUploading(true);
    setError(null);
    setDuplicate(false);
    try {
      await uploadPourDocument(api, pourId, fields.data, file);
      setTitle('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    } catch (failure) {
      setError(errorMessage(failure, t));
      setDuplicate(failure instanceof ApiRequestError && failure.code === 'duplicate_document');
    } finally {
      setUploading(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void upload(false);
  }

  return (
    <form className="upload-form" onSubmit={submit} data-testid="document-upload-form" noValidate>
      <label className="field">
        <span>{t('docs.type')}</span>
        <select
          data-testid="document-type"
          value={type}
          onChange={(event) => {
            if (isDocumentType(event.target.value)) setType(event.target.value);
            setDuplicate(false);
          }}
        >
          {DOCUMENT_TYPE_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`docType.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('docs.titleLabel')}</span>
        <input
          data-testid="document-title"
          value={title}
          maxLength={200}
          placeholder={t(`docType.${type}`)}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('docs.file', { mb: MAX_MB })}</span>
        <input
          ref={fileInput}
          data-testid="document-file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setDuplicate(false);
          }}
        />
      </label>
      <div className="upload-submit">
        <button type="submit" className="button button--primary" data-testid="document-upload" disabled={uploading}>
          {uploading ? t('docs.uploading') : t('docs.upload')}
        </button>
      </div>
      {error && (
        <div className="form-error upload-error" role="alert" data-testid="documents-error">
          <p>{error}</p>
          {duplicate && (
            <button
              type="button"
              className="button button--small"
              data-testid="document-upload-duplicate"
              disabled={uploading}
              onClick={() => void upload(true)}
            >
              {t('documents.duplicate.keep')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
