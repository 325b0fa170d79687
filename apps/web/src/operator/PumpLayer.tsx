import type { LatLng, PourDto, PumpDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { CircleMarkerLayer } from '../map/CircleMarkerLayer';
import { PUMP_MARKER_STYLES } from './operatorMapStyles';

interface PumpLayerProps {
  pumps: readonly PumpDto[];
  activePours: readonly PourDto[];
}

/** Each pump where its tracker says, else at the set-up position of the pour it serves; coloured by status. */
export function PumpLayer({ pumps, activePours }: PumpLayerProps) {
  const { t } = useI18n();
  const positions = useLive((state) => state.pumpPositions);
  const statuses = useLive((state) => state.pumpStatuses);

  return pumps.map((pump) => {
    const tracked = positions.get(pump.id);
    const planned = activePours.find((pour) => pour.pumpId === pump.id)?.pumpPosition ?? null;
    const position: LatLng | null = tracked ? { lat: tracked.lat, lng: tracked.lng } : planned;
    if (!position) return null;
    const status = statuses.get(pump.id)?.status ?? 'idle';
    return (
      <CircleMarkerLayer
        key={pump.id}
        position={position}
        style={PUMP_MARKER_STYLES[status]}
        tooltip={`${t('map.pump')} ${pump.code}: ${t(`pumpStatus.${status}`)}`}
      />
    );
  });
}
