import type { LoadDto, NonConformanceDto, PourDto, TruckDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { OperatorPourCard } from './OperatorPourCard';
import type { DispatchPermissions } from './PourDispatchControls';

interface OperatorPourBoardProps {
  pours: readonly PourDto[] | undefined;
  loading: boolean;
  loadsByPour: ReadonlyMap<string, LoadDto[]>;
  nonConformances: ReadonlyMap<string, NonConformanceDto[]>;
  focusedPourId: string | null;
  now: number;
  onFocus: (pourId: string) => void;
  onOpenDetail: (pourId: string) => void;
  onSelectTruck: (truckId: string) => void;
  trucks: readonly TruckDto[];
  permissions: DispatchPermissions;
  onPourChanged: (pour: PourDto) => void;
}

const NO_LOADS: LoadDto[] = [];

/** Today's pours, active first, each with its volumes, pace, next arrival, pump and open issues. */
export function OperatorPourBoard(props: OperatorPourBoardProps) {
  const { pours, loading, loadsByPour, nonConformances, focusedPourId, now, onFocus, onOpenDetail, onSelectTruck } =
    props;
  const { trucks, permissions, onPourChanged } = props;
  const { t, formatNumber } = useI18n();
  const pumpStatuses = useLive((state) => state.pumpStatuses);
  const totalM3 = (pours ?? []).reduce((sum, pour) => sum + pour.volumeM3, 0);

  return (
    <section
      className="op-board"
      data-testid="operator-pour-board"
      aria-labelledby="op-board-title"
      aria-busy={loading}
    >
      <div className="op-section-head">
        <h2 id="op-board-title">{t('live.board.title')}</h2>
        {pours && (
          <span className="muted">{t('board.count', { count: pours.length, volume: formatNumber(totalM3) })}</span>
        )}
      </div>
      {!pours && loading && <p className="status-note">{t('app.loading')}</p>}
      {pours?.length === 0 && <p className="status-note">{t('live.board.empty')}</p>}
      {pours && pours.length > 0 && (
        <ol className="op-pour-list">
          {pours.map((pour) => (
            <OperatorPourCard
              key={pour.id}
              pour={pour}
              loads={loadsByPour.get(pour.id) ?? NO_LOADS}
              nonConformances={nonConformances.get(pour.id)}
              pumpStatus={pour.pumpId ? pumpStatuses.get(pour.pumpId) : undefined}
              focused={pour.id === focusedPourId}
              now={now}
              onFocus={onFocus}
              onOpenDetail={onOpenDetail}
              onSelectTruck={onSelectTruck}
              trucks={trucks}
              pours={pours}
              permissions={permissions}
              onPourChanged={onPourChanged}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
