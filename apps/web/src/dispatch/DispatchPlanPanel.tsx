import './dispatch.css';
import type { DecidedLoadDto, PourDispatchDto, PourDto, TruckDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { DispatchError } from '../operator/DispatchError';
import { useDispatchAction } from '../operator/useDispatchAction';
import { changeDispatchSettings } from './dispatchEndpoints';
import { LimitSetting } from './LimitSetting';
import { ProposalRow } from './ProposalRow';
import { usePourDispatch } from './usePourDispatch';

interface DispatchPlanPanelProps {
  pour: PourDto;
  trucks: readonly TruckDto[];
  /** dispatch.plan: accept, override, the auto switch, the cold-joint limit. */
  canPlan: boolean;
}

const SHOWN_PROPOSALS = 4;
const SHOWN_GAPS = 3;
const SHOWN_DECISIONS = 3;

/** The pour's rhythm and what the planner proposes to keep its pump fed. */
export function DispatchPlanPanel({ pour, trucks, canPlan }: DispatchPlanPanelProps) {
  const { t } = useI18n();
  const resource = usePourDispatch(pour.id);
  const plan = resource.data;
  const overrideWords = useOverrideWords(pour);
  if (!plan) {
    return resource.error ? (
      <p className="status-note" data-testid="plan-unavailable">
        {t('plan.unavailable')}
      </p>
    ) : null;
  }
  return (
    <section className="plan" data-testid="dispatch-plan" data-auto={plan.auto ? 'true' : 'false'}>
      <div className="op-section-head">
        <h3>{t('plan.title')}</h3>
        <span className={`plan-status plan-status--${plan.planStatus}`} data-testid="plan-status">
          {t(`plan.status.${plan.planStatus}`)}
        </span>
        <AutoSwitch pour={pour} plan={plan} canPlan={canPlan} onChanged={resource.setData} />
      </div>
      <RhythmFacts pour={pour} plan={plan} canPlan={canPlan} onChanged={resource.setData} />
      <h4 className="plan-subhead">{t('plan.proposals')}</h4>
      {plan.proposals.length === 0 ? (
        <p className="status-note">{t('plan.noProposals')}</p>
      ) : (
        <ol className="plan-proposals">
          {plan.proposals.slice(0, SHOWN_PROPOSALS).map((proposal) => (
            <ProposalRow
              key={proposal.key}
              pour={pour}
              proposal={proposal}
              trucks={trucks}
              canPlan={canPlan && !plan.auto}
              onDecided={resource.reload}
            />
          ))}
        </ol>
      )}
      {plan.decisions.length > 0 && (
        <ul className="plan-decisions" data-testid="plan-decisions">
          {plan.decisions.slice(0, SHOWN_DECISIONS).map((decision) => (
            <li key={decision.id} data-kind={decision.kind}>
              {t(`plan.decision.${decision.kind}`, {
                name: decision.byName,
                ticket: decision.ticketNumber,
                reason: decision.reason,
              })}
              {decision.kind === 'overridden' && decision.proposed && (
                <span className="muted"> · {overrideWords(decision.proposed, decision.chosen)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface PlanPartProps {
  pour: PourDto;
  plan: PourDispatchDto;
  canPlan: boolean;
  onChanged: (plan: PourDispatchDto) => void;
}

function AutoSwitch({ pour, plan, canPlan, onChanged }: PlanPartProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useDispatchAction();
  const toggle = () =>
    void action.run(async () => onChanged(await changeDispatchSettings(api, pour.id, { auto: !plan.auto })));
  return (
    <label className="plan-auto" title={t('plan.autoHint')}>
      <input
        type="checkbox"
        role="switch"
        data-testid="plan-auto"
        checked={plan.auto}
        disabled={!canPlan || action.busy}
        onChange={toggle}
      />
      <span>{t('plan.auto')}</span>
      <DispatchError message={action.error} />
    </label>
  );
}

/** "T07 → T09, 10:42 → 10:50, JN-01 → JN-02": what the override changed. */
function useOverrideWords(pour: PourDto) {
  const { locale, formatNumber } = useI18n();
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);
  return (proposed: DecidedLoadDto, chosen: DecidedLoadDto) =>
    [
      proposed.truckFleetNumber !== chosen.truckFleetNumber &&
        `${proposed.truckFleetNumber ?? '—'} → ${chosen.truckFleetNumber ?? '—'}`,
      proposed.volumeM3 !== chosen.volumeM3 &&
        `${formatNumber(proposed.volumeM3)} → ${formatNumber(chosen.volumeM3)} m³`,
      proposed.loadAt !== chosen.loadAt && `${clock(proposed.loadAt)} → ${clock(chosen.loadAt)}`,
      proposed.plantCode !== chosen.plantCode && `${proposed.plantCode ?? '—'} → ${chosen.plantCode ?? '—'}`,
    ]
      .filter(Boolean)
      .join(', ');
}

function RhythmFacts({ pour, plan, canPlan, onChanged }: PlanPartProps) {
  const { t, locale, formatNumber } = useI18n();
  const { rhythm, travel } = plan;
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);
  const gaps = rhythm.gaps.filter((gap) => gap.afterPlacing && gap.minutes >= 1).slice(0, SHOWN_GAPS);
  return (
    <div className="plan-facts" data-testid="plan-rhythm">
      {plan.auto && <p className="plan-auto-note">{t('plan.autoOn')}</p>}
      {rhythm.request && (
        <p className="plan-request" data-testid="plan-request">
          {t(`plan.request.${rhythm.request}`)}
        </p>
      )}
      <p>
        <strong>{t('plan.rate', { rate: formatNumber(rhythm.rateM3PerHour) })}</strong>{' '}
        <span className="muted">
          {rhythm.rateSource === 'measured'
            ? t('plan.rateSource.measured', { loads: rhythm.measuredFromLoads })
            : t(`plan.rateSource.${rhythm.rateSource}`)}
        </span>
        {rhythm.targetIntervalMinutes !== null && (
          <span data-testid="plan-interval">
            {' · '}
            {t('plan.interval', { minutes: formatNumber(rhythm.targetIntervalMinutes, 0) })}
          </span>
        )}
        {' · '}
        {rhythm.projectedFinishAt ? t('plan.finish', { time: clock(rhythm.projectedFinishAt) }) : t('plan.noFinish')}
      </p>
      <p className="muted" data-testid="plan-travel">
        {t('plan.travel', { minutes: formatNumber(travel.minutes, 0) })} ·{' '}
        {t(`plan.travel.${travel.basis}`, { trips: travel.trips })}
        {travel.fromPositions > 0 && <> · {t('plan.travel.fromPositions', { count: travel.fromPositions })}</>}
      </p>
      <LimitSetting kind="coldJoint" pour={pour} plan={plan} canPlan={canPlan} onChanged={onChanged} />
      <LimitSetting kind="bunching" pour={pour} plan={plan} canPlan={canPlan} onChanged={onChanged} />
      {rhythm.coldJointRisk && (
        <p className="plan-cold-joint" role="alert" data-testid="plan-cold-joint">
          {t('plan.coldJoint', {
            gap: formatNumber(rhythm.worstGapMinutes, 0),
            limit: formatNumber(rhythm.coldJointLimitMinutes, 0),
          })}
        </p>
      )}
      <ul className="plan-gaps" data-testid="plan-gaps">
        {gaps.length === 0 ? (
          <li className="muted">{t('plan.noGap')}</li>
        ) : (
          gaps.map((gap) => (
            <li key={gap.startsAt}>
              {t('plan.gap', { minutes: formatNumber(gap.minutes, 0), time: clock(gap.startsAt) })}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
