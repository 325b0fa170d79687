import './leafletGlobal';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type * as L from 'leaflet';

// Geoman hangs `PM` on the global `L`, which the bundler's copy of the module namespace does not see.
const leaflet = (globalThis as unknown as { L: typeof L }).L;

// Only the editor's own layers are editable; other maps and the reference outlines stay as they are.
leaflet.PM.setOptIn(true);

/** The map's geoman handle; LeafletMap does not opt in, so the editor attaches one once. */
export function geomanOf(map: L.Map): L.PM.PMMap {
  if (!map.pm) {
    // The constructor is public at runtime but missing from geoman's typings.
    const { Map: PMMapClass } = leaflet.PM as unknown as { Map: new (map: L.Map) => L.PM.PMMap };
    map.pm = new PMMapClass(map);
    map.pm.setGlobalOptions({ finishOnEnter: true });
  }
  return map.pm;
}
