import type { PourDto } from '@pourline/contracts';
import { localDateInZone } from '@pourline/domain';

/** A draft is still being planned in the office: nothing for the site to follow yet. */
export const followable = (pour: PourDto) => pour.status !== 'draft';

/** The calendar day a pour belongs to, on its plant's clock. */
export const pourDay = (pour: PourDto) => localDateInZone(new Date(pour.scheduledStart), pour.plantTimeZone);

/** How many pours of other days the picker offers: the nearest, coming ones first. */
export const OTHER_DAYS_SHOWN = 20;

/**
 * Pours of other days a site may still want to open: not drafts, the coming
 * ones soonest first, then the past ones latest first, the nearest few only.
 */
export function otherDayPours(all: readonly PourDto[], now: Date, limit = OTHER_DAYS_SHOWN): PourDto[] {
  const others = all.filter((pour) => followable(pour) && pourDay(pour) !== localDateInZone(now, pour.plantTimeZone));
  const start = (pour: PourDto) => Date.parse(pour.scheduledStart);
  const coming = others.filter((pour) => start(pour) >= now.getTime()).sort((a, b) => start(a) - start(b));
  const past = others.filter((pour) => start(pour) < now.getTime()).sort((a, b) => start(b) - start(a));
  return [...coming, ...past].slice(0, limit);
}

/** Pours of one day in a row, the days in the order given. */
export function groupByDay(pours: readonly PourDto[]): { day: string; pours: PourDto[] }[] {
  const groups: { day: string; pours: PourDto[] }[] = [];
  for (const pour of pours) {
    const day = pourDay(pour);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.pours.push(pour);
    else groups.push({ day, pours: [pour] });
  }
  return groups;
}
