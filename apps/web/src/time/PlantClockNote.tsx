import './plantClock.css';
import { sameWallClock, zoneAbbreviation } from '@pourline/domain';
import { useI18n } from '../i18n/useI18n';
import { useNow } from '../operator/useNow';
import { browserTimeZone } from './plantDay';
import { usePlantsZone } from './usePlantsZone';

const CHECK_MS = 60_000;

/**
 * Every time in the console is on the plants' clock. Where the browser's clock reads differently
 * (a customer abroad, a laptop left on another zone) the header says which clock that is.
 */
export function PlantClockNote() {
  const { t, locale } = useI18n();
  const zone = usePlantsZone();
  const now = new Date(useNow(CHECK_MS));
  if (sameWallClock(now, zone, browserTimeZone())) return null;
  const abbreviation = zoneAbbreviation(now, zone, locale);
  const sentence = t('header.plantClock', { zone: abbreviation });
  // On a phone only the zone shows; the whole sentence is the note's name and tooltip.
  return (
    <span
      className="plant-clock-note"
      role="note"
      data-testid="plant-clock-note"
      title={`${sentence} · ${zone}`}
      aria-label={sentence}
    >
      <span className="plant-clock-words" aria-hidden="true">
        {t('header.plantClockWords')}{' '}
      </span>
      <span aria-hidden="true">{abbreviation}</span>
    </span>
  );
}
