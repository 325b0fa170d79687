import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { CHART_COLOURS } from './chartColours';
import { getProduction, type ReportRange, saveReportCsv } from './reportEndpoints';
import { ReportSection } from './ReportSection';
import { useReport } from './useReport';

/** Daily production per plant: delivered and rejected cubic metres, day by day. */
export function ProductionReport({ range }: { range: ReportRange }) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const days = useReport('production', range, (client, signal) => getProduction(client, range, signal));
  const rows = days.data ?? [];
  // One bar per day: plants summed for the chart; the table keeps them apart.
  const byDay = [
    ...rows
      .reduce((map, row) => {
        const day = map.get(row.day) ?? { day: row.day, delivered: 0, rejected: 0 };
        day.delivered += row.deliveredM3;
        day.rejected += row.rejectedM3;
        return map.set(row.day, day);
      }, new Map<string, { day: string; delivered: number; rejected: number }>())
      .values(),
  ];
  return (
    <ReportSection
      id="production"
      title={t('reports.production.title')}
      error={days.error}
      loading={!days.data && days.loading}
      empty={rows.length === 0}
      onCsv={() => saveReportCsv(api, 'production', range)}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={byDay}>
            <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} unit=" m³" width={64} />
            <Tooltip />
            <Legend />
            <Bar dataKey="delivered" name={t('reports.production.delivered')} stackId="m3" fill={CHART_COLOURS.good} />
            <Bar dataKey="rejected" name={t('reports.production.rejected')} stackId="m3" fill={CHART_COLOURS.bad} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="report-table" data-testid="report-production-table">
          <thead>
            <tr>
              <th>{t('reports.column.day')}</th>
              <th>{t('reports.column.plant')}</th>
              <th className="numeric">{t('reports.column.loads')}</th>
              <th className="numeric">{t('reports.production.delivered')}</th>
              <th className="numeric">{t('reports.production.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day + row.plantId}>
                <td>{row.day}</td>
                <td>{row.plantName}</td>
                <td className="numeric">{row.loads}</td>
                <td className="numeric">{formatNumber(row.deliveredM3)}</td>
                <td className="numeric">{formatNumber(row.rejectedM3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
