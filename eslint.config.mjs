import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/*.gen.ts', '**/coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The layers of docs/architecture.md, enforced: libs/domain is pure (no framework, no I/O),
      // apps never import each other, the browser tests talk to the product only over HTTP.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'react',
                'react-dom',
                '@mantine/*',
                'express',
                'node:*',
              ],
            },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['type:domain', 'type:migrations'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests state what they expect to exist; a failed assumption fails the test anyway.
    files: [
      '**/test/**/*.ts',
      '**/*.spec.ts',
      '**/*-spec.ts',
      '**/bench/**/*.ts',
      'apps/web-e2e/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
];
