import type { LoadDto, NonConformanceDto, PourDto, PumpStatusDto, TruckDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { PourStatusBadge } from '../pours/PourStatusBadge';
import { LoadStepButtons } from '../loads/LoadStepButtons';
import { PourCardRequests } from '../requests/PourCardRequests';
import { DispatchPlanPanel } from '../dispatch/DispatchPlanPanel';
import { PourLog } from '../pourlog/PourLog';
import { takesNewLoads } from './dispatchPlanning';
import { LoadActions } from './LoadActions';
import { type DispatchPermissions, PourDispatchControls } from './PourDispatchControls';
import { PourTimeline } from './PourTimeline';
import { issueCount, liveVolumes, type NextTruck, nextTruck, pourIssues, pourPace } from './pourProgress';
import { VolumeBar } from './VolumeBar';

interface OperatorPourCardProps {
  pour: PourDto;
  loads: readonly LoadDto[];
  nonConformances: readonly NonConformanceDto[] | undefined;
  pumpStatus: PumpStatusDto | undefined;
  focused: boolean;
  now: number;
  onFocus: (pourId: string) => void;
  onOpenDetail: (pourId: string) => void;
  onSelectTruck: (truckId: string) => void;
  /** The fleet, for the new-load and truck forms; today's pours, for diversions. */
  trucks: readonly TruckDto[];
  pours: readonly PourDto[];
  permissions: DispatchPermissions;
  onPourChanged: (pour: PourDto) => void;
}

/** The dispatch room stands in for the plant and the site when a radio call says so. */
const EVERY_PLACE = ['plant', 'site', 'dispatch'] as const;
/** Loading is started from LoadActions, beside the truck it needs. */
const STEPS_IN_LOAD_ACTIONS = ['start_loading'] as const;

const minutesUntil = (iso: string, now: number) => Math.round((Date.parse(iso) - now) / 60_000);

function nextTruckWords(
  next: NextTruck | null,
  t: ReturnType<typeof useI18n>['t'],
  clock: (iso: string) => string,
  now: number,
): string {
  if (!next) return t('live.noTruckOnWay');
  const truck = next.load.truckFleetNumber ?? next.load.ticketNumber;
  if (next.kind === 'discharging') return t('live.next.discharging', { truck });
  if (next.kind === 'on_site') return t('live.next.onSite', { truck });
  if (next.arrivesAt === null) return t('live.next.onRoad', { truck });
  return t('live.nextEta', {
    truck,
    time: clock(next.arrivesAt),
    minutes: Math.max(0, minutesUntil(next.arrivesAt, now)),
  });
}

export function OperatorPourCard(props: OperatorPourCardProps) {
  const { pour, loads, nonConformances, pumpStatus, focused, now, onFocus, onOpenDetail, onSelectTruck } = props;
  const { trucks, pours, permissions, onPourChanged } = props;
  const { t, locale } = useI18n();
  const volumes = useMemo(() => liveVolumes(pour, loads), [pour, loads]);
  const pace = pourPace(pour, volumes, now);
  const next = nextTruck(loads);
  const openNcs = nonConformances?.filter((nc) => nc.status === 'open').length ?? 0;
  const issues = pourIssues(loads, openNcs);
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);

  return (
    <li
      className={`op-pour${focused ? ' op-pour--focused' : ''}`}
      data-testid="operator-pour"
      data-pour-id={pour.id}
      data-status={pour.status}
      data-dispatch-held={pour.dispatchHold ? 'true' : 'false'}
    >
      <button type="button" className="op-pour-main" onClick={() => onFocus(pour.id)} aria-expanded={focused}>
        <span className="op-pour-head">
          <time className="op-pour-clock" dateTime={pour.scheduledStart}>
            {clock(pour.scheduledStart)}
          </time>
          <span className="op-pour-title">
            <span className="op-pour-project">{pour.projectName}</span>
            <span className="op-pour-element">{pour.structuralElement}</span>
          </span>
          <PourStatusBadge status={pour.status} />
        </span>
        <VolumeBar plannedM3={pour.volumeM3} volumes={volumes} />
        <span className="op-pour-facts">
          <span className={`pace pace--${pace}`} data-testid="pour-pace" data-pace={pace}>
            {t(`live.pace.${pace}`)}
          </span>
          <span className="op-fact" data-testid="pour-next-eta" data-next={next?.kind ?? 'none'}>
            {nextTruckWords(next, t, clock, now)}
          </span>
          {pour.pumpId && (
            <span
              className={`op-fact pump-state pump-state--${pumpStatus?.status ?? 'unknown'}`}
              data-testid="pour-pump"
            >
              {t('live.pumpState', {
                pump: pour.pumpCode ?? '',
                status: pumpStatus ? t(`pumpStatus.${pumpStatus.status}`) : t('common.none'),
              })}
            </span>
          )}
        </span>
        {issueCount(issues) > 0 && (
          <span className="op-issues" data-testid="pour-issues">
            {issues.rejectedTickets.length > 0 && (
              <span className="issue issue--danger">
                {t('live.issue.rejected', { tickets: issues.rejectedTickets.join(', ') })}
              </span>
            )}
            {issues.openNonConformances > 0 && (
              <span className="issue issue--danger">
                {t('live.issue.nonConformances', { count: issues.openNonConformances })}
              </span>
            )}
            {issues.atRiskTickets.length > 0 && (
              <span className="issue issue--warning">
                {t('live.issue.deadline', { tickets: issues.atRiskTickets.join(', ') })}
              </span>
            )}
          </span>
        )}
      </button>
      {pour.dispatchHold && (
        <p className="op-pour-held" data-testid="pour-held-banner" role="status">
          {t('dispatch.heldBanner', {
            name: pour.dispatchHold.byName,
            time: clock(pour.dispatchHold.at),
            reason: pour.dispatchHold.reason,
          })}
        </p>
      )}
      <PourCardRequests pour={pour} now={now} canAcknowledge={permissions.acknowledgeRequests} />
      {focused && (
        <div className="op-pour-expanded">
          <PourDispatchControls
            pour={pour}
            loads={loads}
            trucks={trucks}
            permissions={permissions}
            onPourChanged={onPourChanged}
          />
          {permissions.readPlan && takesNewLoads(pour) && (
            <DispatchPlanPanel pour={pour} trucks={trucks} canPlan={permissions.planLoads} />
          )}
          <PourTimeline
            loads={loads}
            timeZone={pour.plantTimeZone}
            now={now}
            onSelectTruck={onSelectTruck}
            renderActions={
              permissions.dispatchLoads
                ? (load) => (
                    <>
                      <LoadActions load={load} plantId={pour.plantId} trucks={trucks} pours={pours} />
                      <LoadStepButtons
                        load={load}
                        places={EVERY_PLACE}
                        now={now}
                        timeZone={pour.plantTimeZone}
                        exclude={STEPS_IN_LOAD_ACTIONS}
                      />
                    </>
                  )
                : undefined
            }
          />
          <PourLog key={pour.id} pourId={pour.id} compact />
          <button type="button" className="link-button" onClick={() => onOpenDetail(pour.id)}>
            {t('live.openPour')}
          </button>
        </div>
      )}
    </li>
  );
}
