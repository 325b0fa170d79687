import type { PourDispatchDto, PourDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { DispatchError } from '../operator/DispatchError';
import { useDispatchAction } from '../operator/useDispatchAction';
import { changeDispatchSettings } from './dispatchEndpoints';

/** A pour's own limit: the cold-joint gap in minutes, or the trucks that may wait at its pump. */
export type LimitKind = 'coldJoint' | 'bunching';

interface LimitSettingProps {
  kind: LimitKind;
  pour: PourDto;
  plan: PourDispatchDto;
  canPlan: boolean;
  onChanged: (plan: PourDispatchDto) => void;
}

const FIELD = { coldJoint: 'coldJointLimitMinutes', bunching: 'bunchingMaxWaiting' } as const;

function valuesOf(kind: LimitKind, plan: PourDispatchDto): { own: number | null; inEffect: number } {
  return kind === 'coldJoint'
    ? { own: plan.coldJointLimitMinutes, inEffect: plan.rhythm.coldJointLimitMinutes }
    : { own: plan.bunchingMaxWaiting, inEffect: plan.bunchingMaxWaitingInEffect };
}

/** Shows the limit in effect, and lets the dispatch room set the pour's own or return to the default. */
export function LimitSetting({ kind, pour, plan, canPlan, onChanged }: LimitSettingProps) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const action = useDispatchAction();
  const { own, inEffect } = valuesOf(kind, plan);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(own === null ? '' : String(own));
  const testId = kind === 'coldJoint' ? 'plan-limit' : 'plan-bunching';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim() === '' ? null : Number(text);
    if (value !== null && (!Number.isInteger(value) || value < 1)) return;
    const done = await action.run(async () =>
      onChanged(await changeDispatchSettings(api, pour.id, { [FIELD[kind]]: value })),
    );
    if (done) setEditing(false);
  };
  return (
    <div className="plan-limit">
      <span data-testid={testId}>
        {t(`plan.${kind}.value`, { value: formatNumber(inEffect, 0), count: inEffect })}
        {own === null && <span className="muted"> ({t(`plan.${kind}.default`)})</span>}
      </span>
      {canPlan && !editing && (
        <button type="button" className="link-button" data-testid={`${testId}-edit`} onClick={() => setEditing(true)}>
          {t('plan.limitEdit')}
        </button>
      )}
      {editing && (
        <form className="dispatch-form plan-limit-form" onSubmit={submit}>
          <label className="field">
            <span>{t(`plan.${kind}.label`)}</span>
            <input
              inputMode="numeric"
              data-testid={`${testId}-input`}
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
