import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The API serves the built console from apps/web/dist on the same origin, so
// in development the dev server forwards /api and /socket.io to it.
const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    // The libs are built as CommonJS for Node; the console bundles their source instead.
    alias: {
      '@pourline/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@pourline/domain': fromHere('../../libs/domain/src/index.ts'),
    },
  },
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: true },
      '/socket.io': { target: API_ORIGIN, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the console: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 2 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
