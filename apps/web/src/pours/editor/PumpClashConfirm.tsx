import type { PumpClashFacts } from '@pourline/contracts';
import { useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { formatPlantClock, formatPlantTime } from '../plantTime';

interface PumpClashConfirmProps {
  facts: PumpClashFacts;
  /** The plan's plant zone, for the booking this plan asks for. */
  timeZone: string;
  saving: boolean;
  onConfirm: (reason: string) => void;
}

const REASON_MIN = 10;

/** Beside the pump: the pours that already hold it, and saving anyway with a reason that is recorded. */
export function PumpClashConfirm({ facts, timeZone, saving, onConfirm }: PumpClashConfirmProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= REASON_MIN;

  return (
    <div className="editor-field--wide pump-clash" data-testid="pump-clash" role="alert">
      <p className="pump-clash-title">{t('editor.sanity.pumpClashTitle', { pump: facts.pumpCode })}</p>
      <ul className="pump-clash-list">
        {facts.clashes.map((clash) => (
          <li key={clash.pourId} data-testid="pump-clash-pour" data-pour-id={clash.pourId}>
            {t('editor.sanity.pumpClashItem', {
              element: clash.structuralElement,
              project: clash.projectName,
              day: formatPlantTime(clash.booking.from, clash.plantTimeZone, locale, { dateStyle: 'medium' }),
              from: formatPlantClock(clash.booking.from, clash.plantTimeZone, locale),
              until: formatPlantClock(clash.booking.until, clash.plantTimeZone, locale),
              status: t(`status.${clash.status}`),
            })}
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('editor.sanity.pumpClashBooking', {
          from: formatPlantClock(facts.booking.from, timeZone, locale),
          until: formatPlantClock(facts.booking.until, timeZone, locale),
          setUp: facts.rules.pumpSetUpMinutes,
          cleanDown: facts.rules.pumpCleanDownMinutes,
        })}
      </p>
      <p className="muted">{t('editor.sanity.pumpClashHint')}</p>
      <label className="field">
        <span>{t('editor.sanity.reason', { min: REASON_MIN })}</span>
        <textarea
          data-testid="pump-clash-reason"
          rows={2}
          minLength={REASON_MIN}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <div className="action-row">
        <button
          type="button"
          className="button button--warning"
          data-testid="pump-clash-confirm"
          disabled={saving || !valid}
          onClick={() => onConfirm(reason.trim())}
        >
          {t('editor.sanity.confirmPumpClash')}
        </button>
      </div>
    </div>
  );
}
