import type { PlantDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { ProductionControlChart } from './ProductionControlChart';
import { ProductionControlTable } from './ProductionControlTable';
import { downloadProductionControlCsv, type PeriodQuery } from './strengthEndpoints';
import { useProductionControl } from './useProductionControl';

/** 'YYYY-MM' → its last day, 'YYYY-MM-DD'. */
function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** GB 50164 figures of the plant, month by month: a table, a chart of σ against its limit, and CSV. */
export function ProductionControlPanel({ plant }: { plant: PlantDto }) {
  const { t } = useI18n();
  const api = useApi();
  const [period, setPeriod] = useState<PeriodQuery>({});
  const control = useProductionControl(plant.id, period);
  const [csvError, setCsvError] = useState<string | null>(null);
  const shown = control.data;

  async function downloadCsv() {
    setCsvError(null);
    try {
      await downloadProductionControlCsv(api, plant.id, { from: shown?.from, to: shown?.to });
    } catch (failure) {
      setCsvError(errorMessage(failure, t));
    }
  }

  return (
    <section className="panel strength-control" data-testid="strength-control" aria-labelledby="strength-control-title">
      <div className="strength-panel-head">
        <h2 id="strength-control-title">{t('strength.control.title')}</h2>
        <button
          type="button"
          className="button"
          data-testid="strength-control-csv"
          disabled={!shown}
          onClick={() => void downloadCsv()}
        >
          {t('strength.control.csv')}
        </button>
      </div>
      {shown && (
        <div className="strength-period">
          <label className="field field--inline">
            <span className="field-label">{t('strength.control.from')}</span>
            <input
              type="month"
              data-testid="strength-control-from"
              value={shown.from.slice(0, 7)}
              max={shown.to.slice(0, 7)}
              onChange={(event) => event.target.value && setPeriod({ from: `${event.target.value}-01`, to: shown.to })}
            />
          </label>
          <label className="field field--inline">
            <span className="field-label">{t('strength.control.to')}</span>
            <input
              type="month"
              data-testid="strength-control-to"
              value={shown.to.slice(0, 7)}
              min={shown.from.slice(0, 7)}
              onChange={(event) =>
                event.target.value && setPeriod({ from: shown.from, to: lastDayOf(event.target.value) })
              }
            />
          </label>
        </div>
      )}
      {(control.error !== undefined || csvError) && (
        <p className="form-error" role="alert">
          {csvError ?? errorMessage(control.error, t)}
        </p>
      )}
      {!shown && control.loading && <p className="status-note">{t('app.loading')}</p>}
      {shown && shown.periods.every((entry) => entry.grades.length === 0) && (
        <p className="muted">{t('strength.control.empty')}</p>
      )}
      {shown && shown.periods.some((entry) => entry.grades.length > 0) && (
        <>
          <ProductionControlChart control={shown} />
          <ProductionControlTable control={shown} />
        </>
      )}
    </section>
  );
}
