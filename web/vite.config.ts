import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// `sinergi-source` makes @sinergi/core resolve to its TypeScript source, so the web needs no core build.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['sinergi-source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  // One bundle on purpose: offices load it once over a slow link and then work from the cache.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
});
