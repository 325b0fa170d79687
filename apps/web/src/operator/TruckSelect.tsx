import { useI18n } from '../i18n/useI18n';
import type { TruckChoice } from './dispatchPlanning';

interface TruckSelectProps {
  choices: readonly TruckChoice[];
  value: string;
  onChange: (truckId: string) => void;
  testId: string;
  /** Required when a truck must be chosen now; otherwise "no truck yet" may stay. */
  allowNone?: boolean;
  /** Focused when it appears in place of the button that asked for it. */
  autoFocus?: boolean;
}

/** The plant's active trucks, busy ones marked with the ticket they are on. */
export function TruckSelect({ choices, value, onChange, testId, allowNone = false, autoFocus }: TruckSelectProps) {
  const { t, formatNumber } = useI18n();
  return (
    <label className="field">
      <span>{t('dispatch.truck')}</span>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={!allowNone}
        autoFocus={autoFocus}
      >
        <option value="">{allowNone ? t('dispatch.truckLater') : t('dispatch.chooseTruck')}</option>
        {choices.map(({ truck, busyWith }) => (
          <option key={truck.id} value={truck.id} data-busy={busyWith ? 'true' : 'false'}>
            {busyWith
              ? t('dispatch.truckBusy', {
                  truck: truck.fleetNumber,
                  capacity: formatNumber(truck.capacityM3),
                  ticket: busyWith.ticketNumber,
                  status: t(`loadStatus.${busyWith.status}`),
                })
              : t('dispatch.truckFree', { truck: truck.fleetNumber, capacity: formatNumber(truck.capacityM3) })}
          </option>
        ))}
      </select>
    </label>
  );
}
