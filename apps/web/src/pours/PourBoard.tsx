import { errorMessage } from '../api/errorMessage';
import { OpenPourOrders } from '../customer/OpenPourOrders';
import { useI18n } from '../i18n/useI18n';
import type { PourBoardFilters } from './pourBoardFilters';
import { PourBoardToolbar } from './PourBoardToolbar';
import { PourRow } from './PourRow';
import { usePoursOfDay } from './usePoursOfDay';

interface PourBoardProps {
  filters: PourBoardFilters;
  onFiltersChange: (filters: PourBoardFilters) => void;
  onOpen: (pourId: string) => void;
  /** Given only to people who may plan pours. */
  onNewPour?: () => void;
}

export function PourBoard({ filters, onFiltersChange, onOpen, onNewPour }: PourBoardProps) {
  const { t, formatNumber } = useI18n();
  const { data: pours, error, loading, loadedAt, reload } = usePoursOfDay(filters);
  const totalVolumeM3 = (pours ?? []).reduce((sum, pour) => sum + pour.volumeM3, 0);

  return (
    <section className="pour-board" data-testid="pour-board" aria-labelledby="board-title" aria-busy={loading}>
      <div className="section-heading">
        <h1 id="board-title">{t('board.title')}</h1>
        {pours && (
          <span className="muted" data-testid="board-summary">
            {t('board.count', { count: pours.length, volume: formatNumber(totalVolumeM3) })}
          </span>
        )}
      </div>
      <PourBoardToolbar
        filters={filters}
        onFiltersChange={onFiltersChange}
        loading={loading}
        loadedAt={loadedAt}
        onRefresh={reload}
        onNewPour={onNewPour}
      />
      {error !== undefined && (
        <div className="banner banner--error" role="alert" data-testid="board-error">
          <span>{errorMessage(error, t)}</span>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!pours && loading && <p className="status-note">{t('app.loading')}</p>}
      {pours && pours.length === 0 && (
        <p className="status-note" data-testid="board-empty">
          {t('board.empty')}
        </p>
      )}
      {/* Customers' orders wait beside the day's plans for whoever plans pours. */}
      {onNewPour && <OpenPourOrders pours={pours ?? []} />}
      {pours && pours.length > 0 && (
        <div className="pour-table">
          <div className="pour-table-head" aria-hidden="true">
            <span>{t('board.col.start')}</span>
            <span>{t('board.col.project')}</span>
            <span>{t('board.col.element')}</span>
            <span>{t('board.col.volume')}</span>
            <span>{t('board.col.mix')}</span>
            <span>{t('board.col.pump')}</span>
            <span>{t('board.col.status')}</span>
          </div>
          <ol className="pour-list">
            {pours.map((pour) => (
              <PourRow key={pour.id} pour={pour} onOpen={onOpen} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
