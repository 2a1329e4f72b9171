import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { demoAccounts, seedDemoIfEmpty } from '../modules/demo/demo-seed';
import { ownerDataSourceOptions } from './typeorm-options';

/**
 * Before the API serves: run the pending migrations and, on a database with no organisation,
 * create the demo. Both need the owner role (the API's own role can change neither the schema
 * nor see across organisations), so they run here, on a short-lived connection of their own.
 * Returns how to sign in to the demo while the database holds it, for the start-up's last lines.
 */
export async function prepareDatabase(
  databaseUrl: string,
  options: { seedDemo: boolean; logger?: Logger },
): Promise<{ demoAccounts: string | null }> {
  const dataSource = new DataSource(ownerDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    if (applied.length > 0) {
      options.logger?.info(
        `Applied migrations: ${applied.map((migration) => migration.name).join(', ')}`,
      );
    }
    if (options.seedDemo) {
      const demo = await seedDemoIfEmpty(dataSource);
      if (demo) options.logger?.info(demo.signInHelp);
    }
    const [{ demo }]: { demo: boolean }[] = await dataSource.query(
      'SELECT EXISTS (SELECT 1 FROM organisations WHERE is_demo) AS demo',
    );
    return { demoAccounts: demo ? demoAccounts() : null };
  } finally {
    await dataSource.destroy();
  }
}
