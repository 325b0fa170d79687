import type { PourDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';

interface SitePourPickerProps {
  pours: readonly PourDto[] | undefined;
  chosenId: string | null;
  onChoose: (pourId: string) => void;
}

/** Today's pours of this person's projects as big buttons; the one followed is pressed. */
export function SitePourPicker({ pours, chosenId, onChoose }: SitePourPickerProps) {
  const { t, locale } = useI18n();
  return (
    <nav className="site-picker" data-testid="site-pour-picker" aria-label={t('site.picker.label')}>
      {pours === undefined && <span className="muted">{t('app.loading')}</span>}
      {pours?.length === 0 && <span className="muted">{t('site.picker.empty')}</span>}
      {pours?.map((pour) => (
        <button
          key={pour.id}
          type="button"
          className="site-picker-option"
          data-testid="site-pour-option"
          data-pour-id={pour.id}
          aria-pressed={pour.id === chosenId}
          onClick={() => onChoose(pour.id)}
        >
          <span className="site-picker-element">{pour.structuralElement}</span>
          <span className="site-picker-meta">
            {formatPlantClock(pour.scheduledStart, pour.plantTimeZone, locale)} · {t(`status.${pour.status}`)}
          </span>
          {pour.dispatchHold && (
            <span className="site-picker-held" data-testid="site-pour-option-held">
              {t('site.hold.short')}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
