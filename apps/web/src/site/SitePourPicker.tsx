import type { PourDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock, formatPlantTime } from '../pours/plantTime';
import { groupByDay } from './sitePourChoices';

interface SitePourPickerProps {
  /** Today's pours; undefined while loading. */
  pours: readonly PourDto[] | undefined;
  /** Pours of other days, once asked for; undefined while not (yet) loaded. */
  otherDays: readonly PourDto[] | undefined;
  otherDaysOpen: boolean;
  onToggleOtherDays: () => void;
  chosen: PourDto | null;
  onChoose: (pourId: string) => void;
}

/**
 * Today's pours of this person's projects as big buttons naming project and
 * element; the one followed is pressed. Other days (no drafts) open on a tap.
 */
export function SitePourPicker(props: SitePourPickerProps) {
  const { pours, otherDays, otherDaysOpen, onToggleOtherDays, chosen, onChoose } = props;
  const { t, locale } = useI18n();
  // A pour of another day being followed stays in sight when the other days are closed.
  const chosenElsewhere = chosen && pours && !pours.some((pour) => pour.id === chosen.id) ? chosen : null;
  const option = (pour: PourDto, day: 'today' | 'other') => (
    <button
      key={pour.id}
      type="button"
      className="site-picker-option"
      data-testid="site-pour-option"
      data-pour-id={pour.id}
      data-day={day}
      aria-pressed={pour.id === chosen?.id}
      onClick={() => onChoose(pour.id)}
    >
      <span className="site-picker-project">{pour.projectName}</span>
      <span className="site-picker-element">{pour.structuralElement}</span>
      <span className="site-picker-meta">
        {day === 'today'
          ? formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)
          : formatPlantTime(pour.scheduledStart, pour.plantTimeZone, locale, {
              month: 'short',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
            })}{' '}
        · {t(`status.${pour.status}`)}
        {pour.dispatchHold && (
          <span className="site-picker-held" data-testid="site-pour-option-held">
            {' '}
            · {t('site.hold.short')}
          </span>
        )}
      </span>
    </button>
  );

  return (
    <nav className="site-picker" data-testid="site-pour-picker" aria-label={t('site.picker.label')}>
      <div className="site-picker-row">
        {pours === undefined && <span className="muted">{t('app.loading')}</span>}
        {pours?.length === 0 && <span className="muted site-picker-none">{t('site.picker.empty')}</span>}
        {pours?.map((pour) => option(pour, 'today'))}
        {chosenElsewhere && !otherDaysOpen && option(chosenElsewhere, 'other')}
        <button
          type="button"
          className="site-picker-more"
          data-testid="site-pour-other-days"
          aria-expanded={otherDaysOpen}
          aria-controls="site-picker-other-days"
          onClick={onToggleOtherDays}
        >
          {otherDaysOpen ? t('site.picker.hideOtherDays') : t('site.picker.otherDays')}
        </button>
      </div>
      {otherDaysOpen && (
        <div className="site-picker-others" id="site-picker-other-days" data-testid="site-pour-others">
          {otherDays === undefined && <span className="muted">{t('app.loading')}</span>}
          {otherDays?.length === 0 && <span className="muted">{t('site.picker.noOtherDays')}</span>}
          {otherDays &&
            groupByDay(otherDays).map((group) => (
              <section key={group.day} className="site-picker-day" aria-label={group.day}>
                <h3>
                  {formatPlantTime(group.pours[0].scheduledStart, group.pours[0].plantTimeZone, locale, {
                    weekday: 'short',
                    month: 'short',
                    day: 'numeric',
                  })}
                </h3>
                <div className="site-picker-row">{group.pours.map((pour) => option(pour, 'other'))}</div>
              </section>
            ))}
        </div>
      )}
    </nav>
  );
}
