import type { PourDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';

/** The dispatch room has stopped sending trucks to this pour: the site must know at once, and why. */
export function SiteHoldBanner({ pour, hold }: { pour: PourDto; hold: NonNullable<PourDto['dispatchHold']> }) {
  const { t, locale } = useI18n();
  return (
    <div className="site-hold" role="alert" data-testid="site-hold-banner">
      <strong>{t('site.hold.title')}</strong>
      <span>
        {t('site.hold.detail', {
          name: hold.byName,
          time: formatPlantClock(hold.at, pour.plantTimeZone, locale),
          reason: hold.reason,
        })}
      </span>
    </div>
  );
}
