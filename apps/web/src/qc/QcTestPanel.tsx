import type { LoadDto, MixDto, PlantDto, PourDto, QcTestDto } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import type { DueLoad } from './dueForTesting';
import { latestTestOf } from './dueForTesting';
import { isOverridable } from './overridable';
import { listQcTests } from './qcEndpoints';
import { plantRuleSet } from './qcPreview';
import { QcOverrideForm } from './QcOverrideForm';
import { QcTestForm } from './QcTestForm';
import { QcVerdict } from './QcVerdict';

interface QcTestPanelProps {
  /** The load as chosen; its latest state from the store is passed as `load`. */
  due: DueLoad;
  load: LoadDto;
  pour: PourDto | undefined;
  mix: MixDto | undefined;
  plant: PlantDto | undefined;
  onRecorded: (test: QcTestDto) => void;
  onStale: () => void;
  onClose: () => void;
}

/** One load under test: who it is, its last failed test if any, then the form or the server's verdict. */
export function QcTestPanel({ due, load, pour, mix, plant, onRecorded, onStale, onClose }: QcTestPanelProps) {
  const { t } = useI18n();
  const api = useApi();
  const liveTest = useLive((state) => state.latestQcByLoad.get(load.id));
  const history = useApiResource(`qc-tests:${load.id}`, (signal) => listQcTests(api, load.id, signal));
  useReloadOnChange(liveTest, history.reload);
  const [verdict, setVerdict] = useState<QcTestDto | null>(null);
  const [checkOf, setCheckOf] = useState<string | null>(due.checkTestOf);
  // A check test that became due while the panel was open (recorded elsewhere) is taken up.
  const [seenCheckOf, setSeenCheckOf] = useState(due.checkTestOf);
  if (seenCheckOf !== due.checkTestOf) {
    setSeenCheckOf(due.checkTestOf);
    if (due.checkTestOf && !verdict) setCheckOf(due.checkTestOf);
  }
  const rules = useMemo(() => (plant ? plantRuleSet(plant) : null), [plant]);

  const previous = useMemo(() => latestTestOf(history.data ?? [], due.stage), [history.data, due.stage]);
  const recorded = (test: QcTestDto) => {
    setVerdict(test);
    onRecorded(test);
    history.reload();
  };
  const startCheckTest = (test: QcTestDto) => {
    setCheckOf(test.id);
    setVerdict(null);
  };

  const stageLabel = due.stage === 'plant' ? t('qc.stage.plant') : t('qc.stage.site');
  const timeZone = pour?.plantTimeZone ?? 'UTC';

  return (
    <section
      className="panel qc-test-panel"
      aria-labelledby="qc-test-title"
      data-testid="qc-test-panel"
      data-load-id={load.id}
      data-stage={due.stage}
    >
      <div className="qc-test-head">
        <div>
          <h2 id="qc-test-title">
            {load.ticketNumber} · {load.truckFleetNumber ?? t('common.none')}
          </h2>
          <p className="muted">
            {stageLabel} · {load.mixCode}
            {mix ? ` (${mix.strengthGrade})` : ''}
            {pour ? ` · ${pour.projectName} · ${pour.structuralElement}` : ''}
          </p>
        </div>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label={t('qc.closeTest')}>
          ✕
        </button>
      </div>
      {due.kind === 'retest' && !verdict && <p className="notice">{t('qc.form.retestNotice')}</p>}

      {!verdict && previous && !previous.pass && (
        <details className="qc-previous" open={isOverridable(previous, load, true)}>
          <summary>{t('qc.previous.title')}</summary>
          <QcVerdict test={previous} timeZone={timeZone}>
            {isOverridable(previous, load, true) && <QcOverrideForm test={previous} onOverridden={recorded} />}
          </QcVerdict>
        </details>
      )}

      {verdict ? (
        <QcVerdict test={verdict} timeZone={timeZone}>
          {verdict.outcome === 'retest_required' && !verdict.override && (
            <button
              type="button"
              className="button button--primary"
              data-testid="qc-check-test"
              onClick={() => startCheckTest(verdict)}
            >
              {t('qc.verdict.checkTest')}
            </button>
          )}
          {isOverridable(verdict, load, isNewest(verdict, previous)) && (
            <QcOverrideForm test={verdict} onOverridden={recorded} />
          )}
          <button type="button" className="button" data-testid="qc-next" onClick={onClose}>
            {t('qc.verdict.next')}
          </button>
        </QcVerdict>
      ) : !pour || !mix || !rules ? (
        <p className="status-note">{history.error ? errorMessage(history.error, t) : t('app.loading')}</p>
      ) : (
        <QcTestForm
          load={load}
          pour={pour}
          mix={mix}
          rules={rules}
          stage={due.stage}
          checkTestOf={checkOf}
          onRecorded={recorded}
          onStale={() => {
            history.reload();
            onStale();
          }}
        />
      )}
    </section>
  );
}

function isNewest(test: QcTestDto, latestKnown: QcTestDto | null): boolean {
  return latestKnown === null || Date.parse(test.testedAt) >= Date.parse(latestKnown.testedAt);
}
