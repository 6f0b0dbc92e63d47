import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The client lives in client/; the server serves client's build output from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  // No modulePreload: the one lazy chunk (PDF export) has no chunks of its own to preload, and the
  // preload helper would add ~1 KiB to the first load.
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, modulePreload: false },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
