import * as L from 'leaflet';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { MapContext } from './MapContext';

interface LeafletMapProps {
  children?: ReactNode;
  className?: string;
  testId?: string;
  label: string;
}

/** A plain Leaflet map; layers are child components that render nothing and talk to it through context. */
export function LeafletMap({ children, className, testId, label }: LeafletMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = L.map(container, {
      center: [0, 0],
      zoom: 2,
      zoomSnap: 0.5,
      // Tiles may never arrive (no internet on site); vectors must not wait for them.
      fadeAnimation: false,
    });
    // The panel can change size without the window doing so (split layouts, rotation).
    const resize = new ResizeObserver(() => instance.invalidateSize());
    resize.observe(container);
    setMap(instance);
    return () => {
      resize.disconnect();
      instance.remove();
      setMap(null);
    };
  }, []);

  return (
    <>
      <div ref={containerRef} className={className} data-testid={testId} role="region" aria-label={label} />
      {map && <MapContext value={map}>{children}</MapContext>}
    </>
  );
}
