import './operator.css';
import type { LoadDto, PourDto } from '@pourline/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { isPourStatus } from '../pours/wireEnums';
import { OpenRequestsList } from '../requests/OpenRequestsList';
import { useRequestsSync } from '../requests/useRequestsSync';
import { PlantTimelinePanel } from '../dispatch/PlantTimelinePanel';
import { LiveEventsList } from './LiveEventsList';
import { OperatorMap } from './OperatorMap';
import { OperatorPourBoard } from './OperatorPourBoard';
import type { DispatchPermissions } from './PourDispatchControls';
import { boardOrder } from './pourProgress';
import { TruckDetails } from './TruckDetails';
import { useNow } from './useNow';
import { useOpenAlertsSync } from './useOpenAlertsSync';
import { useOperatorSnapshot } from './useOperatorSnapshot';
import { usePourLoadsSync } from './usePourLoadsSync';

const ACTIVE: ReadonlySet<PourDto['status']> = new Set(['in_progress', 'ready']);
const WITHOUT_LOADS: ReadonlySet<PourDto['status']> = new Set(['draft', 'cancelled']);

interface OperatorViewProps {
  onOpenPour: (pourId: string) => void;
}

/** The dispatch room's live view: the map with every truck, and today's pours beside it. */
export function OperatorView({ onOpenPour }: OperatorViewProps) {
  const { t } = useI18n();
  const snapshot = useOperatorSnapshot();
  const now = useNow();
  const liveStatuses = useLive((state) => state.pourStatuses);
  const loads = useLive((state) => state.loads);
  const [focusedPourId, setFocusedPourId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [selectedTruckId, setSelectedTruckId] = useState<string | null>(null);
  const dispatchLoads = usePermission('loads.dispatch');
  const holdPours = usePermission('pours.change-status');
  const canAcknowledge = usePermission('alerts.acknowledge');
  const canReadAlerts = usePermission('alerts.read');
  const canReadDispatch = usePermission('dispatch.read');
  const acknowledgeRequests = usePermission('pours.request-acknowledge');
  const planLoads = usePermission('dispatch.plan');
  const permissions = useMemo<DispatchPermissions>(
    () => ({ dispatchLoads, holdPours, acknowledgeRequests, readPlan: canReadDispatch, planLoads }),
    [dispatchLoads, holdPours, acknowledgeRequests, canReadDispatch, planLoads],
  );
  useOpenAlertsSync(canReadAlerts);
  useRequestsSync(null);

  // A status, or a planned volume, pushed live wins over the list fetched earlier.
  const pours = useMemo(() => {
    const fetched = snapshot.pours.data;
    if (!fetched) return undefined;
    return fetched
      .map((pour) => {
        const live = liveStatuses.get(pour.id);
        const status = live && isPourStatus(live.status) ? live.status : pour.status;
        const volumeM3 = live?.volumeM3 ?? pour.volumeM3;
        return status !== pour.status || volumeM3 !== pour.volumeM3 ? { ...pour, status, volumeM3 } : pour;
      })
      .sort(boardOrder);
  }, [snapshot.pours.data, liveStatuses]);

  // Another console held or resumed a pour: the live event says so without the reason, so fetch the pours again.
  const { reload: reloadPours, setData: setPours } = snapshot.pours;
  const staleHolds = useMemo(() => {
    const fetched = snapshot.pours.data ?? [];
    return fetched
      .filter((pour) => {
        const held = liveStatuses.get(pour.id)?.dispatchHeld;
        return held !== undefined && held !== (pour.dispatchHold != null);
      })
      .map((pour) => pour.id)
      .join(',');
  }, [snapshot.pours.data, liveStatuses]);
  useEffect(() => {
    if (staleHolds) reloadPours();
  }, [staleHolds, reloadPours]);

  const onPourChanged = useCallback(
    (changed: PourDto) => {
      const fetched = snapshot.pours.data;
      if (fetched) setPours(fetched.map((pour) => (pour.id === changed.id ? changed : pour)));
    },
    [snapshot.pours.data, setPours],
  );

  const activePours = useMemo(() => (pours ?? []).filter((pour) => ACTIVE.has(pour.status)), [pours]);
  const syncedPourIds = useMemo(
    () => (pours ?? []).filter((pour) => !WITHOUT_LOADS.has(pour.status)).map((pour) => pour.id),
    [pours],
  );
  const nonConformances = usePourLoadsSync(syncedPourIds);

  const loadsByPour = useMemo(() => {
    const byPour = new Map<string, LoadDto[]>();
    for (const load of loads.values()) {
      const list = byPour.get(load.pourId);
      if (list) list.push(load);
      else byPour.set(load.pourId, [load]);
    }
    return byPour;
  }, [loads]);

  const focusPour = useCallback((pourId: string) => {
    setFocusedPourId((current) => (current === pourId ? current : pourId));
    setFocusRequest((count) => count + 1);
  }, []);
  const selectTruck = useCallback((truckId: string | null) => setSelectedTruckId(truckId), []);

  const focusedPour = pours?.find((pour) => pour.id === focusedPourId) ?? null;
  const plants = snapshot.plants.data ?? [];
  const snapshotError = snapshot.pours.error ?? snapshot.plants.error ?? snapshot.trucks.error;

  return (
    <div className="operator-view" data-testid="operator-view">
      <div className="operator-map-area">
        <OperatorMap
          plants={plants}
          projects={snapshot.projects.data ?? []}
          pumps={snapshot.pumps.data ?? []}
          trucks={snapshot.trucks.data ?? []}
          activePours={activePours}
          focusedPour={focusedPour}
          focusRequest={focusRequest}
          selectedTruckId={selectedTruckId}
          onSelectTruck={selectTruck}
        />
        {selectedTruckId && (
          <TruckDetails
            truckId={selectedTruckId}
            trucks={snapshot.trucks.data ?? []}
            plants={plants}
            pours={pours ?? []}
            now={now}
            canDispatch={dispatchLoads}
            onClose={() => setSelectedTruckId(null)}
          />
        )}
      </div>
      <div className="operator-side">
        {snapshotError !== undefined && (
          <div className="banner banner--error" role="alert">
            <span>{errorMessage(snapshotError, t)}</span>
            <button type="button" className="button" onClick={snapshot.pours.reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        <OpenRequestsList pours={pours ?? []} now={now} canAcknowledge={acknowledgeRequests} onFocusPour={focusPour} />
        <OperatorPourBoard
          pours={pours}
          loading={snapshot.pours.loading}
          loadsByPour={loadsByPour}
          nonConformances={nonConformances}
          focusedPourId={focusedPourId}
          now={now}
          onFocus={focusPour}
          onOpenDetail={onOpenPour}
          onSelectTruck={selectTruck}
          trucks={snapshot.trucks.data ?? []}
          permissions={permissions}
          onPourChanged={onPourChanged}
        />
        {canReadDispatch && <PlantTimelinePanel plants={plants} />}
        <LiveEventsList
          plants={plants}
          pumps={snapshot.pumps.data ?? []}
          pours={pours ?? []}
          trucks={snapshot.trucks.data ?? []}
          canAcknowledge={canAcknowledge}
          onFocusPour={focusPour}
          onSelectTruck={selectTruck}
        />
      </div>
    </div>
  );
}
