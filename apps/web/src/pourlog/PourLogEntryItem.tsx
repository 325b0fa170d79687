import type { PourLogEntryDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock, formatPlantTime } from '../pours/plantTime';
import { entryWords } from './pourLogWords';

interface PourLogEntryItemProps {
  entry: PourLogEntryDto;
  timeZone: string;
  canConfirm: boolean;
  confirming: boolean;
  onConfirm: (messageId: string) => void;
}

/** One line of the thread: when (plant time), what, who; and a proposal's state with its confirm button. */
export function PourLogEntryItem({ entry, timeZone, canConfirm, confirming, onConfirm }: PourLogEntryItemProps) {
  const { t, locale, formatNumber } = useI18n();
  const { headline, detail } = entryWords(entry, t, formatNumber);
  const { proposal } = entry;
  const role = entry.by.role ? t(`role.${entry.by.role}`) : t('pourLog.someone');

  return (
    <li
      className={`pour-log-entry pour-log-entry--${entry.kind}`}
      data-testid="pour-log-entry"
      data-entry-id={entry.id}
      data-kind={entry.kind}
      data-code={entry.code}
    >
      <time className="pour-log-time" dateTime={entry.at} title={formatPlantTime(entry.at, timeZone, locale)}>
        {formatPlantClock(entry.at, timeZone, locale)}
      </time>
      <div className="pour-log-body">
        <p className="pour-log-words" data-testid="pour-log-words">
          {headline}
        </p>
        {detail && <p className="pour-log-detail">{detail}</p>}
        <p className="pour-log-by">
          {entry.by.name} · {role}
        </p>
        {proposal?.status === 'pending' && (
          <div className="pour-log-proposal" data-testid="pour-log-proposal" data-status="pending">
            <span className="pour-log-pending">{t('pourLog.proposal.pending')}</span>
            {canConfirm && (
              <button
                type="button"
                className="button button--primary pour-log-confirm"
                data-testid="pour-log-confirm"
                disabled={confirming}
                onClick={() => onConfirm(entry.id)}
              >
                {confirming
                  ? t('pourLog.sending')
                  : t('pourLog.proposal.confirm', { m3: formatNumber(proposal.remainingM3, 2) })}
              </button>
            )}
          </div>
        )}
        {proposal?.status === 'confirmed' && (
          <p className="pour-log-proposal" data-testid="pour-log-proposal" data-status="confirmed">
            {t('pourLog.proposal.confirmed', {
              name: proposal.confirmedBy?.name ?? t('common.none'),
              time: proposal.confirmedAt ? formatPlantClock(proposal.confirmedAt, timeZone, locale) : t('common.none'),
              from: proposal.plannedM3 ? formatNumber(proposal.plannedM3.from, 2) : t('common.none'),
              to: proposal.plannedM3 ? formatNumber(proposal.plannedM3.to, 2) : t('common.none'),
            })}
          </p>
        )}
      </div>
    </li>
  );
}
