#!/usr/bin/env node
// `npm start`: build whatever is not built yet (Nx skips what is up to date), then run the API,
// which serves the web app on the same port and, without DATABASE_URL, its own PostgreSQL.
// On a terminal the build is summed up in a line and the API's JSON log is printed for people
// (tools/terminal-log.mjs); piped or redirected, both are passed on as they are.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const forPeople = process.stdout.isTTY === true;

const started = Date.now();
if (forPeople)
  process.stdout.write('Building the API and the web app (a minute the first time)...\n');
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '--projects=domain,migrations,api,web', '--outputStyle=static'],
  { cwd: root, env, stdio: forPeople ? 'pipe' : 'inherit', maxBuffer: 64 * 1024 * 1024 },
);
if (build.status !== 0) {
  if (forPeople) process.stdout.write(`${build.stdout}${build.stderr}`);
  process.exit(build.status ?? 1);
}
if (forPeople) process.stdout.write(`Built in ${Math.round((Date.now() - started) / 1000)} s.\n`);

const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  env: { NODE_ENV: 'production', ...process.env },
  stdio: forPeople ? ['inherit', 'pipe', 'inherit'] : 'inherit',
});
const printed = forPeople
  ? (await import('./terminal-log.mjs')).printForPeople(api.stdout)
  : Promise.resolve();
// The API shuts down gracefully on these; pass them on and leave with its exit code, once its
// last lines are printed.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  void printed.then(() => process.exit(code ?? (signal ? 1 : 0)));
});
