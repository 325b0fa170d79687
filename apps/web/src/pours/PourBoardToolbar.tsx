import { shiftCalendarDay } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';
import { usePlantsZone } from '../time/usePlantsZone';
import { usePlantToday } from '../time/usePlantToday';
import { formatPlantTime } from './plantTime';
import type { PourBoardFilters } from './pourBoardFilters';
import { isPourStatus, POUR_STATUS_OPTIONS } from './wireEnums';

interface PourBoardToolbarProps {
  filters: PourBoardFilters;
  onFiltersChange: (filters: PourBoardFilters) => void;
  loading: boolean;
  loadedAt: Date | undefined;
  onRefresh: () => void;
  onNewPour?: () => void;
}

export function PourBoardToolbar({
  filters,
  onFiltersChange,
  loading,
  loadedAt,
  onRefresh,
  onNewPour,
}: PourBoardToolbarProps) {
  const { t, locale } = useI18n();
  const today = usePlantToday();
  const zone = usePlantsZone();
  const setDay = (day: string) => onFiltersChange({ ...filters, day });

  return (
    <div className="toolbar" role="toolbar" aria-label={t('board.title')}>
      <div className="toolbar-group">
        <button
          type="button"
          className="button button--icon"
          aria-label={t('board.previousDay')}
          title={t('board.previousDay')}
          onClick={() => setDay(shiftCalendarDay(filters.day, -1))}
        >
          ‹
        </button>
        <label className="field field--inline">
          <span className="visually-hidden">{t('board.day')}</span>
          <input
            type="date"
            data-testid="board-day"
            value={filters.day}
            required
            onChange={(event) => {
              if (event.target.value) setDay(event.target.value);
            }}
          />
        </label>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('board.nextDay')}
          title={t('board.nextDay')}
          onClick={() => setDay(shiftCalendarDay(filters.day, 1))}
        >
          ›
        </button>
        <button type="button" className="button" disabled={filters.day === today} onClick={() => setDay(today)}>
          {t('board.today')}
        </button>
      </div>
      <label className="field field--inline">
        <span className="field-label">{t('board.status')}</span>
        <select
          data-testid="board-status-filter"
          value={filters.status}
          onChange={(event) => {
            const value = event.target.value;
            onFiltersChange({ ...filters, status: isPourStatus(value) ? value : '' });
          }}
        >
          <option value="">{t('board.allStatuses')}</option>
          {POUR_STATUS_OPTIONS.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar-group toolbar-group--end">
        {loadedAt && (
          <span className="muted toolbar-note" aria-live="polite">
            {loading
              ? t('board.refreshing')
              : t('board.updatedAt', {
                  time: formatPlantTime(loadedAt.toISOString(), zone, locale, { timeStyle: 'medium' }),
                })}
          </span>
        )}
        <button type="button" className="button" data-testid="board-refresh" onClick={onRefresh} disabled={loading}>
          <span aria-hidden="true">⟳</span> {t('board.refresh')}
        </button>
        {onNewPour && (
          <button type="button" className="button button--primary" data-testid="new-pour" onClick={onNewPour}>
            <span aria-hidden="true">+</span> {t('editor.new')}
          </button>
        )}
      </div>
    </div>
  );
}
