import './loadSteps.css';
import type { LoadDto } from '@pourline/contracts';
import { type LoadStep, type LoadStepPlace, loadStepNeedsReason } from '@pourline/domain';
import { useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLiveStore } from '../live/useLiveStore';
import { DispatchError } from '../operator/DispatchError';
import { useDispatchAction } from '../operator/useDispatchAction';
import { BatchedForm } from './BatchedForm';
import { type LoadStepBody, takeLoadStep } from './loadStepEndpoints';
import { ReasonForm } from './ReasonForm';
import { useLoadStepsFor } from './useLoadStepsFor';

interface LoadStepButtonsProps {
  load: LoadDto;
  /** Where this screen stands in the business: the plant, the site, or the dispatch room standing in for both. */
  places: readonly LoadStepPlace[];
  now: number;
  /** The plant's zone, for the batch time. */
  timeZone: string;
  exclude?: readonly LoadStep[];
  /** Large touch targets for the plant's control room and tablets. */
  large?: boolean;
  onDone?: (load: LoadDto) => void;
}

/** Danger steps look different: concrete thrown away or a ticket taken back. */
const DANGER: ReadonlySet<LoadStep> = new Set(['dispose', 'cancel']);

/** The next steps of a load this person may take, each refused in words when the server says no. */
export function LoadStepButtons({ load, places, now, timeZone, exclude, large, onDone }: LoadStepButtonsProps) {
  const { t } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const action = useDispatchAction();
  const steps = useLoadStepsFor(load, places, now, exclude);
  const [form, setForm] = useState<LoadStep | null>(null);
  if (steps.length === 0) return null;

  const take = (step: LoadStep, body: LoadStepBody = {}) =>
    action
      .run(async () => {
        const changed = await takeLoadStep(api, load.id, step, body);
        store.receiveLoads([changed]);
        onDone?.(changed);
      })
      .then((done) => done && setForm(null));

  const size = large ? 'button--large' : 'button--small';
  return (
    <div className="load-steps" data-testid="load-steps" data-load-id={load.id}>
      {form === null && (
        <div className="load-step-buttons">
          {steps.map(({ step, blocker }) => (
            <button
              key={step}
              type="button"
              className={`button ${size} ${DANGER.has(step) ? 'button--danger' : 'button--primary'}`}
              data-testid={`load-step-${step}`}
              disabled={action.busy || blocker !== null}
              title={blocker ? t(`loadStep.blocked.${blocker}`) : undefined}
              onClick={() => {
                action.clearError();
                if (loadStepNeedsReason(step) || step === 'send_to_qc') setForm(step);
                else void take(step);
              }}
            >
              {t(`loadStep.${step}`)}
            </button>
          ))}
          {steps
            .filter((offered) => offered.blocker !== null)
            .map(({ step, blocker }) => (
              <span key={step} className="load-step-blocker muted" data-testid={`load-step-blocker-${step}`}>
                {t(`loadStep.blocked.${blocker!}`)}
              </span>
            ))}
        </div>
      )}
      {form === 'send_to_qc' && (
        <BatchedForm
          load={load}
          timeZone={timeZone}
          busy={action.busy}
          large={large}
          onSubmit={(body) => void take('send_to_qc', body)}
          onCancel={() => setForm(null)}
        />
      )}
      {form !== null && form !== 'send_to_qc' && (
        <ReasonForm
          title={t(`loadStep.reasonTitle.${form === 'dispose' ? 'dispose' : 'cancel'}`, { ticket: load.ticketNumber })}
          submitLabel={t(`loadStep.${form}`)}
          busy={action.busy}
          testId={`load-step-reason-${form}`}
          onSubmit={(reason) => void take(form, { reason })}
          onCancel={() => setForm(null)}
        />
      )}
      <DispatchError message={action.error} />
    </div>
  );
}
