import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { validateEnvironment } from '../../src/config/environment';
import { createLogger } from '../../src/config/logger';
import { ownerQuery } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof supertest>;
  dataSource: DataSource;
  databaseUrl: string;
  /** Reads the database as its owner, past row-level security (see ownerQuery). */
  sql<T = Record<string, unknown>>(query: string, parameters?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

// Every test signs up from 127.0.0.1; the sign-in limits get their own tests with their own
// database and low limits.
const GENEROUS_LIMITS = {
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: '1000',
  SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
};
// Digests sent on their own would land in other tests' outboxes; their tests send them on purpose.
const QUIET = { DIGEST_SCHEDULER: 'off' };

/**
 * The whole API, configured exactly as main.ts configures it, on this run's throwaway database
 * (or on `databaseUrl`). Each test file starts its own and closes it.
 */
export async function startTestApp(
  options: {
    databaseUrl?: string;
    environment?: Record<string, string>;
    /** Extra modules, e.g. a controller that fails on purpose. */
    imports?: Type[];
    /** A built web app to serve beside the API, as main.ts does with dist/apps/web. */
    webDistDirectory?: string;
    /** Where the log goes and at which level, for tests that read it. */
    log?: { destination: DestinationStream; level: string };
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? process.env.ROI_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('No test database: run the tests through jest (globalSetup)');
  const environment = validateEnvironment({
    NODE_ENV: 'test',
    ...GENEROUS_LIMITS,
    ...QUIET,
    ...options.environment,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({
        environment,
        databaseUrl,
        logger: options.log
          ? createLogger(options.log.level, options.log.destination)
          : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
        ...(options.webDistDirectory ? { webDistDirectory: options.webDistDirectory } : {}),
      }),
      ...(options.imports ?? []),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  try {
    await app.init();
  } catch (error) {
    // A start that fails (on purpose, in some tests) must not leave its connection pool open.
    await app.close().catch(() => undefined);
    throw error;
  }
  return {
    app,
    http: supertest(app.getHttpServer()),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    databaseUrl,
    sql: (query, parameters) => ownerQuery(databaseUrl, query, parameters),
    close: () => app.close(),
  };
}
