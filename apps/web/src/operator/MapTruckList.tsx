import type { LatestPositionDto, LoadDto, TruckDto } from '@pourline/contracts';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { currentLoadByTruck, TRUCK_PHASE_COLORS, truckPhase } from './truckStyles';

const NO_POSITIONS: ReadonlyMap<string, LatestPositionDto> = new Map();
const NO_LOADS: ReadonlyMap<string, LoadDto> = new Map();

interface MapTruckListProps {
  trucks: readonly TruckDto[];
  selectedTruckId: string | null;
  onSelect: (truckId: string) => void;
}

/**
 * The trucks drawn on the map's canvas as a list a keyboard or a screen reader can reach: the count
 * over the map opens it, each truck (those bunched into a counted badge too) is one button.
 */
export function MapTruckList({ trucks, selectedTruckId, onSelect }: MapTruckListProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const count = useLive((state) => state.truckPositions.size);
  // Closed, it follows the count only: a batch of positions re-renders nothing.
  const positions = useLive((state) => (open ? state.truckPositions : NO_POSITIONS));
  const loads = useLive((state) => (open ? state.loads : NO_LOADS));

  const rows = useMemo(() => {
    const loadByTruck = currentLoadByTruck(loads);
    const fleet = new Map(trucks.map((truck) => [truck.id, truck]));
    return [...positions.values()]
      .map((position) => {
        const load = loadByTruck.get(position.entityId);
        return {
          id: position.entityId,
          name: fleet.get(position.entityId)?.fleetNumber ?? position.label,
          phase: truckPhase(load),
          ticket: load?.ticketNumber ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }, [positions, loads, trucks]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <div className="map-truck-list" onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={toggleRef}
        type="button"
        className="truck-count"
        data-testid="truck-count"
        data-count={count}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {t('live.truckCount', { count })}
      </button>
      {open && (
        <ul id={listId} className="map-truck-list-items" data-testid="map-truck-list" aria-label={t('live.truckList')}>
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="map-truck-list-item"
                data-testid="map-truck-list-item"
                data-truck-id={row.id}
                aria-current={row.id === selectedTruckId ? 'true' : undefined}
                onClick={() => {
                  // The truck card returns focus to the count when it closes.
                  toggleRef.current?.focus();
                  setOpen(false);
                  onSelect(row.id);
                }}
              >
                <span
                  className="truck-swatch"
                  style={{ backgroundColor: TRUCK_PHASE_COLORS[row.phase] }}
                  aria-hidden="true"
                />
                <span className="map-truck-list-name">{row.name}</span>
                <span className="map-truck-list-phase">{t(`truckPhase.${row.phase}`)}</span>
                {row.ticket && <span className="mono map-truck-list-ticket">{row.ticket}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
