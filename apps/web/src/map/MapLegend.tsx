import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/useI18n';
import { MAP_STYLES, MARKER_PINS } from './mapStyles';

type Swatch =
  | { kind: 'area'; color: string; fill: string; dashed: boolean }
  | { kind: 'line'; color: string; dashed: boolean }
  | { kind: 'dot'; color: string }
  | { kind: 'pin'; className: string; text: string };

export interface LegendEntry {
  id: string;
  label: string;
  swatch: Swatch;
}

function SwatchView({ swatch }: { swatch: Swatch }) {
  switch (swatch.kind) {
    case 'area':
      return (
        <span
          className={`legend-swatch legend-swatch--area${swatch.dashed ? ' legend-swatch--dashed' : ''}`}
          style={{ borderColor: swatch.color, backgroundColor: swatch.fill } as CSSProperties}
        />
      );
    case 'line':
      return (
        <span
          className={`legend-swatch legend-swatch--line${swatch.dashed ? ' legend-swatch--dashed' : ''}`}
          style={{ borderTopColor: swatch.color }}
        />
      );
    case 'dot':
      return <span className="legend-swatch legend-swatch--dot" style={{ backgroundColor: swatch.color }} />;
    case 'pin':
      return <span className={`legend-swatch ${swatch.className}`}>{swatch.text}</span>;
  }
}

/** The entries for what a pour map can show, in the order a dispatcher reads them. */
export function usePourLegendEntries(): LegendEntry[] {
  const { t } = useI18n();
  const translucent = (hex: string) => `${hex}40`;
  return [
    {
      id: 'entry',
      label: t('map.entryRoute'),
      swatch: { kind: 'line', color: MAP_STYLES.entryRoute.color, dashed: false },
    },
    {
      id: 'exit',
      label: t('map.exitRoute'),
      swatch: { kind: 'line', color: MAP_STYLES.exitRoute.color, dashed: true },
    },
    { id: 'start', label: t('map.start'), swatch: { kind: 'pin', ...MARKER_PINS.start } },
    { id: 'end', label: t('map.end'), swatch: { kind: 'pin', ...MARKER_PINS.end } },
    { id: 'pump', label: t('map.pump'), swatch: { kind: 'dot', color: MAP_STYLES.pump.fillColor } },
    {
      id: 'site',
      label: t('map.siteGeofence'),
      swatch: {
        kind: 'area',
        color: MAP_STYLES.siteGeofence.color,
        fill: translucent(MAP_STYLES.siteGeofence.fillColor),
        dashed: true,
      },
    },
    {
      id: 'plant-geofence',
      label: t('map.plantGeofence'),
      swatch: {
        kind: 'area',
        color: MAP_STYLES.plantGeofence.color,
        fill: translucent(MAP_STYLES.plantGeofence.fillColor),
        dashed: false,
      },
    },
    { id: 'plant', label: t('map.plant'), swatch: { kind: 'pin', ...MARKER_PINS.plant } },
  ];
}

export function MapLegend({ entries }: { entries: LegendEntry[] }) {
  const { t } = useI18n();
  return (
    <div className="map-legend" data-testid="map-legend">
      <h3 className="visually-hidden">{t('map.legend')}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} data-legend={entry.id}>
            <SwatchView swatch={entry.swatch} />
            <span>{entry.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
