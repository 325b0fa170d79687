import { describeIssue } from '../api/issueWords';
import { useI18n } from '../i18n/useI18n';
import type { QcPreview } from './qcPreview';
import { QcReasonList } from './QcReasonList';

/** The rules' verdict on what is typed so far; the server's answer after submitting is the record. */
export function QcPreviewBox({ preview, unreadable }: { preview: QcPreview; unreadable: boolean }) {
  const { t } = useI18n();
  if (unreadable) {
    return (
      <div className="qc-preview qc-preview--pending" data-testid="qc-preview" role="status">
        {t('qc.form.unreadable')}
      </div>
    );
  }
  switch (preview.status) {
    case 'incomplete':
      return (
        <div className="qc-preview qc-preview--pending" data-testid="qc-preview" role="status">
          {t('qc.preview.waiting')}
        </div>
      );
    case 'implausible':
      return (
        <div className="qc-preview qc-preview--implausible" data-testid="qc-preview" role="status">
          <strong>{t('qc.preview.implausible')}</strong>{' '}
          {preview.issue ? describeIssue(preview.issue, t) : preview.message}
        </div>
      );
    case 'ready':
      return (
        <div
          className={`qc-preview qc-preview--${preview.pass ? 'pass' : 'fail'}`}
          data-testid="qc-preview"
          data-pass={String(preview.pass)}
          data-outcome={preview.outcome}
          role="status"
        >
          <p className="qc-preview-verdict">
            <span className="qc-preview-mark" aria-hidden="true">
              {preview.pass ? '✓' : '✕'}
            </span>
            {preview.pass ? t('qc.preview.pass') : t('qc.preview.fail')}
            <span className="qc-preview-outcome">{t(`qc.preview.outcome.${preview.outcome}`)}</span>
          </p>
          <QcReasonList reasons={preview.reasons} testId="qc-preview-reason" />
          <p className="qc-preview-note muted">{t('qc.preview.note')}</p>
        </div>
      );
  }
}
