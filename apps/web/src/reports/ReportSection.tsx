import type { ReactNode } from 'react';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';

/** A report: its title, a chart, its table, and the table as CSV. */
export function ReportSection({
  id,
  title,
  tools,
  error,
  loading,
  empty,
  chart,
  table,
  onCsv,
}: {
  id: string;
  title: string;
  tools?: ReactNode;
  error: unknown;
  loading: boolean;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
  onCsv: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [csvError, setCsvError] = useState<string | null>(null);
  return (
    <section className="panel report-section" data-testid={`report-${id}`}>
      <div className="report-section-head">
        <h2>{title}</h2>
        <div className="report-section-tools">
          {tools}
          <button
            type="button"
            className="button"
            data-testid={`report-${id}-csv`}
            onClick={() => {
              setCsvError(null);
              onCsv().catch((failure: unknown) => setCsvError(errorMessage(failure, t)));
            }}
          >
            {t('reports.csv')}
          </button>
        </div>
      </div>
      {error !== undefined && <p className="form-error">{errorMessage(error, t)}</p>}
      {csvError && <p className="form-error">{csvError}</p>}
      {loading && <p className="status-note">{t('app.loading')}</p>}
      {!loading && empty && <p className="muted">{t('reports.empty')}</p>}
      {!empty && (
        <div className="report-body">
          <div className="report-chart">{chart}</div>
          {/* It scrolls sideways when the table is wider: focusable, so a keyboard can scroll it too. */}
          <div className="report-table-wrap" tabIndex={0} role="region" aria-label={title}>
            {table}
          </div>
        </div>
      )}
    </section>
  );
}
