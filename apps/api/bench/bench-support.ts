import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_PASSWORD } from '../test/support/factories';

export interface Timing {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs `operation` `warmup` times unmeasured, then `samples` times, and reports milliseconds. */
export async function measure(
  name: string,
  operation: (iteration: number) => Promise<unknown>,
  { samples = 300, warmup = 30 } = {},
): Promise<Timing> {
  for (let iteration = 0; iteration < warmup; iteration++) await operation(iteration);
  const durations: number[] = [];
  for (let iteration = 0; iteration < samples; iteration++) {
    const started = performance.now();
    await operation(warmup + iteration);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (quantile: number) =>
    durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))] ?? NaN;
  return { name, samples, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function machineDescription(postgresVersion: string): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpus().length} × ${cpu}, ${memory}, Node ${process.version}, ${postgresVersion}`;
}

export function timingTable(rows: Timing[]): string {
  const format = (value: number) => value.toFixed(2);
  return [
    '| measurement | samples | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.samples} | ${format(row.p50)} | ${format(row.p95)} | ${format(row.p99)} |`,
    ),
  ].join('\n');
}

const REPORT_HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`; do not edit by hand. Each API figure is a full HTTP round trip',
  'over loopback (keep-alive), sequential, after a warm-up; beside it, the bare SQL the route',
  'runs, through one `pg` connection: the floor. The gap is what routing, validation, the ORM',
  'and serialisation add. Each section says when, on what machine and with what data it ran.',
  '',
].join('\n');

/**
 * Writes one benchmark's section of docs/benchmarks.md (`## title` up to the next section),
 * leaving the other benchmarks' sections as they were.
 */
export function writeReportSection(report: string, title: string, body: string[]): void {
  const existing = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const sections = new Map<string, string>();
  for (const part of existing.split(/^(?=## )/m).slice(1)) {
    const heading = part.split('\n', 1)[0]!.slice(3).trim();
    sections.set(heading, part.trimEnd());
  }
  sections.set(title, [`## ${title}`, '', ...body].join('\n').trimEnd());
  writeFileSync(report, `${REPORT_HEADER}\n${[...sections.values()].join('\n\n')}\n`);
}

/** The built API, as deployed (`npm run bench` builds it first). */
export const BUILT_API = path.resolve(__dirname, '../../../dist/apps/api/main.js');

/**
 * The built API in a process of its own on a loopback port, ready (its readiness check answers)
 * before this returns; quiet, without the demo, the digest scheduler or the web app.
 */
export async function startBuiltApi(
  databaseUrl: string,
  port: number,
  options: { env?: Record<string, string>; stdout?: 'inherit' | 'ignore' } = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BUILT_API], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DIGEST_SCHEDULER: 'off',
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: '1000',
      WEB_DIST_DIR: '',
      ...options.env,
    },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 || signal) console.error(`The API exited: ${code ?? signal}`);
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  child.kill('SIGTERM');
  throw new Error(`The API on port ${port} did not become ready in 60 s`);
}

/**
 * Signs a factory-made user in to an API on a loopback port: the headers a browser would send
 * afterwards (the session and CSRF cookies, and the CSRF token that writes repeat in a header).
 */
export async function signInOnPort(
  port: number,
  email: string,
): Promise<{ Cookie: string; 'X-CSRF-Token': string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return {
    Cookie: response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; '),
    'X-CSRF-Token': ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}
