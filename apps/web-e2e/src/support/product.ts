import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

const repositoryRoot = path.resolve(__dirname, '../../../..');
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface RunningProduct {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The product as a user gets it: the built API serving the built web app on one port, started as
 * its own process on a fresh database (the API runs the migrations and seeds the demo itself).
 */
export async function startProduct(): Promise<RunningProduct> {
  const databaseName = `roi_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await onServer(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = Object.assign(new URL(serverUrl), {
    pathname: `/${databaseName}`,
  }).toString();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'dist/apps/api/main.js')], {
    cwd: repositoryRoot,
    // The weekly digest's scheduler would only add mail the tests do not read.
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DIGEST_SCHEDULER: 'off',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(baseUrl, child);
  return {
    baseUrl,
    databaseUrl,
    stop: async () => {
      await stopProcess(child);
      await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    },
  };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become healthy within 30 s');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
