#!/usr/bin/env node
// Fails when the committed OpenAPI description or the web app's generated client no longer match
// the API's code: whoever changes a controller or DTO runs `npm run client:generate` and commits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'roi-client-'));
const openApi = path.join(scratch, 'openapi.json');
const schema = path.join(scratch, 'schema.gen.ts');

execFileSync(process.execPath, [
  path.join(root, 'dist/apps/api/openapi/write-openapi.js'),
  openApi,
]);
execFileSync('npx', ['openapi-typescript', openApi, '--default-non-nullable=false', '-o', schema], {
  cwd: root,
  stdio: 'ignore',
});

const stale = [
  ['docs/openapi.json', openApi],
  ['apps/web/src/api/schema.gen.ts', schema],
].filter(
  ([committed, fresh]) =>
    readFileSync(path.join(root, committed), 'utf8') !== readFileSync(fresh, 'utf8'),
);

if (stale.length > 0) {
  console.error(
    `Stale generated API client: ${stale.map(([file]) => file).join(', ')} ` +
      'no longer match the API. Run `npm run client:generate` and commit the result.',
  );
  process.exit(1);
}
console.log('The OpenAPI description and the generated client match the API.');
