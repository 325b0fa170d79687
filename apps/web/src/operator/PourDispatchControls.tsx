import type { LoadDto, PourDto, TruckDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { takesNewLoads } from './dispatchPlanning';
import { DispatchError } from './DispatchError';
import { NewLoadForm } from './NewLoadForm';
import { holdDispatch, resumeDispatch } from './operatorEndpoints';
import { useDispatchAction } from './useDispatchAction';

export interface DispatchPermissions {
  /** loads.dispatch: new loads, trucks, start loading, divert. */
  dispatchLoads: boolean;
  /** pours.change-status: hold and resume the pour's dispatch. */
  holdPours: boolean;
  /** pours.request-acknowledge: say "copy" to a site's request. */
  acknowledgeRequests: boolean;
  /** dispatch.read: the pour's rhythm and proposals. */
  readPlan: boolean;
  /** dispatch.plan: accept or override proposals, the auto switch. */
  planLoads: boolean;
}

interface PourDispatchControlsProps {
  pour: PourDto;
  loads: readonly LoadDto[];
  trucks: readonly TruckDto[];
  permissions: DispatchPermissions;
  onPourChanged: (pour: PourDto) => void;
}

const HOLD_REASON_MIN = 3;

/** The pour's own dispatch actions: order a load, hold or resume sending trucks. */
export function PourDispatchControls({ pour, loads, trucks, permissions, onPourChanged }: PourDispatchControlsProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useDispatchAction();
  const [form, setForm] = useState<'load' | 'hold' | null>(null);
  const [reason, setReason] = useState('');
  const held = pour.dispatchHold !== null && pour.dispatchHold !== undefined;
  const open = takesNewLoads(pour);
  if (!open || (!permissions.dispatchLoads && !permissions.holdPours)) return null;

  const submitHold = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < HOLD_REASON_MIN) return;
    const done = await action.run(async () =>
      onPourChanged(await holdDispatch(api, pour.id, { reason: reason.trim() })),
    );
    if (done) {
      setForm(null);
      setReason('');
    }
  };
  const resume = () => void action.run(async () => onPourChanged(await resumeDispatch(api, pour.id)));
  const show = (next: 'load' | 'hold') => {
    action.clearError();
    setForm((current) => (current === next ? null : next));
  };

  return (
    <div className="pour-dispatch">
      <div className="load-action-buttons">
        {permissions.dispatchLoads && (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="dispatch-new-load"
            aria-expanded={form === 'load'}
            onClick={() => show('load')}
          >
            {t('dispatch.newLoad')}
          </button>
        )}
        {permissions.holdPours &&
          (held ? (
            <button
              type="button"
              className="button button--small"
              data-testid="pour-resume"
              disabled={action.busy}
              onClick={resume}
            >
              {t('dispatch.resume')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--warning"
              data-testid="pour-hold"
              aria-expanded={form === 'hold'}
              onClick={() => show('hold')}
            >
              {t('dispatch.hold')}
            </button>
          ))}
      </div>
      {form === 'load' && permissions.dispatchLoads && (
        <NewLoadForm pour={pour} loads={loads} trucks={trucks} onClose={() => setForm(null)} />
      )}
      {form === 'hold' && !held && (
        <form className="dispatch-form" onSubmit={submitHold}>
          <label className="field">
            <span>{t('dispatch.holdReason')}</span>
            <input
              data-testid="pour-hold-reason"
              value={reason}
              minLength={HOLD_REASON_MIN}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
              required
              autoFocus
            />
          </label>
          <div className="action-row">
            <button
              type="submit"
              className="button button--small button--warning"
              data-testid="pour-hold-submit"
              disabled={action.busy || reason.trim().length < HOLD_REASON_MIN}
            >
              {t('dispatch.holdSubmit')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <DispatchError message={action.error} />
    </div>
  );
}
