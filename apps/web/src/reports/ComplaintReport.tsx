import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { CHART_COLOURS } from './chartColours';
import { getComplaintStats, type ReportRange, saveReportCsv } from './reportEndpoints';
import { ReportSection } from './ReportSection';
import { useReport } from './useReport';

const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

/** Complaints by category: how many, how many still open, and the time to resolve them. */
export function ComplaintReport({ range }: { range: ReportRange }) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const stats = useReport('complaint-stats', range, (client, signal) => getComplaintStats(client, range, signal));
  const rows = stats.data ?? [];
  const chartRows = rows.map((row) => ({ ...row, name: t(`complaints.category.${row.category}`) }));
  const shownHours = (minutes: number | null) =>
    minutes === null ? t('common.none') : `${formatNumber(hours(minutes)!)} h`;
  return (
    <ReportSection
      id="complaints"
      title={t('reports.complaints.title')}
      error={stats.error}
      loading={!stats.data && stats.loading}
      empty={rows.length === 0}
      onCsv={() => saveReportCsv(api, 'complaints', range)}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={chartRows}>
            <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend />
            <Bar dataKey="closed" name={t('reports.complaints.closed')} stackId="n" fill={CHART_COLOURS.good} />
            <Bar dataKey="open" name={t('reports.complaints.open')} stackId="n" fill={CHART_COLOURS.bad} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="report-table" data-testid="report-complaints-table">
          <thead>
            <tr>
              <th>{t('complaints.field.category')}</th>
              <th className="numeric">{t('reports.complaints.received')}</th>
              <th className="numeric">{t('reports.complaints.open')}</th>
              <th className="numeric">{t('reports.complaints.closed')}</th>
              <th className="numeric">{t('reports.complaints.meanToResolve')}</th>
              <th className="numeric">{t('reports.complaints.maxToResolve')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <td>{t(`complaints.category.${row.category}`)}</td>
                <td className="numeric">{row.received}</td>
                <td className="numeric">{row.open}</td>
                <td className="numeric">{row.closed}</td>
                <td className="numeric">{shownHours(row.meanMinutesToResolve)}</td>
                <td className="numeric">{shownHours(row.maxMinutesToResolve)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
