import { type LoadDto, type PourDto, REASON_MIN_CHARS } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLiveStore } from '../live/useLiveStore';
import { formatPlantClock } from '../pours/plantTime';
import { divertTargets } from './dispatchPlanning';
import { DispatchError } from './DispatchError';
import { divertLoad } from './operatorEndpoints';
import { useDispatchAction } from './useDispatchAction';

interface DivertFormProps {
  load: LoadDto;
  pours: readonly PourDto[];
  onClose: () => void;
}

/** Sends concrete already out to another of today's pours on the same mix, with a reason. */
export function DivertForm({ load, pours, onClose }: DivertFormProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const action = useDispatchAction();
  const targets = divertTargets(pours, load);
  const [pourId, setPourId] = useState(targets[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const valid = pourId !== '' && reason.trim().length >= REASON_MIN_CHARS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const done = await action.run(async () => {
      store.receiveLoads([await divertLoad(api, load.id, { pourId, reason: reason.trim() })]);
    });
    if (done) onClose();
  };

  return (
    <form className="dispatch-form" data-testid="divert-form" onSubmit={submit}>
      <p className="dispatch-form-title">
        {t('dispatch.divertTitle', { ticket: load.ticketNumber, mix: load.mixCode })}
      </p>
      {targets.length === 0 && <p className="form-hint muted">{t('dispatch.divertNoTarget')}</p>}
      <label className="field">
        <span>{t('dispatch.divertTo')}</span>
        <select
          data-testid="divert-pour"
          value={pourId}
          onChange={(event) => setPourId(event.target.value)}
          required
          autoFocus
        >
          <option value="">{t('dispatch.choosePour')}</option>
          {targets.map((pour) => (
            <option key={pour.id} value={pour.id}>
              {formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)} · {pour.projectName} ·{' '}
              {pour.structuralElement}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('dispatch.reason', { min: REASON_MIN_CHARS })}</span>
        <textarea
          data-testid="divert-reason"
          rows={2}
          minLength={REASON_MIN_CHARS}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
        />
      </label>
      <div className="action-row">
        <button
          type="submit"
          className="button button--warning"
          data-testid="divert-submit"
          disabled={action.busy || !valid}
        >
          {t('dispatch.divertSubmit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <DispatchError message={action.error} />
    </form>
  );
}
