import { createTestDatabase } from './test-database';

/**
 * One database per test run, migrated once; every test file connects to it. (Jest loads this
 * file without its moduleNameMapper, so @roi/migrations resolves to the built package: the test
 * target depends on the build for that reason.)
 */
export default async function globalSetup(): Promise<void> {
  process.env.ROI_TEST_DATABASE_URL = await createTestDatabase();
}
