import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { credentialsOf, signUpAt, startCluster, type Cluster } from './support/cluster';
import { makeOrganisation, TEST_PASSWORD, type TestUser } from './support/factories';
import { startTestApp } from './support/harness';
import { makeInitiatives } from './support/plan-factories';
import { createTestDatabase, dropTestDatabase, ownerQuery } from './support/test-database';

const unique = () => randomBytes(4).toString('hex');

describe('several API processes behind nginx, through PgBouncer in transaction mode', () => {
  let databaseUrl: string;
  let cluster: Cluster;
  let owner: TestUser;
  let organisationId: string;
  /** The owner's session, made on process A. */
  let ownerOnA: Record<string, string>;

  beforeAll(async () => {
    // A database of its own: the processes' sign-in limits are low, and it is dropped after.
    databaseUrl = await createTestDatabase('roi_cluster');
    cluster = await startCluster({
      databaseUrl,
      // Sign-up counts as an attempt: one sign-up and four sign-ins per account.
      environment: { SIGN_IN_ATTEMPTS_PER_ACCOUNT: '5', SIGN_IN_ATTEMPTS_PER_ADDRESS: '10000' },
      // Only B runs jobs: an import queued on A can only be run by B.
      perProcess: [{ JOB_WORKERS: 'off' }, { JOB_WORKERS: 'on' }],
    });
    owner = await signUpAt(cluster.nginx.url);
    organisationId = (await makeOrganisation(owner)).id;
    ownerOnA = credentialsOf(
      await supertest(cluster.apis[0]!.url)
        .post('/api/v1/auth/sign-in')
        .send({ email: owner.email, password: TEST_PASSWORD })
        .expect(200),
    );
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }, 60_000);

  const [a, b] = [0, 1];

  it('balances requests over both processes, and a session made on one works on the other', async () => {
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const response = await owner.get('/api/v1/auth/me').expect(200);
      served.add(response.headers['x-upstream'] as string);
    }
    expect(served.size).toBe(2);

    const me = await supertest(cluster.apis[b]!.url)
      .get('/api/v1/auth/me')
      .set(ownerOnA)
      .expect(200);
    expect(me.body.user.id).toBe(owner.id);
    // A change with that session's CSRF token, on the other process.
    await supertest(cluster.apis[b]!.url)
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .set(ownerOnA)
      .send({ title: `Made on B ${unique()}`, kind: 'revenue', ownerUserId: owner.id })
      .expect(201);
    // A session signed out on B is refused on A.
    const person = await signUpAt(cluster.nginx.url);
    const onB = credentialsOf(
      await supertest(cluster.apis[b]!.url)
        .post('/api/v1/auth/sign-in')
        .send({ email: person.email, password: TEST_PASSWORD })
        .expect(200),
    );
    await supertest(cluster.apis[a]!.url).get('/api/v1/auth/me').set(onB).expect(200);
    await supertest(cluster.apis[b]!.url)
      .post('/api/v1/auth/sign-out')
      .set(onB)
      .expect((response) => expect(response.status).toBeLessThan(300));
    await supertest(cluster.apis[a]!.url).get('/api/v1/auth/me').set(onB).expect(401);
  });

  it('counts sign-in attempts across both processes', async () => {
    const person = await signUpAt(cluster.nginx.url);
    const statuses: number[] = [];
    const upstreams = new Set<string>();
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await supertest(cluster.nginx.url)
        .post('/api/v1/auth/sign-in')
        .send({ email: person.email, password: 'not the password at all' });
      statuses.push(response.status);
      upstreams.add(response.headers['x-upstream'] as string);
    }
    expect(upstreams.size).toBe(2);
    // Four attempts per account in all (SIGN_IN_ATTEMPTS_PER_ACCOUNT), not four per process.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('runs an import queued on one process in the other', async () => {
    const { initiatives } = await makeInitiatives(owner, organisationId, ['1000.00']);
    const code = initiatives[0]!.code;
    const file = [
      'date,initiative,channel,activity,category,amount,hours,note',
      `2026-03-01,${code},Instagram,Content production,labour,12.50,1,imported across processes`,
    ].join('\r\n');
    const accepted = await supertest(cluster.apis[a]!.url)
      .post(`/api/v1/organisations/${organisationId}/imports`)
      .set(ownerOnA)
      .field('kind', 'costs')
      .attach('file', Buffer.from(file), { filename: 'costs.csv', contentType: 'text/csv' })
      .expect(202);
    const deadline = Date.now() + 20_000;
    let status = 'queued';
    while (Date.now() < deadline && (status === 'queued' || status === 'running')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (
        await owner.get(`/api/v1/organisations/${organisationId}/imports/${accepted.body.id}`)
      ).body.status;
    }
    expect(status).toBe('succeeded');
    const [row] = await ownerQuery<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM cost_entries WHERE organisation_id = $1 AND note = 'imported across processes'`,
      [organisationId],
    );
    expect(row?.n).toBe(1);
  });

  it('delivers a plan change made on one process to a page listening on the other', async () => {
    const credentials = ownerOnA;
    const controller = new AbortController();
    const stream = await fetch(
      `${cluster.apis[a]!.url}/api/v1/organisations/${organisationId}/plan/events`,
      {
        headers: { Cookie: credentials.Cookie!, Accept: 'text/event-stream' },
        signal: controller.signal,
      },
    );
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const heard = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += Buffer.from(value).toString();
        if (text.includes('"entity":"outcomes"')) return text;
      }
    })();
    // The listener is in place once the stream answered; the change goes through B.
    const title = `Heard across processes ${unique()}`;
    const made = await supertest(cluster.apis[b]!.url)
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .set(credentials)
      .send({ title, kind: 'revenue', ownerUserId: owner.id })
      .expect(201);
    let timer: NodeJS.Timeout | undefined;
    const text = await Promise.race([
      heard,
      new Promise<string>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no event within 5 s')), 5000);
      }),
    ]).finally(() => {
      clearTimeout(timer);
      controller.abort();
    });
    expect(text).toContain(made.body.id);
  });

  it('keeps each organisation to its own rows under interleaved load on both processes', async () => {
    const people = await Promise.all([signUpAt(cluster.nginx.url), signUpAt(cluster.nginx.url)]);
    const organisations = await Promise.all(people.map((person) => makeOrganisation(person)));
    const rounds = 40;
    const work = people.flatMap((person, index) =>
      Array.from({ length: rounds }, async (_, round) => {
        const base = `/api/v1/organisations/${organisations[index]!.id}`;
        const other = `/api/v1/organisations/${organisations[1 - index]!.id}`;
        if (round % 2 === 0) {
          const made = await person.post(`${base}/outcomes`).send({
            title: `Org ${index} outcome ${round}`,
            kind: 'revenue',
            ownerUserId: person.id,
          });
          expect(made.status).toBe(201);
        }
        const listed = await person.get(`${base}/outcomes`).expect(200);
        const items = (listed.body.items ?? listed.body) as { title: string }[];
        for (const item of items) expect(item.title).toMatch(new RegExp(`^Org ${index} `));
        const foreign = await person.get(`${other}/outcomes`);
        expect([403, 404]).toContain(foreign.status);
      }),
    );
    await Promise.all(work);
    const rows = await ownerQuery<{ organisation_id: string; title: string }>(
      databaseUrl,
      `SELECT organisation_id, title FROM outcomes WHERE organisation_id = ANY($1)`,
      [organisations.map((organisation) => organisation.id)],
    );
    expect(rows).toHaveLength(rounds);
    for (const row of rows) {
      const index = organisations.findIndex(
        (organisation) => organisation.id === row.organisation_id,
      );
      expect(row.title).toMatch(new RegExp(`^Org ${index} `));
    }
    // Nothing transaction-local outlived its transaction on PgBouncer's shared connections.
    const [settings] = await ownerQuery<{ leaked: string }>(
      `${cluster.bouncer.url()}`,
      `SELECT current_setting('app.organisation_id', true) AS leaked`,
    );
    expect(settings?.leaked ?? '').toBe('');
  });

  it('records the client address from X-Forwarded-For when TRUST_PROXY believes the proxy', async () => {
    const person = await signUpAt(cluster.nginx.url, { 'X-Forwarded-For': '203.0.113.7' });
    const [session] = await ownerQuery<{ ip_address: string }>(
      databaseUrl,
      `SELECT ip_address FROM sessions WHERE user_id = $1`,
      [person.id],
    );
    expect(session?.ip_address).toBe('203.0.113.7');
    const logged = cluster.apis
      .map((api) => api.output())
      .join('\n')
      .split('\n')
      .filter((line) => line.includes('"clientAddress":"203.0.113.7"'));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('takes the origin behind a TLS-terminating proxy from X-Forwarded-Proto and -Host', async () => {
    const tls = new URL(cluster.nginx.tlsUrl);
    const origin = `https://${tls.host}`;
    const signedIn = await supertest(cluster.nginx.tlsUrl)
      .post('/api/v1/auth/sign-in')
      .set('Origin', origin)
      .send({ email: owner.email, password: TEST_PASSWORD })
      .expect(200);
    // The session cookie is marked Secure: the browser reached us over https.
    expect(([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).join(';')).toMatch(
      /Secure/,
    );
    await supertest(cluster.nginx.tlsUrl)
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .set(credentialsOf(signedIn))
      .set('Origin', origin)
      .send({ title: `Written over https ${unique()}`, kind: 'revenue', ownerUserId: owner.id })
      .expect(201);
    // Another site is still refused.
    await supertest(cluster.nginx.tlsUrl)
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .set(credentialsOf(signedIn))
      .set('Origin', 'https://elsewhere.example')
      .send({ title: 'Forged', kind: 'revenue', ownerUserId: owner.id })
      .expect(403);
  });
});

describe('without TRUST_PROXY', () => {
  it('ignores X-Forwarded-For and X-Forwarded-Proto', async () => {
    const api = await startTestApp();
    try {
      const agent = supertest.agent(api.app.getHttpServer());
      const response = await agent
        .post('/api/v1/auth/sign-up')
        .set('X-Forwarded-For', '203.0.113.8')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: `person-${unique()}@example.org`, name: 'Ada', password: TEST_PASSWORD })
        .expect(201);
      expect(([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';')).not.toMatch(
        /Secure/,
      );
      const [session] = await api.sql<{ ip_address: string }>(
        `SELECT ip_address FROM sessions WHERE user_id = $1`,
        [response.body.user.id],
      );
      expect(session?.ip_address).not.toBe('203.0.113.8');
      expect(session?.ip_address).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await api.close();
    }
  });
});
