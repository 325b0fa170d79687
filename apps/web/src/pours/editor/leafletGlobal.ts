import * as L from 'leaflet';

// Geoman extends the global `L` that Leaflet's UMD build sets; touch Leaflet first so it exists.
const scope = globalThis as unknown as { L?: typeof L };
scope.L ??= L;
