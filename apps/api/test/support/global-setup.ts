import { createTestDatabase } from './test-database';

/** One database per test run, migrated once; every test file connects to it. */
export default async function globalSetup(): Promise<void> {
  process.env.ROI_TEST_DATABASE_URL = await createTestDatabase();
}
