import './site.css';
import type { CurrentUser, LoadDto } from '@pourline/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { liveVolumes } from '../operator/pourProgress';
import { useNow } from '../operator/useNow';
import { usePourLoadsSync } from '../operator/usePourLoadsSync';
import { PourLog } from '../pourlog/PourLog';
import { plantRuleSet } from '../qc/qcPreview';
import { useQcReferenceData } from '../qc/useQcReferenceData';
import { useRequestsSync } from '../requests/useRequestsSync';
import { SiteHoldBanner } from './SiteHoldBanner';
import { SiteLoadRow } from './SiteLoadRow';
import { SiteOutboxStatus } from './SiteOutboxStatus';
import { SitePourPicker } from './SitePourPicker';
import { type RestoredNote, SitePourRequests } from './SitePourRequests';
import { SitePourSummary } from './SitePourSummary';
import { SitePumpPanel } from './SitePumpPanel';
import { SiteRefusals } from './SiteRefusals';
import { SiteUndoBar } from './SiteUndoBar';
import { expectedPumpStatus, pendingStepsByLoad, type SiteLoad, splitSiteLoads } from './siteLoads';
import { useChosenPour } from './useChosenPour';
import { useOtherDayPours } from './useOtherDayPours';
import { usePumpStatusesSync } from './usePumpStatusesSync';
import { useSiteOutboxContext } from './useSiteOutboxContext';
import { useSitePours } from './useSitePours';

const NO_POURS: readonly string[] = [];
/** Ages and countdowns are read in minutes; a few seconds' lag is fine, a minute is not. */
const TICK_MS = 10_000;

