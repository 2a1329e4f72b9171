import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-seed';

const builtApi = path.resolve(__dirname, '../../../dist/apps/api/main.js');

interface Started {
  process: ChildProcess;
  output: () => string;
}

/**
 * The product as a newcomer starts it: the built API with no DATABASE_URL, so it runs its own
 * embedded PostgreSQL under DATA_DIR.
 */
function startApi(dataDir: string, port: number, postgresPort: number): Started {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  delete environment.DATABASE_URL;
  const child = spawn(process.execPath, [builtApi], {
    env: {
      ...environment,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: path.join(dataDir, 'no-web-app'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function waitForReady(started: Started, baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (started.process.exitCode !== null) {
      throw new Error(`API exited (${started.process.exitCode}):\n${started.output()}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`API not ready within 60 s:\n${started.output()}`);
}

/** Signs in as the demo organisation's owner; returns the headers a change must carry. */
async function signInAsDemoOwner(baseUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_PEOPLE[0]!.email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return { Cookie: cookies.join('; '), 'X-CSRF-Token': csrfToken };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the API on its embedded PostgreSQL', () => {
  // /tmp is reachable by the `postgres` OS user the server runs as when the tests run as root.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roi-embedded-'));
  chmodSync(dataDir, 0o755);
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const postgresPort = port + 1000;
  const baseUrl = `http://127.0.0.1:${port}`;
  const started: Started[] = [];
  afterAll(async () => {
    // A failed expectation must not leave a server (and its PostgreSQL) running.
    for (const api of started) {
      if (api.process.exitCode === null) {
        api.process.kill('SIGTERM');
        await exitOf(api.process);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = (apiPort: number, databasePort: number) => {
    const api = startApi(dataDir, apiPort, databasePort);
    started.push(api);
    return api;
  };

  // Two starts of the built API, each initialising or opening a database and seeding the demo:
  // on a busy 2-core machine that outlasts the default 30 s; each start has its own 60 s limit.
  it('keeps what was created across a restart, and refuses a second server on the same data', async () => {
    const first = start(port, postgresPort);
    await waitForReady(first, baseUrl);
    expect(first.output()).toMatch(/Database: embedded PostgreSQL in .*roi-embedded-/);

    const created = await fetch(`${baseUrl}/api/v1/organisations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signInAsDemoOwner(baseUrl)) },
      body: JSON.stringify({ name: 'Westmoor Rugby Club', currency: 'GBP' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const second = start(port + 1, postgresPort + 1);
    expect(await exitOf(second.process)).toBe(1);
    expect(second.output()).toMatch(/is in use by another server/);

    first.process.kill('SIGTERM');
    expect(await exitOf(first.process)).toBe(0);
    expect(first.output()).toMatch(/Stopped cleanly/);

    const restarted = start(port, postgresPort);
    await waitForReady(restarted, baseUrl);
    const headers = await signInAsDemoOwner(baseUrl);
    const read = await fetch(`${baseUrl}/api/v1/organisations/${id}`, { headers });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ name: 'Westmoor Rugby Club', currency: 'GBP' });
    // The demo organisation was seeded on the first start only.
    const list = (await (await fetch(`${baseUrl}/api/v1/organisations`, { headers })).json()) as {
      items: { isDemo: boolean }[];
    };
    expect(list.items.filter((organisation) => organisation.isDemo)).toHaveLength(1);
    expect(restarted.output()).not.toMatch(/initialising a new embedded PostgreSQL/);
    restarted.process.kill('SIGTERM');
    expect(await exitOf(restarted.process)).toBe(0);
  }, 180_000);
});
