import { type LoadDto, type PourDto, refusalFacts, type TruckDto } from '@pourline/contracts';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { canDivert, nextLoadAction, truckChoices } from './dispatchPlanning';
import { DispatchError } from './DispatchError';
import { DivertForm } from './DivertForm';
import { EarlyStartForm } from './EarlyStartForm';
import { assignTruck, startLoading } from './operatorEndpoints';
import { TruckSelect } from './TruckSelect';
import { useDispatchAction } from './useDispatchAction';

interface LoadActionsProps {
  load: LoadDto;
  plantId: string;
  trucks: readonly TruckDto[];
  pours: readonly PourDto[];
}

/**
 * The load whose buttons take focus once its form has closed, for a moment. Kept outside the
 * component: the live update that follows a step may draw the load's row anew, and the new buttons
 * must take focus again.
 */
let refocus: { loadId: string; until: number } | null = null;
const REFOCUS_WINDOW_MS = 3_000;

/** The dispatch room's next step for one load: give it a truck, start loading it, or send it elsewhere. */
export function LoadActions({ load, plantId, trucks, pours }: LoadActionsProps) {
  const { t } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const allLoads = useLive((state) => state.loads);
  const action = useDispatchAction();
  const [form, setForm] = useState<'assign' | 'divert' | null>(null);
  const [truckId, setTruckId] = useState('');
  const next = nextLoadAction(load);
  // A form closed from the keyboard hands focus back to the load's buttons, not to the page.
  const buttonsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (form !== null || refocus?.loadId !== load.id) return;
    if (Date.now() > refocus.until) {
      refocus = null;
      return;
    }
    // Only while focus is nowhere: a person who has moved on keeps their place.
    const active = document.activeElement;
    if (active && active !== document.body && !buttonsRef.current?.contains(active)) return;
    // The next step's button is disabled while the last call settles: focus it once it can be pressed.
    const target = buttonsRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    if (target && active !== target) target.focus();
  });
  const closeForm = () => {
    refocus = { loadId: load.id, until: Date.now() + REFOCUS_WINDOW_MS };
    setForm(null);
  };
  const choices = useMemo(
    () => (form === 'assign' ? truckChoices(trucks, plantId, allLoads, load.id) : []),
    [form, trucks, plantId, allLoads, load.id],
  );
  // Asked once, for the pour's first load: the form replaces the refusal until it is answered.
  const earlyStart = refusalFacts(action.failure, 'early_start_unconfirmed');
  if (!next && !canDivert(load)) return null;

  const apply = (call: () => Promise<LoadDto>) =>
    action.run(async () => store.receiveLoads([await call()])).then((done) => done && closeForm());

  const submitTruck = (event: FormEvent) => {
    event.preventDefault();
    if (truckId) void apply(() => assignTruck(api, load.id, { truckId }));
  };

  return (
    <div className="load-actions">
      {form === null && earlyStart && next === 'start_loading' && (
        <EarlyStartForm
          facts={earlyStart}
          busy={action.busy}
          onConfirm={(reason) => void apply(() => startLoading(api, load.id, { confirm: { earlyStart: reason } }))}
          onCancel={action.clearError}
        />
      )}
      {form === null && !earlyStart && (
        <div className="load-action-buttons" ref={buttonsRef}>
          {next === 'assign_truck' && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="load-assign-truck"
              onClick={() => {
                action.clearError();
                setTruckId(truckChoices(trucks, plantId, allLoads, load.id).find((c) => !c.busyWith)?.truck.id ?? '');
                setForm('assign');
              }}
            >
              {t('dispatch.assignTruck')}
            </button>
          )}
          {next === 'start_loading' && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="load-start-loading"
              disabled={action.busy}
              onClick={() => void apply(() => startLoading(api, load.id))}
            >
              {t('dispatch.startLoading')}
            </button>
          )}
          {canDivert(load) && (
            <button
              type="button"
              className="button button--small"
              data-testid="load-divert"
              onClick={() => {
                action.clearError();
                setForm('divert');
              }}
            >
              {t('dispatch.divert')}
            </button>
          )}
        </div>
      )}
      {form === 'assign' && (
        <form
          className="dispatch-form dispatch-form--inline"
          onSubmit={submitTruck}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            closeForm();
          }}
        >
          <TruckSelect choices={choices} value={truckId} onChange={setTruckId} testId="load-truck" autoFocus />
          <div className="action-row">
            <button
              type="submit"
              className="button button--small button--primary"
              data-testid="load-assign-truck-submit"
              disabled={action.busy || !truckId}
            >
              {t('dispatch.assignTruckSubmit')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={closeForm}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {form === 'divert' && <DivertForm load={load} pours={pours} onClose={closeForm} />}
      {form !== 'divert' && !earlyStart && <DispatchError message={action.error} />}
    </div>
  );
}
