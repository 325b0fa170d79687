import { QC_GROUPINGS, type QcGrouping } from '@pourline/contracts';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { CHART_COLOURS } from './chartColours';
import { getQcPassRates, type ReportRange, saveReportCsv } from './reportEndpoints';
import { ReportSection } from './ReportSection';
import { useReport } from './useReport';

/** QC pass rates, by mix, plant or inspector. */
export function QcPassRateReport({ range }: { range: ReportRange }) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const [by, setBy] = useState<QcGrouping>('mix');
  const rates = useReport('qc-pass-rates', range, (client, signal) => getQcPassRates(client, range, by, signal), by);
  const rows = rates.data ?? [];
  return (
    <ReportSection
      id="qc"
      title={t('reports.qc.title')}
      tools={
        <label className="field field--inline">
          <span className="field-label">{t('reports.qc.by')}</span>
          <select data-testid="report-qc-by" value={by} onChange={(event) => setBy(event.target.value as QcGrouping)}>
            {QC_GROUPINGS.map((grouping) => (
              <option key={grouping} value={grouping}>
                {t(`reports.qc.by.${grouping}`)}
              </option>
            ))}
          </select>
        </label>
      }
      error={rates.error}
      loading={!rates.data && rates.loading}
      empty={rows.length === 0}
      onCsv={() => saveReportCsv(api, 'qc-pass-rates', range, { by })}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} layout="vertical" margin={{ left: 16 }}>
            <CartesianGrid stroke={CHART_COLOURS.grid} horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="passRatePercent" name={t('reports.qc.passRate')} fill={CHART_COLOURS.neutral} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="report-table" data-testid="report-qc-table">
          <thead>
            <tr>
              <th>{t(`reports.qc.by.${by}`)}</th>
              <th className="numeric">{t('reports.qc.tests')}</th>
              <th className="numeric">{t('reports.qc.passed')}</th>
              <th className="numeric">{t('reports.qc.passRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.label}</td>
                <td className="numeric">{row.tests}</td>
                <td className="numeric">{row.passed}</td>
                <td className="numeric">{formatNumber(row.passRatePercent)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
