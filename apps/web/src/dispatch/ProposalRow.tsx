import {
  type AcceptProposalRequest,
  type LoadProposalDto,
  OVERRIDE_REASON_MIN_CHARS,
  type PourDto,
  type TruckDto,
} from '@pourline/contracts';
import { instantToWallClock, wallClockToInstant } from '@pourline/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { usePlants } from '../map/usePlants';
import { formatPlantClock } from '../pours/plantTime';
import { truckChoices } from '../operator/dispatchPlanning';
import { DispatchError } from '../operator/DispatchError';
import { TruckSelect } from '../operator/TruckSelect';
import { useDispatchAction } from '../operator/useDispatchAction';
import { acceptProposal } from './dispatchEndpoints';

interface ProposalRowProps {
  pour: PourDto;
  proposal: LoadProposalDto;
  trucks: readonly TruckDto[];
  canPlan: boolean;
  onDecided: () => void;
}

/** "T07 loads at 10:42 at JN-01", accepted with one action, or changed with a reason. */
export function ProposalRow({ pour, proposal, trucks, canPlan, onDecided }: ProposalRowProps) {
  const { t, locale, formatNumber } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const action = useDispatchAction();
  const allLoads = useLive((state) => state.loads);
  const [editing, setEditing] = useState(false);
  const [truckId, setTruckId] = useState(proposal.truckId);
  const [volumeText, setVolumeText] = useState(String(proposal.volumeM3));
  const [reason, setReason] = useState('');
  const proposedLocal = instantToWallClock(proposal.loadAt, pour.plantTimeZone);
  const [loadAtLocal, setLoadAtLocal] = useState(proposedLocal);
  const [plantId, setPlantId] = useState(proposal.plantId);
  const plants = usePlants().data ?? [];
  const choices = useMemo(() => truckChoices(trucks, pour.plantId, allLoads), [trucks, pour.plantId, allLoads]);
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);
  const volume = Number(volumeText.replace(',', '.'));
  const reasonValid = [...reason.trim()].length >= OVERRIDE_REASON_MIN_CHARS;

  const order = async (changes: Omit<AcceptProposalRequest, 'key'> = {}) => {
    const done = await action.run(async () => {
      const load = await acceptProposal(api, pour.id, { key: proposal.key, ...changes });
      store.receiveLoads([load]);
    });
    if (done) {
      setEditing(false);
      onDecided();
    }
  };
  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    if (!reasonValid || !Number.isFinite(volume) || volume <= 0) return;
    const loadAt = loadAtLocal === proposedLocal ? null : wallClockToInstant(loadAtLocal, pour.plantTimeZone);
    if (loadAtLocal !== proposedLocal && !loadAt) return;
    void order({
      truckId,
      volumeM3: volume,
      ...(loadAt ? { loadAt } : {}),
      ...(plantId !== proposal.plantId ? { plantId } : {}),
      reason: reason.trim(),
    });
  };

  return (
    <li className="plan-proposal" data-testid="plan-proposal" data-key={proposal.key}>
      <div className="plan-proposal-main">
        <span className="plan-proposal-text">
          <strong>
            {t('plan.proposal', {
              truck: proposal.truckFleetNumber,
              time: clock(proposal.loadAt),
              plant: proposal.plantCode,
            })}
          </strong>
          <span className="muted">
            {t('plan.proposalDetail', { volume: formatNumber(proposal.volumeM3), arrive: clock(proposal.arriveAt) })}
          </span>
        </span>
        {canPlan && !editing && (
          <span className="load-action-buttons">
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="plan-accept"
              disabled={action.busy}
              onClick={() => void order()}
            >
              {t('plan.accept')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="plan-change"
              onClick={() => {
                action.clearError();
                setEditing(true);
              }}
            >
              {t('plan.change')}
            </button>
          </span>
        )}
      </div>
      {editing && (
        <form className="dispatch-form" onSubmit={submitOverride} data-testid="plan-override-form">
          <p className="muted">{t('plan.overrideTitle')}</p>
          <TruckSelect choices={choices} value={truckId} onChange={setTruckId} testId="plan-override-truck" />
          <label className="field">
            <span>{t('dispatch.volume')}</span>
            <input
              data-testid="plan-override-volume"
              inputMode="decimal"
              value={volumeText}
              onChange={(event) => setVolumeText(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('plan.overrideLoadAt')}</span>
            <input
              type="datetime-local"
              data-testid="plan-override-load-at"
              value={loadAtLocal}
              onChange={(event) => setLoadAtLocal(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('plan.overridePlant')}</span>
            <select
              data-testid="plan-override-plant"
              value={plantId}
              onChange={(event) => setPlantId(event.target.value)}
            >
              {plants.length === 0 && <option value={proposal.plantId}>{proposal.plantCode}</option>}
              {plants.map((plant) => (
                <option key={plant.id} value={plant.id}>
                  {plant.code} · {plant.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('plan.overrideReason', { min: OVERRIDE_REASON_MIN_CHARS })}</span>
            <textarea
              data-testid="plan-override-reason"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="action-row">
            <button
              type="submit"
              className="button button--small button--primary"
              data-testid="plan-override-submit"
              disabled={action.busy || !reasonValid}
            >
              {t('plan.overrideSubmit')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <DispatchError message={action.error} />
    </li>
  );
}
