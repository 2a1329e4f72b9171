import type { IncomingMessage } from 'node:http';
import { Controller, Get, Module } from '@nestjs/common';
import { can, ROLES, type Role } from '@roi/domain';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { type Route, RouteTable } from '../src/common/access/route-table';
import { addMember, makeOrganisation, signUp, TEST_PASSWORD, TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

/**
 * Every route of the application's own route table, for every role, in the caller's organisation
 * and in another, signed out and with a revoked API key, against the permission table in
 * libs/domain. A new route is covered the moment it exists.
 */
describe('access matrix', () => {
  let api: TestApp;
  let routes: Route[];
  let own: string;
  let other: string;
  const emails = new Map<Role, string>();
  let validKey: string;
  let revokedKey: string;

  beforeAll(async () => {
    api = await startTestApp();
    routes = api.app.get(RouteTable).routes();
    const owner = await signUp(api);
    own = (await makeOrganisation(owner)).id;
    other = (await makeOrganisation(await signUp(api))).id;
    emails.set('owner', owner.email);
    for (const role of ROLES.filter((role) => role !== 'owner')) {
      emails.set(role, (await addMember(api, owner, own, role)).email);
    }
    const created = await owner
      .post(`/api/v1/organisations/${own}/api-keys`)
      .send({ name: 'Matrix', role: 'executive' });
    validKey = created.body.key;
    const doomed = await owner
      .post(`/api/v1/organisations/${own}/api-keys`)
      .send({ name: 'Doomed', role: 'owner' });
    revokedKey = doomed.body.key;
    await owner
      .post(`/api/v1/organisations/${own}/api-keys/${doomed.body.apiKey.id}/revoke`)
      .expect(200);
  }, 60_000);
  afterAll(() => api.close());

  const pathOf = (route: Route, organisationId: string) =>
    route.path
      .replace(':orgId', organisationId)
      .replace(/:token/, 'no-such-token')
      .replace(/:\w+/g, randomUUID());

  /** A request as a client: a session (with its CSRF token), an API key, or nobody. */
  function send(route: Route, path: string, as?: TestUser | { key: string }) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const request =
      as instanceof TestUser ? as[method](path) : supertest(api.app.getHttpServer())[method](path);
    if (as && !(as instanceof TestUser)) request.set('Authorization', `Bearer ${as.key}`);
    if (method !== 'get') return request.send({});
    // superagent hands the parser node's IncomingMessage, though its types name its own Response.
    return request
      .buffer(true)
      .parse(untilStreamOrEnd as unknown as Parameters<typeof request.parse>[0]);
  }

  /**
   * An event stream that the guard let through never ends: its headers are the answer, so the
   * connection is dropped once they arrive. Anything else is read to the end as JSON.
   */
  function untilStreamOrEnd(
    response: IncomingMessage,
    callback: (error: Error | null, body: unknown) => void,
  ) {
    if (String(response.headers['content-type']).startsWith('text/event-stream')) {
      response.destroy();
      callback(null, {});
      return;
    }
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => {
      try {
        callback(null, text ? JSON.parse(text) : {});
      } catch {
        callback(null, { text });
      }
    });
  }

  /** A fresh session for a role, for routes that end sessions or memberships. */
  async function freshSession(role: Role): Promise<TestUser> {
    const agent = supertest.agent(api.app.getHttpServer());
    const response = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: emails.get(role), password: TEST_PASSWORD });
    return new TestUser(agent, response.body.csrfToken, response.body.user.id, emails.get(role)!);
  }

  const passedTheGuard = (status: number, body: { detail?: string }) =>
    status !== 401 &&
    status !== 403 &&
    !(status === 404 && /No organisation/.test(body.detail ?? ''));

  it('has an access rule for every route, and covers all of them', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !route.rule)).toEqual([]);
  });

  it('answers 401 to signed-out callers and revoked API keys on every non-public route', async () => {
    for (const route of routes.filter((candidate) => candidate.rule?.kind !== 'public')) {
      const path = pathOf(route, own);
      const signedOut = await send(route, path);
      expect([`${route.method} ${route.path}`, signedOut.status]).toEqual([
        `${route.method} ${route.path}`,
        401,
      ]);
      const revoked = await send(route, path, { key: revokedKey });
      expect([`${route.method} ${route.path}`, revoked.status]).toEqual([
        `${route.method} ${route.path}`,
        401,
      ]);
    }
  });

  it('lets anyone call the public routes', async () => {
    for (const route of routes.filter((candidate) => candidate.rule?.kind === 'public')) {
      const response = await send(route, pathOf(route, own));
      expect([route.path, passedTheGuard(response.status, response.body)]).toEqual([
        route.path,
        true,
      ]);
    }
  });

  it('lets every signed-in person, and no API key, call the signed-in routes', async () => {
    for (const route of routes.filter((candidate) => candidate.rule?.kind === 'signed-in')) {
      for (const role of ROLES) {
        const response = await send(route, pathOf(route, own), await freshSession(role));
        expect([route.path, role, passedTheGuard(response.status, response.body)]).toEqual([
          route.path,
          role,
          true,
        ]);
      }
      const withKey = await send(route, pathOf(route, own), { key: validKey });
      expect([route.path, withKey.status]).toEqual([route.path, 403]);
    }
  }, 60_000);

  it('follows the permission table in the own organisation and answers 404 in another', async () => {
    const permissionRoutes = routes.filter((route) => route.rule?.kind === 'permission');
    // Leaving ends the caller's membership, so it is checked last.
    const ordered = [
      ...permissionRoutes.filter((route) => !route.path.endsWith('/leave')),
      ...permissionRoutes.filter((route) => route.path.endsWith('/leave')),
    ];
    // Sessions of their own: the signed-in routes above include signing out everywhere.
    const current = new Map<Role, TestUser>();
    for (const role of ROLES) current.set(role, await freshSession(role));
    for (const route of ordered) {
      const permission = route.rule?.kind === 'permission' ? route.rule.permission : undefined;
      for (const role of ROLES) {
        const label = `${route.method} ${route.path} as ${role}`;
        const session = current.get(role)!;
        const elsewhere = await send(route, pathOf(route, other), session);
        expect([label, 'other organisation', elsewhere.status]).toEqual([
          label,
          'other organisation',
          404,
        ]);
        const response = await send(route, pathOf(route, own), session);
        const expected = can(role, permission!) ? 'allowed' : 'refused';
        const actual = passedTheGuard(response.status, response.body)
          ? 'allowed'
          : response.status === 403
            ? 'refused'
            : `answered ${response.status} ${response.body.detail}`;
        expect([label, actual]).toEqual([label, expected]);
      }
      const label = `${route.method} ${route.path} with an executive API key`;
      const elsewhere = await send(route, pathOf(route, other), { key: validKey });
      expect([label, elsewhere.status]).toEqual([label, 404]);
      const withKey = await send(route, pathOf(route, own), { key: validKey });
      const peopleOnly = route.rule?.kind === 'permission' && route.rule.peopleOnly === true;
      const allowed = can('executive', permission!) && !peopleOnly;
      expect([
        label,
        allowed ? passedTheGuard(withKey.status, withKey.body) : withKey.status,
      ]).toEqual([label, allowed ? true : 403]);
    }
  }, 120_000);
});

@Controller('forgotten')
class ForgottenController {
  @Get()
  open(): string {
    return 'nobody decided who may see this';
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('a route without an access rule', () => {
  it('stops the API at start, naming the route', async () => {
    await expect(startTestApp({ imports: [ForgottenModule] })).rejects.toThrow(
      /Routes without an access rule.*GET \/api\/v1\/forgotten \(ForgottenController\.open\)/,
    );
  });
});
