// `npm run bench`: jest only as the runner (TypeScript, the test harness); a benchmark asserts
// nothing about time, it writes its figures to docs/benchmarks.md.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 300000,
};
