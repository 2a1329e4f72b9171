// `npm run bench:load`: the load benchmark alone (minutes, two built API processes), apart from
// `npm run bench`. Like the other benchmarks it asserts nothing about time; it writes its figures
// to docs/benchmarks.md.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-bench-load',
  rootDir: __dirname,
  testMatch: ['<rootDir>/bench/**/*.load.ts'],
  testTimeout: 900000,
};
