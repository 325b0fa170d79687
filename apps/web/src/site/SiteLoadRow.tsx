import type { PourDto, QcTestDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import type { LoadStep, OutboxAction, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';
import { DEADLINE_WARNING_MINUTES, minutesSince, minutesUntil, nextStep, type SiteLoad } from './siteLoads';
import { useDischargeStartedAt } from './useDischargeStartedAt';
import { useSiteTest } from './useSiteTest';
import { formatPlantClock } from '../pours/plantTime';

interface SiteLoadRowProps {
  entry: SiteLoad;
  pour: PourDto;
  now: number;
  snapshot: OutboxSnapshot;
  onAction: (action: OutboxAction) => void;
}

const ACTION_TESTID: Record<LoadStep, string> = {
  arrive: 'site-action-arrive',
  'start-discharge': 'site-action-start-discharge',
  'end-discharge': 'site-action-end-discharge',
  'leave-site': 'site-action-leave-site',
};

type TestState = 'accepted' | 'missing' | 'retest' | 'rejected' | 'checking';

function testState(test: QcTestDto | null, loading: boolean): TestState {
  if (!test) return loading ? 'checking' : 'missing';
  if (test.outcome === 'accepted') return 'accepted';
  if (test.outcome === 'rejected') return 'rejected';
  return 'retest';
}

/** One truck of the pour: what it carries, how old and how close to its deadline, and its next step. */
export function SiteLoadRow({ entry, pour, now, snapshot, onAction }: SiteLoadRowProps) {
  const { t, locale, formatNumber } = useI18n();
  const { load, status, pending } = entry;
  const step = nextStep(status);
  const onSite = status === 'on_site' || load.status === 'on_site';
  const age = load.batchedAt ? minutesSince(load.batchedAt, now) : null;
  const toDeadline = load.dischargeDeadline ? minutesUntil(load.dischargeDeadline, now) : null;
  const pendingStart = pending.find((p) => p.step === 'start-discharge');
  const serverStart = useDischargeStartedAt(load.id, load.status === 'discharging');
  const dischargeStart = serverStart ?? pendingStart?.item.createdAt ?? null;

  return (
    <li
      className={`site-load site-load--${status}${pending.length > 0 ? ' site-load--pending' : ''}`}
      data-testid="site-load"
      data-load-id={load.id}
      data-status={load.status}
      data-expected-status={status}
    >
      <div className="site-load-id">
        <span className="site-load-truck">{load.truckFleetNumber ?? t('common.none')}</span>
        <span className="site-load-ticket mono">{load.ticketNumber}</span>
        <span className="site-load-volume">
          {formatNumber(load.volumeM3)} m³ · {load.mixCode}
        </span>
      </div>

      <div className="site-load-facts">
        {(status === 'en_route' || status === 'released') && (
          <span className="site-fact site-fact--eta" data-testid="site-load-eta">
            {load.eta ? (
              <>
                <strong>{formatPlantClock(load.eta.arrivesAt, pour.plantTimeZone, locale)}</strong>{' '}
                {minutesUntil(load.eta.arrivesAt, now) > 0
                  ? t('site.load.etaIn', { minutes: minutesUntil(load.eta.arrivesAt, now) })
                  : t('site.load.etaDue')}
              </>
            ) : (
              t(status === 'released' ? 'site.load.atPlantGate' : 'site.load.noEta')
            )}
          </span>
        )}
        {status === 'discharging' && (
          <span className="site-fact site-fact--discharging" data-testid="site-load-discharging">
            {dischargeStart
              ? t('site.load.dischargingFor', { minutes: Math.max(0, minutesSince(dischargeStart, now)) })
              : t('loadStatus.discharging')}
          </span>
        )}
        <span className="site-fact" data-testid="site-load-age">
          {age !== null ? t('site.load.age', { minutes: age }) : t('site.load.notBatched')}
        </span>
        {toDeadline !== null && (
          <span
            className={`site-fact site-fact--deadline${toDeadline < DEADLINE_WARNING_MINUTES ? ' site-fact--late' : ''}`}
            data-testid="site-load-deadline"
            data-minutes={toDeadline}
          >
            {toDeadline >= 0
              ? t('site.load.toDeadline', { minutes: toDeadline })
              : t('site.load.pastDeadline', { minutes: -toDeadline })}
          </span>
        )}
        {load.flaggedForQc && (
          <span className="site-fact site-fact--flag" data-testid="site-load-flagged">
            ⚑ {t('site.load.flagged')}
          </span>
        )}
        {onSite && <SiteTestChip loadId={load.id} />}
      </div>

      <div className="site-load-actions">
        {pending.map(({ item, step: pendingStep }) => (
          <PendingBadge key={item.id} item={item} snapshot={snapshot} label={t(`site.action.${pendingStep}`)} />
        ))}
        {step && (
          <button
            type="button"
            className={`button site-action site-action--${step}`}
            data-testid={ACTION_TESTID[step]}
            onClick={() =>
              onAction({
                kind: 'load-step',
                step,
                loadId: load.id,
                pourId: load.pourId,
                ticketNumber: load.ticketNumber,
              })
            }
          >
            {t(`site.action.${step}`)}
          </button>
        )}
      </div>
    </li>
  );
}

function SiteTestChip({ loadId }: { loadId: string }) {
  const { t } = useI18n();
  const { test, loading } = useSiteTest(loadId);
  const state = testState(test, loading);
  return (
    <span className={`site-fact site-test site-test--${state}`} data-testid="site-load-test" data-state={state}>
      {state === 'accepted' ? '✓ ' : state === 'rejected' ? '✕ ' : ''}
      {t(`site.test.${state}`)}
      {test && ` · ${test.slumpMm} mm`}
    </span>
  );
}
