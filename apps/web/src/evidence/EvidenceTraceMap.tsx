import type { EvidenceLoadDto } from '@pourline/contracts';
import * as L from 'leaflet';
import { useMemo } from 'react';
import { useClientConfig } from '../api/useClientConfig';
import { useI18n } from '../i18n/useI18n';
import { FitBounds } from '../map/FitBounds';
import { LeafletMap } from '../map/LeafletMap';
import { TileLayer } from '../map/TileLayer';
import { TraceLayer } from './TraceLayer';

/** Distinct, colour-blind-friendly hues, one per load in turn. */
export const TRACE_COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037', '#ad1457'];

/** Every load's GPS trace, from leaving the plant to its return, on one map. */
export function EvidenceTraceMap({ loads }: { loads: EvidenceLoadDto[] }) {
  const { t } = useI18n();
  const config = useClientConfig();
  const traced = loads.filter((load) => load.trace.length > 0);
  const bounds = useMemo(() => {
    const points = traced.flatMap((load) => load.trace.map(([lat, lng]) => L.latLng(lat, lng)));
    return points.length ? L.latLngBounds(points) : null;
  }, [traced]);
  if (traced.length === 0) return <p className="muted">{t('evidence.noTraces')}</p>;
  return (
    <div className="evidence-map-frame">
      <LeafletMap className="evidence-map" testId="evidence-map" label={t('evidence.map')}>
        {config?.mapTileUrl && (
          <TileLayer key={config.mapTileAttribution} url={config.mapTileUrl} attribution={config.mapTileAttribution} />
        )}
        {traced.map((load) => (
          <TraceLayer
            key={load.loadId}
            trace={load.trace}
            color={TRACE_COLOURS[loads.indexOf(load) % TRACE_COLOURS.length]}
            tooltip={`${load.ticketNumber} · ${load.truckFleetNumber ?? ''}`}
          />
        ))}
        <FitBounds bounds={bounds} fitKey={traced.map((load) => load.loadId).join('|')} />
      </LeafletMap>
    </div>
  );
}
