#!/usr/bin/env node
// `npm start`: build whatever is not built yet (Nx skips what is up to date), then run the API,
// which serves the web app on the same port and, without DATABASE_URL, its own PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '--projects=domain,migrations,api,web', '--outputStyle=static'],
  { cwd: root, env, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  env: { NODE_ENV: 'production', ...process.env },
  stdio: 'inherit',
});
// The API shuts down gracefully on these; pass them on and leave with its exit code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
