import type { LatLng, LineString, PourDto } from '@pourline/contracts';
import { lineStringLengthMeters } from '@pourline/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n';
import { documentTypeLabel } from './documentTypeLabel';
import { formatPlantTime, plantZoneName } from './plantTime';

function formatLatLng(position: LatLng | null): string | null {
  return position ? `${position.lat.toFixed(5)}, ${position.lng.toFixed(5)}` : null;
}

export function PourPlanPanel({ pour }: { pour: PourDto }) {
  const { t, locale, formatNumber } = useI18n();
  const none = t('common.none');
  const route = (line: LineString) =>
    t('detail.routeValue', {
      km: formatNumber(lineStringLengthMeters(line.coordinates) / 1000, 2),
      points: line.coordinates.length,
    });
  const override = pour.documentGateOverride;

  const rows: Array<[string, ReactNode, string?]> = [
    [t('detail.project'), pour.projectName],
    [t('detail.customer'), pour.customerName],
    [t('detail.plant'), pour.plantName],
    [t('detail.element'), pour.structuralElement],
    [
      t('detail.scheduledStart'),
      <time dateTime={pour.scheduledStart}>
        {formatPlantTime(pour.scheduledStart, pour.plantTimeZone, locale, { dateStyle: 'full', timeStyle: 'short' })}
      </time>,
    ],
    [t('detail.timeZone'), `${pour.plantTimeZone} (${plantZoneName(pour.scheduledStart, pour.plantTimeZone, locale)})`],
    [t('detail.volume'), `${formatNumber(pour.volumeM3)} m³`],
    [t('detail.rate'), `${formatNumber(pour.pourRateM3PerHour)} m³/h`],
    [t('detail.duration'), t('detail.durationValue', { hours: formatNumber(pour.volumeM3 / pour.pourRateM3PerHour) })],
    [t('detail.mix'), pour.mixCode],
    [t('detail.slump'), t('detail.slumpValue', { target: pour.slumpTargetMm, tolerance: pour.slumpToleranceMm })],
    [t('detail.initialSetting'), t('detail.minutes', { minutes: pour.initialSettingMinutes })],
    [t('detail.pump'), pour.pumpCode ?? t('board.noPump')],
    [t('detail.pumpingMethod'), t(`pumping.${pour.pumpingMethod}`)],
    [t('detail.pumpPosition'), formatLatLng(pour.pumpPosition) ?? none, 'mono'],
    [t('detail.startPoint'), formatLatLng(pour.startPoint), 'mono'],
    [t('detail.endPoint'), formatLatLng(pour.endPoint), 'mono'],
    [t('detail.direction'), pour.direction || none],
    [t('detail.trucks'), pour.truckCount],
    [t('detail.entryRoute'), route(pour.entryRoute)],
    [t('detail.exitRoute'), route(pour.exitRoute)],
    [
      t('detail.requiredDocuments'),
      pour.requiredDocumentTypes.length > 0
        ? pour.requiredDocumentTypes.map((type) => documentTypeLabel(type, t)).join(', ')
        : none,
    ],
  ];
  if (override) {
    rows.push([
      t('detail.override'),
      t('detail.overrideValue', {
        name: override.byName,
        time: formatPlantTime(override.at, pour.plantTimeZone, locale),
        reason: override.reason,
      }),
    ]);
  }

  return (
    <section className="panel" aria-labelledby="plan-title" data-testid="pour-plan">
      <h2 id="plan-title">{t('detail.plan')}</h2>
      <dl className="plan-list">
        {rows.map(([label, value, variant]) => (
          <div key={label} className="plan-item">
            <dt>{label}</dt>
            <dd className={variant}>{value}</dd>
          </div>
        ))}
      </dl>
      {pour.notes && (
        <div className="plan-notes">
          <h3>{t('detail.notes')}</h3>
          <p>{pour.notes}</p>
        </div>
      )}
    </section>
  );
}
