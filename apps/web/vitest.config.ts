import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Component tests: the web app's components in jsdom, with Testing Library (`npx nx run web:test`).
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@roi/domain': here('../../libs/domain/src/index.ts') } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Two shared cores: one worker keeps the run predictable beside the other checks.
    maxWorkers: 1,
    testTimeout: 20_000,
  },
});
