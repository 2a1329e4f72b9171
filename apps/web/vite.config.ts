import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // The web app compiles the shared domain rules from source, like the API's tests do.
    alias: { '@roi/domain': here('../../libs/domain/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    // In development Vite serves the app and forwards the API to `npm start`'s server.
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
  },
});
