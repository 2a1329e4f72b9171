import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { InvalidEnvironmentError, validateEnvironment } from './config/environment';
import { createLogger } from './config/logger';
import { describeDatabaseUrl } from './database/database-url';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';

// The build puts the web app beside the API: dist/apps/api and dist/apps/web.
const BUILT_WEB_APP = path.resolve(__dirname, '../web');

async function bootstrap(): Promise<void> {
  const environment = validateEnvironment(process.env);
  const logger = createLogger(environment.LOG_LEVEL);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = environment.DATABASE_URL;
  if (databaseUrl) {
    logger.info(`Database: external PostgreSQL at ${describeDatabaseUrl(databaseUrl)}`);
  } else {
    embedded = await startEmbeddedPostgres(
      environment.DATA_DIR,
      environment.EMBEDDED_POSTGRES_PORT,
      logger,
    );
    databaseUrl = embedded.url;
    logger.info(
      `Database: embedded PostgreSQL in ${embedded.dataDirectory}, port ${environment.EMBEDDED_POSTGRES_PORT} (set DATABASE_URL to use your own)`,
    );
  }

  // Migrations take session-level locks: never through a pooler in transaction mode. (The
  // embedded PostgreSQL has no pooler in front: DATABASE_DIRECT_URL goes with DATABASE_URL.)
  const databaseDirectUrl =
    (environment.DATABASE_URL && environment.DATABASE_DIRECT_URL) || databaseUrl;
  if (databaseDirectUrl !== databaseUrl) {
    logger.info(
      `Database: sessions of their own (LISTEN, locks, jobs, migrations) at ${describeDatabaseUrl(databaseDirectUrl)}`,
    );
  }

  let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
  try {
    prepared = await prepareDatabase(databaseDirectUrl, {
      seedDemo: environment.SEED_DEMO,
      logger,
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const webDistDirectory = environment.WEB_DIST_DIR ?? BUILT_WEB_APP;
  const servesWeb = existsSync(path.join(webDistDirectory, 'index.html'));
  if (!servesWeb) logger.warn(`No built web app in ${webDistDirectory}: serving the API alone`);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({
      environment,
      databaseUrl,
      databaseDirectUrl,
      logger,
      ...(servesWeb ? { webDistDirectory } : {}),
    }),
    { bodyParser: false, bufferLogs: true },
  ).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  try {
    configureApp(app);
    await app.listen(environment.PORT, environment.HOST);
  } catch (error) {
    await app.close();
    await embedded?.stop();
    throw error;
  }

  const url = `http://localhost:${environment.PORT}`;
  logger.info(`Return-on-Impact planner ready at ${url} (API docs: ${url}/api/docs)`);
  if (prepared.demoAccounts) logger.info(prepared.demoAccounts);

  // Shutdown order matters: stop taking requests and finish those in flight, close the pool,
  // and only then stop the embedded database those requests were using.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests, then stopping`);
    await app.close();
    await embedded?.stop();
    logger.info('Stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof InvalidEnvironmentError || error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`The API could not start. ${message}\n`);
  if (!(error instanceof InvalidEnvironmentError) && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
