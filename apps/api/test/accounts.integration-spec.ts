import supertest from 'supertest';
import { signUp, TEST_PASSWORD, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

describe('accounts and sessions', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const signIn = (
    email: string,
    password = TEST_PASSWORD,
    agent = supertest.agent(api.app.getHttpServer()),
  ) => agent.post('/api/v1/auth/sign-in').send({ email, password });

  it('signs up, sets an httpOnly session cookie and a readable CSRF cookie, and knows the person', async () => {
    const agent = supertest.agent(api.app.getHttpServer());
    const response = await agent
      .post('/api/v1/auth/sign-up')
      .send({ email: 'Grace.Hopper@Example.org', name: 'Grace Hopper', password: TEST_PASSWORD })
      .expect(201);
    const cookies = response.headers['set-cookie'] as unknown as string[];
    expect(cookies.find((cookie) => cookie.startsWith('roi_session='))).toMatch(
      /HttpOnly; SameSite=Lax/,
    );
    const csrf = cookies.find((cookie) => cookie.startsWith('csrf_token='));
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(response.body).toMatchObject({
      user: { email: 'grace.hopper@example.org', name: 'Grace Hopper' },
      memberships: [],
    });
    const me = await agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.user.email).toBe('grace.hopper@example.org');
    const [stored] = await api.sql<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE email = 'grace.hopper@example.org'`,
    );
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const person = await signUp(api);
    const response = await api.http
      .post('/api/v1/auth/sign-up')
      .send({ email: person.email.toUpperCase(), name: 'Copy', password: TEST_PASSWORD })
      .expect(409);
    expect(response.body.title).toBe('Email already registered');
  });

  it('refuses weak input at sign-up, naming the field', async () => {
    const response = await api.http
      .post('/api/v1/auth/sign-up')
      .send({ email: 'not-an-email', name: 'X', password: 'short' })
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'must be an email address' },
        { field: 'password', reason: expect.stringContaining('12') },
      ]),
    );
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const person = await signUp(api);
    const wrongPassword = await signIn(person.email, 'not the password at all').expect(401);
    const unknownEmail = await signIn('nobody-here@example.org').expect(401);
    expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
    expect(unknownEmail.body.title).toBe(wrongPassword.body.title);
  });

  it('gives a new session at sign-in and ends the one the browser held (no session fixation)', async () => {
    const person = await signUp(api);
    const agent = person.agent;
    const before = await agent.get('/api/v1/auth/me').expect(200);
    const oldCookie = (
      await api.sql<{ id: string }>(
        `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [person.id],
      )
    )[0]?.id;
    const signedIn = await signIn(person.email, TEST_PASSWORD, agent).expect(200);
    expect(signedIn.body.csrfToken).not.toBe(before.body.csrfToken);
    const active = await api.sql<{ id: string }>(
      `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [person.id],
    );
    expect(active).toHaveLength(1);
    expect(active[0]?.id).not.toBe(oldCookie);
  });

  it('refuses a session that has expired, been idle too long, or been signed out', async () => {
    for (const end of [
      (user: TestUser) =>
        api.sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
          user.id,
        ]),
      (user: TestUser) =>
        api.sql(`UPDATE sessions SET last_seen_at = now() - interval '8 days' WHERE user_id = $1`, [
          user.id,
        ]),
      (user: TestUser) => user.post('/api/v1/auth/sign-out').expect(204),
    ]) {
      const person = await signUp(api);
      await person.get('/api/v1/auth/me').expect(200);
      await end(person);
      await person.get('/api/v1/auth/me').expect(401);
    }
  });

  it('signs out everywhere', async () => {
    const person = await signUp(api);
    const elsewhere = supertest.agent(api.app.getHttpServer());
    await signIn(person.email, TEST_PASSWORD, elsewhere).expect(200);
    await elsewhere.get('/api/v1/auth/me').expect(200);
    await person.post('/api/v1/auth/sign-out-everywhere').expect(204);
    await elsewhere.get('/api/v1/auth/me').expect(401);
    await person.get('/api/v1/auth/me').expect(401);
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const person = await signUp(api);
    const elsewhere = supertest.agent(api.app.getHttpServer());
    await signIn(person.email, TEST_PASSWORD, elsewhere).expect(200);
    await person
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: 'wrong password here', newPassword: 'another long password' })
      .expect(422);
    await person
      .post('/api/v1/auth/change-password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'another long password' })
      .expect(204);
    await person.get('/api/v1/auth/me').expect(200);
    await elsewhere.get('/api/v1/auth/me').expect(401);
    await signIn(person.email, TEST_PASSWORD).expect(401);
    await signIn(person.email, 'another long password').expect(200);
  });

  describe('refuses a cookie-authenticated change that may be forged (CSRF)', () => {
    let person: TestUser;
    beforeAll(async () => {
      person = await signUp(api);
    });
    const create = () => person.agent.post('/api/v1/organisations').send({ name: 'Forged' });

    it('without the X-CSRF-Token header', async () => {
      const response = await create().expect(403);
      expect(response.body.detail).toMatch(/X-CSRF-Token/);
    });

    it('with a wrong token', async () => {
      await create().set('X-CSRF-Token', 'guessed').expect(403);
    });

    it('from another origin, even with the right token', async () => {
      await create()
        .set('X-CSRF-Token', person.csrfToken)
        .set('Origin', 'https://evil.example')
        .expect(403);
      await create()
        .set('X-CSRF-Token', person.csrfToken)
        .set('Sec-Fetch-Site', 'cross-site')
        .expect(403);
    });

    it('and accepts the same change with the token from this origin', async () => {
      await create()
        .set('X-CSRF-Token', person.csrfToken)
        .set('Sec-Fetch-Site', 'same-origin')
        .expect(201);
    });
  });
});

describe('sign-in limits', () => {
  let databaseUrl: string;
  let api: TestApp;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('roi_limits');
    api = await startTestApp({
      databaseUrl,
      environment: { SIGN_IN_ATTEMPTS_PER_ACCOUNT: '3', SIGN_IN_ATTEMPTS_PER_ADDRESS: '8' },
    });
  });
  afterAll(async () => {
    await api.close();
    await dropTestDatabase(databaseUrl);
  });

  const attempt = (email: string) =>
    api.http.post('/api/v1/auth/sign-in').send({ email, password: 'wrong password, surely' });

  it('refuses further attempts on one account with 429 and Retry-After, counted in PostgreSQL', async () => {
    for (let attempts = 0; attempts < 3; attempts++)
      await attempt('target@example.org').expect(401);
    const refused = await attempt('Target@Example.org').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 429, type: '/problems/rate-limited' });
    const [row] = await api.sql<{ points: number }>(
      `SELECT points FROM rate_limits WHERE key = 'sign-in:account:target@example.org'`,
    );
    expect(row?.points).toBeGreaterThanOrEqual(4);
  });

  it('refuses further attempts from one address across accounts, sign-up included', async () => {
    for (let index = 0; index < 4; index++) await attempt(`spray-${index}@example.org`);
    const refused = await api.http
      .post('/api/v1/auth/sign-up')
      .send({ email: 'fresh@example.org', name: 'Fresh', password: TEST_PASSWORD })
      .expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
