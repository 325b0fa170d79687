import type { LoadDto, MixDto, PourDto, QcTestDto } from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError';
import { useI18n } from '../i18n/useI18n';
import { qcErrorMessage } from '../qc/qcErrorMessage';
import { QcVerdict } from '../qc/QcVerdict';
import type { LoadStep, OutboxAction, OutboxItem, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';
import { DEADLINE_WARNING_MINUTES, minutesSince, minutesUntil, nextStep, type SiteLoad } from './siteLoads';
import { SiteTestForm } from './SiteTestForm';
import { useDischargeStartedAt } from './useDischargeStartedAt';
import { useSiteTest } from './useSiteTest';
import type { OutboxRefusal, SiteTestResult } from './useSiteOutbox';
import { formatPlantClock } from '../pours/plantTime';

interface SiteLoadRowProps {
  entry: SiteLoad;
  pour: PourDto;
  now: number;
  snapshot: OutboxSnapshot;
  onAction: (action: OutboxAction) => OutboxItem | null;
  /** What the site test is judged against; null until fetched (the test is then sent unpreviewed). */
  mix: MixDto | null;
  rules: RuleSet | null;
  /** The server's verdict on the last site test this tablet sent for the load. */
  siteTest: SiteTestResult | undefined;
  refusals: readonly OutboxRefusal[];
  onDismissSiteTest: (loadId: string) => void;
}

/** Where a slump test may be entered on site: the truck is there and has not left. */
const TESTABLE: ReadonlySet<LoadDto['status']> = new Set(['on_site', 'discharging']);

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

/** The latest site test leaves the load to be tested (again): none yet, or a check test due. */
function needsSiteTest(test: QcTestDto | null, loading: boolean): boolean {
  if (!test) return !loading;
  return test.override === null && test.outcome === 'retest_required';
}

/** One truck of the pour: what it carries, how old and how close to its deadline, and its next step. */
export function SiteLoadRow(props: SiteLoadRowProps) {
  const { entry, pour, now, snapshot, onAction, mix, rules, siteTest, refusals, onDismissSiteTest } = props;
  const { t, locale, formatNumber } = useI18n();
  const { load, status, pending } = entry;
  const step = nextStep(status);
  const onSite = status === 'on_site' || load.status === 'on_site';
  const age = load.batchedAt ? minutesSince(load.batchedAt, now) : null;
  const toDeadline = load.dischargeDeadline ? minutesUntil(load.dischargeDeadline, now) : null;
  const pendingStart = pending.find((p) => p.step === 'start-discharge');
  const serverStart = useDischargeStartedAt(load.id, load.status === 'discharging');
  const dischargeStart = serverStart ?? pendingStart?.item.createdAt ?? null;

  const testable = TESTABLE.has(status) || TESTABLE.has(load.status);
  const { test, loading } = useSiteTest(load.id, siteTest?.test ?? null, onSite || testable || !!siteTest);
  const [testOpen, setTestOpen] = useState(false);
  const [sentTestId, setSentTestId] = useState<string | null>(null);
  const pendingTest =
    snapshot.items.find((item) => item.action.kind === 'site-test' && item.action.loadId === load.id) ?? null;
  const refused = sentTestId ? refusals.find((refusal) => refusal.id === sentTestId) : undefined;
  // The form closes once the server has answered the test it sent.
  const formShown = testOpen && !(siteTest && siteTest.itemId === sentTestId);
  const verdictShown = !formShown && siteTest !== undefined && !siteTest.dismissed;
  const checkTestOf = test && test.outcome === 'retest_required' && test.override === null ? test.id : null;
  const canOpenTest = testable && needsSiteTest(test, loading) && !formShown && !pendingTest;

  const openTest = () => {
    onDismissSiteTest(load.id);
    setSentTestId(null);
    setTestOpen(true);
  };

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
        {onSite && <SiteTestChip test={test} loading={loading} />}
      </div>

      <div className="site-load-actions">
        {pending.map(({ item, step: pendingStep }) => (
          <PendingBadge key={item.id} item={item} snapshot={snapshot} label={t(`site.action.${pendingStep}`)} />
        ))}
        {pendingTest && !formShown && (
          <PendingBadge item={pendingTest} snapshot={snapshot} label={t('site.slumpTest.open')} />
        )}
        {canOpenTest && (
          <button
            type="button"
            className="button site-action site-slump-open"
            data-testid="site-test-open"
            data-check-test={checkTestOf ? 'true' : undefined}
            onClick={openTest}
          >
            {checkTestOf ? t('site.slumpTest.check') : t('site.slumpTest.open')}
          </button>
        )}
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

      {formShown && (
        <div className="site-slump">
          <SiteTestForm
            load={load}
            pour={pour}
            mix={mix}
            rules={rules}
            checkTestOf={checkTestOf}
            pending={pendingTest}
            snapshot={snapshot}
            refusal={
              refused
                ? qcErrorMessage(
                    new ApiRequestError({ statusCode: refused.status, code: refused.code, message: refused.message }),
                    t,
                  )
                : null
            }
            onSubmit={(request) => {
              const item = onAction({
                kind: 'site-test',
                loadId: load.id,
                pourId: load.pourId,
                ticketNumber: load.ticketNumber,
                request,
              });
              setSentTestId(item?.id ?? null);
            }}
            onCancel={() => setTestOpen(false)}
          />
        </div>
      )}
      {verdictShown && (
        <div
          className="site-slump site-slump-verdict"
          data-testid="site-test-verdict"
          data-outcome={siteTest.test.outcome}
          data-test-id={siteTest.test.id}
        >
          <QcVerdict test={siteTest.test} timeZone={pour.plantTimeZone}>
            <button
              type="button"
              className="button site-action"
              data-testid="site-test-dismiss"
              onClick={() => {
                onDismissSiteTest(load.id);
                setTestOpen(false);
              }}
            >
              {t('site.error.dismiss')}
            </button>
          </QcVerdict>
        </div>
      )}
    </li>
  );
}

function SiteTestChip({ test, loading }: { test: QcTestDto | null; loading: boolean }) {
  const { t } = useI18n();
  const state = testState(test, loading);
  return (
    <span className={`site-fact site-test site-test--${state}`} data-testid="site-load-test" data-state={state}>
      {state === 'accepted' ? '✓ ' : state === 'rejected' ? '✕ ' : ''}
      {t(`site.test.${state}`)}
      {test && ` · ${test.slumpMm} mm`}
    </span>
  );
}
