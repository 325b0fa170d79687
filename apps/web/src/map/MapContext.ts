import type { Map as LeafletMapInstance } from 'leaflet';
import { createContext } from 'react';

export const MapContext = createContext<LeafletMapInstance | null>(null);
