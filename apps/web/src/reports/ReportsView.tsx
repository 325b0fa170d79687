import '../aftersales/aftersales.css';
import { shiftCalendarDay } from '@pourline/domain';
import { useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { usePlants } from '../map/usePlants';
import { usePlantToday } from '../time/usePlantToday';
import { ComplaintReport } from './ComplaintReport';
import { ProductionReport } from './ProductionReport';
import { QcPassRateReport } from './QcPassRateReport';
import type { ReportRange } from './reportEndpoints';

/** Production, quality and service over a range of days, each with its chart, its table and its CSV. */
export function ReportsView() {
  const { t } = useI18n();
  const plants = usePlants();
  // The last 30 days on the plants' calendar, following it past midnight until someone picks a range.
  const today = usePlantToday();
  const [picked, setRange] = useState<ReportRange | null>(null);
  const range = picked ?? { from: shiftCalendarDay(today, -29), to: today, plantId: '' };
  return (
    <div className="reports-view" data-testid="reports-view">
      <div className="aftersales-toolbar">
        <h1 className="section-heading">{t('reports.title')}</h1>
        <div className="report-range">
          <label className="field field--inline">
            <span className="field-label">{t('reports.from')}</span>
            <input
              type="date"
              data-testid="report-from"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label className="field field--inline">
            <span className="field-label">{t('reports.to')}</span>
            <input
              type="date"
              data-testid="report-to"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            />
          </label>
          <label className="field field--inline">
            <span className="field-label">{t('reports.column.plant')}</span>
            <select
              data-testid="report-plant"
              value={range.plantId}
              onChange={(e) => setRange({ ...range, plantId: e.target.value })}
            >
              <option value="">{t('reports.allPlants')}</option>
              {plants.data?.map((plant) => (
                <option key={plant.id} value={plant.id}>
                  {plant.code} · {plant.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <ProductionReport range={range} />
      <QcPassRateReport range={range} />
      <ComplaintReport range={range} />
    </div>
  );
}
