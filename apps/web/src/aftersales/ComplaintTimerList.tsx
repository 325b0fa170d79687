import type { ComplaintTimerDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** Each service promise: when it is due, and whether it was kept, kept late, still running or broken. */
export function ComplaintTimerList({
  timers,
  formatTime,
}: {
  timers: ComplaintTimerDto[];
  formatTime: (iso: string) => string;
}) {
  const { t } = useI18n();
  return (
    <ul className="complaint-timers" data-testid="complaint-timers">
      {timers.map((timer) => (
        <li key={timer.timer} className={`complaint-timer complaint-timer--${timer.status}`} data-status={timer.status}>
          <span className="complaint-timer-name">{t(`complaints.timer.${timer.timer}`)}</span>
          <span className="complaint-timer-status">{t(`complaints.timerStatus.${timer.status}`)}</span>
          <span className="muted">
            {t('complaints.timer.due', { time: formatTime(timer.dueAt) })}
            {timer.metAt ? ` · ${t('complaints.timer.metAt', { time: formatTime(timer.metAt) })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
