/**
 * Import rules the type checker cannot see (docs/architecture.md): no folder of either app may
 * take part in an import cycle. A cycle between folders (a feature and another, a module and
 * another) is refused even when no single file imports itself back, since two folders that need
 * each other are one concept split in two, or a missing lower layer.
 * Run by `npm run lint:cycles` (part of `npm run lint`, so CI refuses a cycle).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Two folders import each other, directly or through others. Move what both need to a ' +
        'lower layer (apps/web/src/ui, session, api; apps/api/src/common) or let one own it and ' +
        'export it through its index (features/execution/index.ts).',
      scope: 'folder',
      from: { path: '^apps/(api|web)/src' },
      to: { circular: true },
    },
    {
      // Reported, not refused: inside one folder a cycle (often a type-only import) is the
      // folder's own business; between folders it is the error above.
      name: 'no-file-cycle',
      severity: 'warn',
      comment: 'Files that import each other, directly or through others.',
      from: { path: '^apps/(api|web)/src' },
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-feature',
      severity: 'error',
      comment:
        'ui/, session/ and api/ sit below the features: a shared piece that needs data has it handed in.',
      from: { path: '^apps/web/src/(ui|session|api)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'features-import-no-app',
      severity: 'error',
      comment: 'The app (router, shell, providers) imports the features, never the other way.',
      from: { path: '^apps/web/src/features/' },
      to: { path: '^apps/web/src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.gen\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Folder-level rules need the folder graph, which dependency-cruiser derives with metrics.
    metrics: true,
    skipAnalysisNotInRules: true,
  },
};
