import { dropTestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.ROI_TEST_DATABASE_URL;
  if (url) await dropTestDatabase(url);
}
