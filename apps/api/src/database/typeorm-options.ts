import { migrations } from '@roi/migrations';
import type { DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';

/** Every entity the API maps; a module adds its entities here when it adds its tables. */
export const entities = [OrganisationEntity];

/**
 * One description of the connection for the API, the tests and the benchmarks. The schema comes
 * only from the migrations (never `synchronize`), run at start on either database.
 */
export function typeOrmOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 10, application_name: 'roi-api' },
  };
}
