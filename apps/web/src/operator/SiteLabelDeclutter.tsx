import { useEffect } from 'react';
import { useLeafletMap } from '../map/useLeafletMap';

const CROWDED = 'site-label--crowded';

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/**
 * Site names are drawn at every zoom; where two would cover each other or a plant's pin (sites a
 * few hundred metres apart on a phone), the later one is left out until a closer zoom separates them.
 */
export function SiteLabelDeclutter({ sitesKey }: { sitesKey: string }) {
  const map = useLeafletMap();
  useEffect(() => {
    const container = map.getContainer();
    let frame = 0;
    const declutter = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const labels = [...container.querySelectorAll<HTMLElement>('.site-label')];
        for (const label of labels) label.classList.remove(CROWDED);
        const kept = [...container.querySelectorAll<HTMLElement>('.map-pin--plant')].map((pin) =>
          pin.getBoundingClientRect(),
        );
        for (const label of labels) {
          const box = label.getBoundingClientRect();
          if (kept.some((other) => overlaps(box, other))) label.classList.add(CROWDED);
          else kept.push(box);
        }
      });
    };
    declutter();
    map.on('zoomend moveend resize', declutter);
    return () => {
      cancelAnimationFrame(frame);
      map.off('zoomend moveend resize', declutter);
    };
  }, [map, sitesKey]);
  return null;
}
