import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // Brotli and gzip twins of every text file, once at build time; the API serves the one the
    // browser accepts (apps/api/src/common/web-app). Source maps are fetched only by devtools.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
    }),
  ],
  resolve: {
    // The web app compiles the shared domain rules from source, like the API's tests do.
    alias: { '@roi/domain': here('../../libs/domain/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // V8's explicit compile hint (Chrome 136 on): the functions of a file marked so are
        // compiled as it downloads, off the main thread, instead of each on the main thread when
        // first called (in a chunk that imports others, Vite's preload list comes first and the
        // hint second). A chunk here is a page's or a part's code, most of it run as it opens;
        // the KPI page's long tasks as it opens took 607-685 ms with it against 830-873 without
        // (medians of 7 cold loads, twice), the chart's own 110-124 against 137-143.
        postBanner: '//# allFunctionsCalledOnLoad',
        codeSplitting: {
          // Rolldown splits the code shared by the pages into one chunk per set of pages sharing
          // it: 161 files, and the KPI page loaded 82 of them, most under 1 KB, each a round
          // trip. Common chunks under 20 KB of source are copied into the chunks that use them
          // instead (one module state across the copies): the KPI page loads 27 and the map 19,
          // the sign-in page 15 (189 KB gzipped against 187). All pages' scripts together weigh
          // more (891 KB gzipped against 607), which a person moving from page to page pays for
          // in part (the map then the KPI page: 166 KB against 147); docs/benchmarks.md.
          experimentalInlineCommonChunks: { maxSize: 20 * 1024 },
        },
      },
      // libs/domain is pure by rule (no I/O, nothing done on import), so a page that takes one
      // function from its index does not also carry the currency table and fraction.js.
      // A feature's index.ts only re-exports what the feature offers the rest of the app: without
      // this, importing one hook through it (the strategy map takes useMilestones) brought every
      // module it names (the milestone drawer with its forms and selects) into the page's chunks,
      // and the drawer's dynamic import did not split it off.
      treeshake: {
        moduleSideEffects: [
          { test: /\/libs\/domain\/src\//, sideEffects: false },
          { test: /\/apps\/web\/src\/features\/[^/]+\/index\.ts$/, sideEffects: false },
        ],
      },
    },
  },
  server: {
    port: 4200,
    // In development Vite serves the app and forwards the API to `npm start`'s server.
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
  },
});
