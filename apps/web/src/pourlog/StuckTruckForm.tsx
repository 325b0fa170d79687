import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { usePourTrucks } from './usePourTrucks';

interface StuckTruckFormProps {
  pourId: string;
  busy: boolean;
  onSend: (truck: string) => void;
  onClose: () => void;
}

/** Which truck is stuck: one tap on a truck of this pour, or its number typed. */
export function StuckTruckForm({ pourId, busy, onSend, onClose }: StuckTruckFormProps) {
  const { t } = useI18n();
  const trucks = usePourTrucks(pourId);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) onSend(typed.trim());
  };

  return (
    <form className="pour-log-param" data-testid="pour-log-truck-form" onSubmit={submit}>
      <p className="pour-log-param-title">{t('pourLog.truckLabel')}</p>
      {trucks.length > 0 && (
        <div className="pour-log-param-choices">
          {trucks.map((truck) => (
            <button
              key={truck}
              type="button"
              className="button pour-log-quick"
              data-testid="pour-log-truck"
              disabled={busy}
              onClick={() => onSend(truck)}
            >
              {truck}
            </button>
          ))}
        </div>
      )}
      <div className="pour-log-param-row">
        <label className="field" htmlFor={inputId}>
          <span>{t('pourLog.truckOther')}</span>
          <input
            id={inputId}
            value={typed}
            maxLength={20}
            autoComplete="off"
            data-testid="pour-log-truck-input"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary pour-log-quick" disabled={busy || !typed.trim()}>
          {t('pourLog.send')}
        </button>
        <button type="button" className="button button--ghost pour-log-quick" onClick={onClose}>
          {t('pourLog.close')}
        </button>
      </div>
    </form>
  );
}