/** The site dispatcher's tablet: one pour, its trucks coming and waiting, and the few things the site does. */
export function SiteView({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const now = useNow(TICK_MS);
  const outbox = useSiteOutboxContext();
  const { pours, resource } = useSitePours();
  const [otherDaysOpen, setOtherDaysOpen] = useState(false);
  // Fetched on the first ask, then kept while the page is open.
  const [otherDaysAsked, setOtherDaysAsked] = useState(false);
  const otherDays = useOtherDayPours(otherDaysAsked, now);
  const [pour, choosePour] = useChosenPour(user.username, pours, otherDays.pours);
  const [restoredNote, setRestoredNote] = useState<RestoredNote | null>(null);
  const isToday = pour !== null && (pours?.some((candidate) => candidate.id === pour.id) ?? false);
  const syncedPourIds = useMemo(() => (pour ? [pour.id] : NO_POURS), [pour]);
  usePourLoadsSync(syncedPourIds);
  usePumpStatusesSync();
  useRequestsSync(pour?.id ?? null, pour !== undefined && pour !== null);

  const allLoads = useLive((state) => state.loads);
  const pumpStatuses = useLive((state) => state.pumpStatuses);
  const loads = useMemo(() => {
    const list: LoadDto[] = [];
    if (pour) for (const load of allLoads.values()) if (load.pourId === pour.id) list.push(load);
    return list;
  }, [allLoads, pour]);

  const { snapshot, siteTests } = outbox;
  const undo = (id: string) => {
    const item = snapshot.items.find((candidate) => candidate.id === id);
    if (!outbox.withdraw(id) || item?.action.kind !== 'pour-request' || !item.action.request.note) return;
    setRestoredNote({ pourId: item.action.pourId, note: item.action.request.note });
  };
  const { coming, waiting } = useMemo(() => {
    const split = splitSiteLoads(loads, pendingStepsByLoad(snapshot.items));
    // A truck the site test just rejected has left the list; its verdict stays until it has been read.
    const shown = new Set([...split.coming, ...split.waiting].map((entry) => entry.load.id));
    for (const load of loads) {
      const result = siteTests.get(load.id);
      if (result && !result.dismissed && !shown.has(load.id)) {
        split.waiting.push({ load, status: load.status, pending: [] });
      }
    }
    return split;
  }, [loads, snapshot.items, siteTests]);
  // Fetched while the network is there, so a test entered offline is still previewed.
  const reference = useQcReferenceData();
  const plant = pour ? reference.plants.get(pour.plantId) : undefined;
  const rules = useMemo(() => (plant ? plantRuleSet(plant) : null), [plant]);
  const renderRow = (entry: SiteLoad) =>
    pour && (
      <SiteLoadRow
        key={entry.load.id}
        entry={entry}
        pour={pour}
        now={now}
        snapshot={snapshot}
        onAction={outbox.enqueue}
        mix={reference.mixes.get(entry.load.mixId) ?? null}
        rules={rules}
        siteTest={siteTests.get(entry.load.id)}
        refusals={outbox.refusals}
        onDismissSiteTest={outbox.dismissSiteTest}
      />
    );
  const volumes = useMemo(() => (pour ? liveVolumes(pour, loads) : null), [pour, loads]);
  const pump = pour?.pumpId
    ? expectedPumpStatus(pumpStatuses.get(pour.pumpId), snapshot.items, pour.pumpId)
    : { status: null, pending: null };

  return (
    <div className="site-view" data-testid="site-view">
      <div className="site-bar">
        <SitePourPicker
          pours={pours}
          otherDays={otherDays.pours}
          otherDaysOpen={otherDaysOpen}
          onToggleOtherDays={() => {
            setOtherDaysAsked(true);
            setOtherDaysOpen((open) => !open);
          }}
          chosen={pour}
          onChoose={(pourId) => {
            choosePour(pourId);
            setOtherDaysOpen(false);
          }}
        />
        <SiteOutboxStatus snapshot={snapshot} onRetry={outbox.retryNow} />
      </div>

      {resource.error !== undefined && !pours && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(resource.error, t)}</span>
          <button type="button" className="button" onClick={resource.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <SiteRefusals refusals={outbox.refusals} onDismiss={outbox.dismissRefusal} />

      {pour && volumes ? (
        <>
          {pour.dispatchHold && <SiteHoldBanner pour={pour} hold={pour.dispatchHold} />}
          <SitePourSummary pour={pour} isToday={isToday} volumes={volumes} pumpStatus={pump.status} />
          <div className="site-main">
            <div className="site-incoming" data-testid="site-incoming">
              <LoadList
                testId="site-waiting"
                title={t('site.waiting.title', { count: waiting.length })}
                empty={t('site.waiting.empty')}
                entries={waiting}
                render={renderRow}
              />
              <LoadList
                testId="site-coming"
                title={t('site.coming.title', { count: coming.length })}
                empty={t('site.coming.empty')}
                entries={coming}
                render={renderRow}
              />
            </div>
            <div className="site-controls">
              <SitePourRequests
                pour={pour}
                snapshot={snapshot}
                lastRequest={outbox.lastRequest}
                onAction={outbox.enqueue}
                restoredNote={restoredNote}
              />
              <SitePumpPanel
                pour={pour}
                status={pump.status}
                pending={pump.pending}
                snapshot={snapshot}
                onAction={outbox.enqueue}
              />
            </div>
          </div>
          <PourLog key={pour.id} pourId={pour.id} />
        </>
      ) : (
        pours?.length === 0 && <p className="status-note">{t('site.picker.empty')}</p>
      )}
      <SiteUndoBar snapshot={snapshot} onUndo={undo} onSendNow={outbox.sendNow} />
    </div>
  );
}

interface LoadListProps {
  testId: string;
  title: string;
  empty: string;
  entries: readonly SiteLoad[];
  render: (entry: SiteLoad) => ReactNode;
}

function LoadList({ testId, title, empty, entries, render }: LoadListProps) {
  return (
    <section className="site-panel site-loads" data-testid={testId}>
      <h2>{title}</h2>
      {entries.length === 0 ? <p className="site-loads-empty">{empty}</p> : <ul>{entries.map(render)}</ul>}
    </section>
  );
}
