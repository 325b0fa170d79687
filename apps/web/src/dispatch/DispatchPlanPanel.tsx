import './dispatch.css';
import type { PourDispatchDto, PourDto, TruckDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { DispatchError } from '../operator/DispatchError';
import { useDispatchAction } from '../operator/useDispatchAction';
import { changeDispatchSettings } from './dispatchEndpoints';
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
      </p>
      <ColdJointLimit pour={pour} plan={plan} canPlan={canPlan} onChanged={onChanged} />
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

function ColdJointLimit({ pour, plan, canPlan, onChanged }: PlanPartProps) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const action = useDispatchAction();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(plan.coldJointLimitMinutes === null ? '' : String(plan.coldJointLimitMinutes));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = text.trim() === '' ? null : Number(text);
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1)) return;
    const done = await action.run(async () =>
      onChanged(await changeDispatchSettings(api, pour.id, { coldJointLimitMinutes: minutes })),
    );
    if (done) setEditing(false);
  };
  return (
    <div className="plan-limit">
      <span data-testid="plan-limit">
        {t('plan.limit', { minutes: formatNumber(plan.rhythm.coldJointLimitMinutes, 0) })}
        {plan.coldJointLimitMinutes === null && <span className="muted"> ({t('plan.limitDefault')})</span>}
      </span>
      {canPlan && !editing && (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {t('plan.limitEdit')}
        </button>
      )}
      {editing && (
        <form className="dispatch-form plan-limit-form" onSubmit={submit}>
          <label className="field">
            <span>{t('plan.limitLabel')}</span>
            <input
              inputMode="numeric"
              data-testid="plan-limit-input"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <div className="action-row">
            <button type="submit" className="button button--small button--primary" disabled={action.busy}>
              {t('plan.limitSubmit')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
          <DispatchError message={action.error} />
        </form>
      )}
    </div>
  );
}
