import { type LoadDto, type PourDto, REASON_MIN_CHARS, type TruckDto } from '@pourline/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { defaultLoadVolume, needsOverOrderReason, truckChoices, unorderedM3 } from './dispatchPlanning';
import { DispatchError } from './DispatchError';
import { createLoad } from './operatorEndpoints';
import { TruckSelect } from './TruckSelect';
import { useDispatchAction } from './useDispatchAction';

interface NewLoadFormProps {
  pour: PourDto;
  loads: readonly LoadDto[];
  trucks: readonly TruckDto[];
  onClose: () => void;
}

/** Orders one more load for the pour: a truck of its plant, a volume, and a reason when it is more than planned. */
export function NewLoadForm({ pour, loads, trucks, onClose }: NewLoadFormProps) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const allLoads = useLive((state) => state.loads);
  const action = useDispatchAction();
  const choices = useMemo(() => truckChoices(trucks, pour.plantId, allLoads), [trucks, pour.plantId, allLoads]);
  const unordered = unorderedM3(pour.volumeM3, loads);
  const [truckId, setTruckId] = useState(() => choices.find((choice) => !choice.busyWith)?.truck.id ?? '');
  const capacity = trucks.find((truck) => truck.id === truckId)?.capacityM3;
  const [volumeText, setVolumeText] = useState(() => String(defaultLoadVolume(capacity ?? 10, unordered)));
  const [volumeTouched, setVolumeTouched] = useState(false);
  const [reason, setReason] = useState('');
  const volume = Number(volumeText.replace(',', '.'));
  const overOrder = Number.isFinite(volume) && needsOverOrderReason(volume, unordered);
  const volumeValid = Number.isFinite(volume) && volume > 0 && (capacity === undefined || volume <= capacity);
  const reasonValid = !overOrder || reason.trim().length >= REASON_MIN_CHARS;

  const chooseTruck = (id: string) => {
    setTruckId(id);
    const chosen = trucks.find((truck) => truck.id === id);
    if (chosen && !volumeTouched) setVolumeText(String(defaultLoadVolume(chosen.capacityM3, unordered)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!volumeValid || !reasonValid) return;
    const done = await action.run(async () => {
      const load = await createLoad(api, pour.id, {
        truckId: truckId || null,
        volumeM3: volume,
        ...(overOrder ? { overOrderReason: reason.trim() } : {}),
      });
      store.receiveLoads([load]);
    });
    if (done) onClose();
  };

  return (
    <form className="dispatch-form" data-testid="new-load-form" onSubmit={submit}>
      <p className="dispatch-form-title">
        {t('dispatch.newLoadTitle', { unordered: formatNumber(unordered), planned: formatNumber(pour.volumeM3) })}
      </p>
      <TruckSelect
        choices={choices}
        value={truckId}
        onChange={chooseTruck}
        testId="new-load-truck"
        allowNone
        autoFocus
      />
      <label className="field">
        <span>{t('dispatch.volume')}</span>
        <input
          data-testid="new-load-volume"
          type="number"
          inputMode="decimal"
          min="0.5"
          max={capacity ?? 20}
          step="0.5"
          value={volumeText}
          onChange={(event) => {
            setVolumeTouched(true);
            setVolumeText(event.target.value);
          }}
          required
        />
      </label>
      {/* A volume of nothing or less is said, not only greyed out. */}
      {volumeText.trim() !== '' && (!Number.isFinite(volume) || volume <= 0) && (
        <p className="form-hint text-danger" data-testid="new-load-volume-error">
          {t('validation.moreThan', { field: t('field.volumeM3'), value: '0 m³' })}
        </p>
      )}
      {capacity !== undefined && Number.isFinite(volume) && volume > capacity && (
        <p className="form-hint text-danger">{t('dispatch.overCapacity', { capacity: formatNumber(capacity) })}</p>
      )}
      {overOrder && (
        <label className="field">
          <span>{t('dispatch.overOrderReason', { unordered: formatNumber(unordered) })}</span>
          <textarea
            data-testid="new-load-reason"
            rows={2}
            minLength={REASON_MIN_CHARS}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
          />
        </label>
      )}
      <div className="action-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="new-load-submit"
          disabled={action.busy || !volumeValid || !reasonValid}
        >
          {t('dispatch.newLoadSubmit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <DispatchError message={action.error} />
    </form>
  );
}
