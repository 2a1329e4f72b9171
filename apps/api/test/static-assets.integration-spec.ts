import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type TestApp, startTestApp } from './support/harness';

// A built web app in miniature, as Vite and its compression plugin lay it out.
const INDEX_HTML = '<!doctype html><html><head><title>Fixture</title></head><body></body></html>';
const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const SCRIPT_PATH = '/assets/index-Bq3xY7kA.js';
const PLAIN_ASSET_PATH = '/assets/logo-C4lPx0aZ.svg';

function writeFixtureWebApp(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'roi-web-dist-'));
  mkdirSync(path.join(directory, 'assets'));
  writeFileSync(path.join(directory, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(directory, SCRIPT_PATH), SCRIPT);
  writeFileSync(path.join(directory, `${SCRIPT_PATH}.br`), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(directory, `${SCRIPT_PATH}.gz`), gzipSync(SCRIPT));
  writeFileSync(
    path.join(directory, PLAIN_ASSET_PATH),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  return directory;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the web app beside the API', () => {
  let directory: string;
  let api: TestApp;
  beforeAll(async () => {
    directory = writeFixtureWebApp();
    api = await startTestApp({ webDistDirectory: directory });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers a hashed script with its brotli twin when the browser accepts brotli', async () => {
    const response = await api.http
      .get(SCRIPT_PATH)
      .set('Accept-Encoding', 'gzip, deflate, br, zstd')
      .expect(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['vary']).toMatch(/Accept-Encoding/);
    expect(Number(response.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(response.text).toBe(SCRIPT);
  });

  it('answers with the gzip twin when the browser accepts gzip only', async () => {
    const response = await api.http.get(SCRIPT_PATH).set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.text).toBe(SCRIPT);
  });

  it('answers with the file itself when the browser accepts no compression', async () => {
    const response = await api.http.get(SCRIPT_PATH).set('Accept-Encoding', 'identity').expect(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
    expect(response.text).toBe(SCRIPT);
  });

  it('lets browsers keep hashed assets for a year without asking again, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await api.http.get(SCRIPT_PATH).set('Accept-Encoding', encoding).expect(200);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
    }
    const plain = await api.http.get(PLAIN_ASSET_PATH).expect(200);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('has index.html and unhashed files checked again on every use', async () => {
    const index = await api.http.get('/').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toBe(INDEX_HTML);
    const favicon = await api.http.get('/favicon.svg').expect(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a deep link of the web app with index.html', async () => {
    const response = await api.http
      .get('/organisations/5d0e9f1c-0000-4000-8000-000000000000/plan/kpis')
      .set('Accept', 'text/html')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX_HTML);
  });

  it('keeps /api paths out of the web app: an unknown one is a problem, not a page', async () => {
    const response = await api.http.get('/api/v1/no-such-route').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    await api.http.get('/api/health').expect(200);
  });

  it('leaves the API documentation and its own scripts to the API', async () => {
    const page = await api.http.get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    const init = await api.http.get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.headers['content-type']).toMatch(/javascript/);
    await api.http.get('/api/docs/swagger-ui-bundle.js').expect(200);
    await api.http.get('/api/openapi.json').expect(200);
  });

  it('answers a missing asset 404 instead of the page', async () => {
    const response = await api.http.get('/assets/index-missing0.js').expect(404);
    expect(response.text).not.toBe(INDEX_HTML);
  });
});

describe('the web app given as a path relative to where the API started', () => {
  // `WEB_DIST_DIR=dist/apps/web node dist/apps/api/main.js` answered every page with a 500.
  it('answers a deep link with index.html', async () => {
    const directory = writeFixtureWebApp();
    const api = await startTestApp({ webDistDirectory: path.relative(process.cwd(), directory) });
    try {
      const response = await api.http.get('/organisations/some-id/plan').expect(200);
      expect(response.text).toBe(INDEX_HTML);
    } finally {
      await api.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('a page that fails', () => {
  it('is answered with a problem and logged with its request id, like an API failure', async () => {
    const directory = writeFixtureWebApp();
    const lines: string[] = [];
    const api = await startTestApp({
      webDistDirectory: directory,
      log: { level: 'info', destination: { write: (line: string) => void lines.push(line) } },
    });
    try {
      // The page's file replaced, under the running API, by something that cannot be sent.
      rmSync(path.join(directory, 'index.html'));
      mkdirSync(path.join(directory, 'index.html'));
      const response = await api.http.get('/organisations/some-id/plan').expect(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const { requestId } = response.body as { requestId: string };
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(
        expect.objectContaining({
          level: 50,
          requestId,
          msg: 'request failed with an unexpected error',
        }),
      );
    } finally {
      await api.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
