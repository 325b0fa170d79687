import './qc.css';
import type { PourDto, QcStage, QcTestDto } from '@pourline/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useNow } from '../operator/useNow';
import { plantToday } from '../time/plantDay';
import { usePlantsZone } from '../time/usePlantsZone';
import { usePoursOfDay } from '../pours/usePoursOfDay';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { RecentStrengthWarnings } from '../strength/RecentStrengthWarnings';
import type { DueLoad } from './dueForTesting';
import { DueLoadList } from './DueLoadList';
import { QcPourSection } from './QcPourSection';
import { QcTestPanel } from './QcTestPanel';
import { useDueLoads } from './useDueLoads';
import { useQcReferenceData } from './useQcReferenceData';

const NO_POURS: PourDto[] = [];
/** Ages and deadlines are read in minutes; a tick every 15 s keeps them honest. */
const TICK_MS = 15_000;

/**
 * The QC inspector's view, on a phone or a tablet at the plant and on site:
 * recent strength warnings, what waits for a test, the test with the rules'
 * verdict as it is typed, then the selected pour's specimens and pre-pour documents.
 */
export function QcView() {
  const { t } = useI18n();
  const now = useNow(TICK_MS);
  const day = plantToday(usePlantsZone(), new Date(now));
  const pours = usePoursOfDay({ day, status: '' });
  const resyncVersion = useLive((state) => state.resyncVersion);
  useReloadOnChange(resyncVersion, pours.reload);
  const reference = useQcReferenceData();
  const due = useDueLoads(pours.data ?? NO_POURS, now);

  const [chosen, setChosen] = useState<{ loadId: string; stage: QcStage; snapshot: DueLoad } | null>(null);
  const [pourId, setPourId] = useState<string | null>(null);
  const testPanel = useRef<HTMLDivElement>(null);

  const poursById = useMemo(() => new Map((pours.data ?? []).map((pour) => [pour.id, pour])), [pours.data]);
  const current = chosen
    ? [...due.plant, ...due.site].find((item) => item.load.id === chosen.loadId && item.stage === chosen.stage)
    : undefined;
  const selectedDue = current ?? chosen?.snapshot;
  const selectedLoad = chosen ? (due.loads.get(chosen.loadId) ?? chosen.snapshot.load) : undefined;
  const selectedPour = selectedLoad ? poursById.get(selectedLoad.pourId) : undefined;

  // On a phone the form is below the list: bring it up when a load is picked, not on every update.
  const chosenKey = chosen ? `${chosen.loadId}:${chosen.stage}` : null;
  useEffect(() => {
    if (chosenKey) testPanel.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [chosenKey]);

  const select = (item: DueLoad) => {
    setChosen({ loadId: item.load.id, stage: item.stage, snapshot: item });
    setPourId(item.load.pourId);
  };
  const recorded = (test: QcTestDto) => due.rememberTest(test);

  return (
    <div className="qc-view" data-testid="qc-view">
      {(pours.error ?? reference.error) !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(pours.error ?? reference.error, t)}</span>
          <button
            type="button"
            className="button"
            onClick={() => {
              pours.reload();
              reference.reload();
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      )}
      <RecentStrengthWarnings />
      <div className="qc-columns">
        <DueLoadList
          due={due}
          pours={poursById}
          loading={!pours.data && pours.loading}
          selectedLoadId={chosen?.loadId ?? null}
          onSelect={select}
        />
        <div className="qc-work" ref={testPanel}>
          {chosen && selectedDue && selectedLoad ? (
            <QcTestPanel
              key={chosenKey}
              due={selectedDue}
              load={selectedLoad}
              pour={selectedPour}
              mix={reference.mixes.get(selectedLoad.mixId)}
              plant={selectedPour ? reference.plants.get(selectedPour.plantId) : undefined}
              onRecorded={recorded}
              onStale={() => due.refreshTests(chosen.loadId)}
              onClose={() => setChosen(null)}
            />
          ) : (
            <p className="panel qc-pick-hint muted">{t('qc.pickLoad')}</p>
          )}
        </div>
      </div>
      <QcPourSection
        pours={pours.data ?? NO_POURS}
        pourId={pourId}
        onPourChange={setPourId}
        loads={due.loads}
        onDocumentsChanged={pours.reload}
      />
    </div>
  );
}
