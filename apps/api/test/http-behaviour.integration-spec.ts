import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '../src/common/access/access-rule.decorator';
import { startTestApp, type TestApp } from './support/harness';

@Public()
@Controller('failing')
class FailingController {
  @Get()
  fail(): never {
    throw new Error('connection string postgres://secret@db leaked');
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

describe('HTTP behaviour every route shares', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ imports: [FailingModule] });
  });
  afterAll(() => api.close());

  it('gives every response a request id, keeping a sound one the caller sent', async () => {
    const fresh = await api.http.get('/api/health').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await api.http
      .get('/api/v1/organisations')
      .set('X-Request-Id', 'trace-abc-12345')
      .expect(401);
    expect(kept.body.requestId).toBe('trace-abc-12345');
    expect(kept.headers['x-request-id']).toBe('trace-abc-12345');
    const replaced = await api.http
      .get('/api/health')
      .set('X-Request-Id', 'bad id with spaces')
      .expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('sends security headers with a content security policy that allows only this origin', async () => {
    const response = await api.http.get('/api/health').expect(200);
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await api.http.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, instance: '/api/v1/no-such-thing' });
  });

  it('answers a method a path does not serve with 405 and the methods it does', async () => {
    const response = await api.http.delete('/api/v1/organisations').expect(405);
    expect(response.headers['allow']).toBe('GET, HEAD, POST');
    expect(response.body).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('answers an unexpected error with 500, logs it, and reveals no internals', async () => {
    const response = await api.http.get('/api/v1/failing').expect(500);
    expect(response.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(JSON.stringify(response.body)).not.toMatch(/secret|postgres|stack/);
  });

  it('reports readiness with the database checked, and liveness', async () => {
    const ready = await api.http.get('/api/health').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    await api.http.get('/api/health/live').expect(200);
  });

  it('serves an OpenAPI 3.1 description that documents every route and its errors', async () => {
    const { body } = await api.http.get('/api/openapi.json').expect(200);
    expect(body.openapi).toBe('3.1.0');
    const create = body.paths['/api/v1/organisations'].post;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '500']));
    expect(create.responses['400'].content['application/problem+json']).toBeDefined();
    for (const [path, item] of Object.entries<Record<string, { responses: object }>>(body.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect([`${method} ${path}`, Object.keys(operation.responses)]).toEqual([
          `${method} ${path}`,
          expect.arrayContaining(['500']),
        ]);
      }
    }
    const docs = await api.http.get('/api/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
  });
});
