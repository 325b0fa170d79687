import '../aftersales/aftersales.css';
import type { AlertDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { ComplaintTable } from '../aftersales/ComplaintTable';
import { useComplaints } from '../aftersales/useComplaints';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { EvidenceLoadCard } from './EvidenceLoadCard';
import { TRACE_COLOURS, EvidenceTraceMap } from './EvidenceTraceMap';
import { saveEvidencePdf, savePourLoadsCsv } from './evidenceEndpoints';
import { PourFigures } from './PourFigures';
import { describeQcReasons } from '../qc/qcReasonWords';
import { describeAlert } from '../live/alertWords';
import { alertFromDto } from '../live/liveAlerts';
import { useEvidence } from './useEvidence';

const alertPourId = (alert: AlertDto): string | undefined => {
  const payload = alert.payload as { pourId?: string; load?: { pourId?: string } } | null;
  return payload?.load?.pourId ?? payload?.pourId;
};

/**
 * Everything that happened to one pour, for after-sales: its figures, the
 * trucks' traces, non-conformances, alerts and complaints, then each load's
 * ticket, times, tests and specimens, and the pour's log; as a PDF too.
 */
export function PourEvidenceView({
  pourId,
  canSeeComplaints,
  onBack,
  onOpenComplaint,
}: {
  pourId: string;
  canSeeComplaints: boolean;
  onBack: () => void;
  onOpenComplaint: (complaintId: string) => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const api = useApi();
  const { pack, report, nonConformances, alerts } = useEvidence(pourId);
  const complaints = useComplaints(canSeeComplaints ? { pourId } : { pourId, state: 'closed' });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const data = pack.data;
  const time = (iso: string) => formatPlantTime(iso, data?.plantTimeZone ?? 'UTC', locale);
  const pourAlerts = (alerts.data ?? []).filter((alert) => alertPourId(alert) === pourId);
  const download = (work: () => Promise<void>) => {
    setDownloadError(null);
    work().catch((error: unknown) => setDownloadError(errorMessage(error, t)));
  };

  return (
    <div className="evidence-view" data-testid="evidence-view">
      <button type="button" className="button button--ghost" onClick={onBack}>
        ← {t('evidence.back')}
      </button>
      {pack.error !== undefined && <p className="form-error">{errorMessage(pack.error, t)}</p>}
      {!data && pack.loading && <p className="status-note">{t('app.loading')}</p>}
      {data && (
        <>
          <header className="complaint-header">
            <div>
              <p className="muted">{t('evidence.title')}</p>
              <h1 className="section-heading">{data.structuralElement}</h1>
              <p className="muted">
                {data.customerName} · {data.projectName} · {data.plantName} · {time(data.scheduledStart)} ·{' '}
                {data.volumeM3} m³ {data.mixCode}
              </p>
            </div>
            <div className="complaint-header-side">
              <button
                type="button"
                className="button button--primary"
                data-testid="evidence-pdf"
                onClick={() => download(() => saveEvidencePdf(api, pourId, locale === 'zh-CN' ? 'zh-CN' : 'en'))}
              >
                {t('evidence.pdf')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="evidence-csv"
                onClick={() => download(() => savePourLoadsCsv(api, pourId))}
              >
                {t('reports.csv')}
              </button>
            </div>
          </header>
          {downloadError && <p className="form-error">{downloadError}</p>}
          {report.data && <PourFigures report={report.data} />}
          <div className="evidence-columns">
            <section className="panel">
              <h2>{t('evidence.map')}</h2>
              <EvidenceTraceMap loads={data.loads} />
            </section>
            <div className="evidence-side">
              <section className="panel" data-testid="evidence-ncs">
                <h2>{t('evidence.nonConformances')}</h2>
                {nonConformances.data?.length === 0 && <p className="muted">{t('evidence.noNonConformances')}</p>}
                <ul className="evidence-list">
                  {nonConformances.data?.map((record) => (
                    <li key={record.id}>
                      <strong className="mono">{record.ticketNumber}</strong> · {record.volumeM3} m³ ·{' '}
                      {time(record.openedAt)} · {t(`evidence.ncStatus.${record.status}`)}
                      <div className="muted">{describeQcReasons(record.reasons, t, formatNumber)}</div>
                    </li>
                  ))}
                </ul>
              </section>
              <section className="panel" data-testid="evidence-alerts">
                <h2>{t('evidence.alerts')}</h2>
                {pourAlerts.length === 0 && <p className="muted">{t('evidence.noAlerts')}</p>}
                <ul className="evidence-list">
                  {pourAlerts.map((alert) => (
                    <li key={alert.seq}>
                      <span className="muted">{time(alert.at)}</span>{' '}
                      {describeAlert(alertFromDto(alert), undefined, t, formatNumber)}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </div>
          {canSeeComplaints && complaints.data && complaints.data.length > 0 && (
            <section className="panel">
              <h2>{t('evidence.complaints')}</h2>
              <ComplaintTable complaints={complaints.data} onOpen={onOpenComplaint} />
            </section>
          )}
          <h2 className="section-heading">{t('evidence.loads', { count: data.loads.length })}</h2>
          {data.loads.length === 0 && <p className="muted">{t('evidence.noLoads')}</p>}
          <div className="evidence-loads">
            {data.loads.map((load, index) => (
              <EvidenceLoadCard
                key={load.loadId}
                load={load}
                timeZone={data.plantTimeZone}
                colour={TRACE_COLOURS[index % TRACE_COLOURS.length]}
              />
            ))}
          </div>
          <section className="panel" data-testid="evidence-messages">
            <h2>{t('evidence.messages')}</h2>
            {data.messages.length === 0 && <p className="muted">{t('evidence.noMessages')}</p>}
            <ul className="evidence-list">
              {data.messages.map((message) => (
                <li key={message.at + message.byName}>
                  <span className="muted">{time(message.at)}</span> <strong>{message.byName}</strong>:{' '}
                  {t(`pourLog.code.${message.code}`, { ...message.params, text: message.text })}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
