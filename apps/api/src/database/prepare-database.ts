import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../modules/demo/demo-seed';
import { ownerDataSourceOptions } from './typeorm-options';

/**
 * Before the API serves: run the pending migrations and, on a database with no organisation,
 * create the demo. Both need the owner role (the API's own role can change neither the schema
 * nor see across organisations), so they run here, on a short-lived connection of their own.
 */
export async function prepareDatabase(
  databaseUrl: string,
  options: { seedDemo: boolean; logger?: Logger },
): Promise<void> {
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
  } finally {
    await dataSource.destroy();
  }
}
