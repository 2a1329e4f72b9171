import { randomUUID } from 'node:crypto';
import { CommitMarker } from '../src/common/idempotency/commit-marker';
import { IdempotencyStore } from '../src/common/idempotency/idempotency-store';
import { ScopedDatabase } from '../src/common/tenancy/scoped-database';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { type MadeInitiative, makeInitiatives } from './support/plan-factories';

const KEY = 'Idempotency-Key';
const REPLAYED = 'idempotent-replayed';

describe('Idempotency-Key on the routes that create records', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;
  let initiative: MadeInitiative;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Nuala Owner' });
    organisationId = (await makeOrganisation(owner, { currency: 'EUR' })).id;
    base = `/api/v1/organisations/${organisationId}`;
    [initiative] = (await makeInitiatives(owner, organisationId, ['5000.00'])).initiatives as [
      MadeInitiative,
    ];
  });
  afterAll(() => api.close());

  const cost = (overrides: Record<string, unknown> = {}) => ({
    date: '2027-03-14',
    initiativeId: initiative.id,
    channel: 'Instagram',
    activity: 'Content production',
    category: 'labour',
    amount: '120.00',
    ...overrides,
  });
  /** Cost entries of the organisation with this note: each test books its own. */
  const costsNoted = async (note: string, organisation = organisationId) =>
    Number(
      (
        await api.sql<{ n: string }>(
          `SELECT count(*) AS n FROM cost_entries WHERE organisation_id = $1 AND note = $2`,
          [organisation, note],
        )
      )[0]?.n,
    );
  const keyRow = async (key: string) =>
    (
      await api.sql<{ status: string; expires_at: Date; created_at: Date; principal: string }>(
        `SELECT status, expires_at, created_at, principal FROM idempotency_keys
          WHERE organisation_id = $1 AND key = $2`,
        [organisationId, key],
      )
    )[0];

  it('replays the first answer to the same key and body, and creates one record', async () => {
    const key = randomUUID();
    const body = cost({ note: 'replayed cost' });
    const first = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    expect(first.headers[REPLAYED]).toBeUndefined();
    // The same values in another order and spacing are the same request.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const second = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .set('Content-Type', 'application/json')
      .send(reordered)
      .expect(201);
    expect(second.headers[REPLAYED]).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.text).toBe(first.text);
    expect(await costsNoted('replayed cost')).toBe(1);
    expect(await keyRow(key)).toMatchObject({ status: 'done', principal: owner.id });
    const kept = await keyRow(key);
    expect(kept!.expires_at.getTime() - kept!.created_at.getTime()).toBe(24 * 3600 * 1000);
  });

  it('refuses the same key with another body, or on another route, with 422 and creates nothing', async () => {
    const key = randomUUID();
    await owner
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .send(cost({ note: 'first body' }))
      .expect(201);
    const other = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .send(cost({ note: 'first body', amount: '999.00' }))
      .expect(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({
      type: '/problems/idempotency-key-reused',
      status: 422,
      title: 'Idempotency-Key is already used',
    });
    await owner
      .post(`${base}/value-entries`)
      .set(KEY, key)
      .send({ ...cost({ note: 'first body' }), category: undefined, valueType: 'revenue' })
      .expect(422);
    expect(await costsNoted('first body')).toBe(1);
    const values = await api.sql(`SELECT 1 FROM value_entries WHERE organisation_id = $1`, [
      organisationId,
    ]);
    expect(values).toHaveLength(0);
  });

  it('lets two concurrent requests with one key create one record', async () => {
    const key = randomUUID();
    const body = cost({ note: 'concurrent' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => owner.post(`${base}/cost-entries`).set(KEY, key).send(body)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.filter((answer) => answer.headers[REPLAYED] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.type).toBe('/problems/idempotency-key-in-progress');
      expect(refused.headers['retry-after']).toBe('1');
    }
    expect(await costsNoted('concurrent')).toBe(1);
    // Once the first has answered, every retry gets its answer.
    const retry = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    expect(retry.body.id).toBe(created[0]!.body.id);
  });

  it('keeps keys apart per caller and per organisation', async () => {
    const key = 'shared-key-1';
    const body = cost({ note: 'per caller' });
    const mine = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    const colleague = await addMember(api, owner, organisationId, 'contributor');
    const theirs = await colleague
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .send(body)
      .expect(201);
    expect(theirs.headers[REPLAYED]).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await costsNoted('per caller')).toBe(2);

    const elsewhere = (await makeOrganisation(owner)).id;
    const [otherInitiative] = (await makeInitiatives(owner, elsewhere, ['100.00'])).initiatives;
    await owner
      .post(`/api/v1/organisations/${elsewhere}/cost-entries`)
      .set(KEY, key)
      .send({ ...body, initiativeId: otherInitiative!.id })
      .expect(201);
    expect(await costsNoted('per caller', elsewhere)).toBe(1);
  });

  it('refuses a malformed key with a 400 naming the header, and creates nothing', async () => {
    const malformed = ['', 'x'.repeat(256), 'tab\there', 'caf\u00e9', '"unterminated', '"a"b"'];
    for (const value of malformed) {
      const refused = await owner
        .post(`${base}/cost-entries`)
        .set(KEY, value)
        .send(cost({ note: 'malformed key' }));
      expect({ value, status: refused.status }).toEqual({ value, status: 400 });
      expect(refused.body.errors).toEqual([{ field: KEY, reason: expect.any(String) }]);
      expect(refused.body.detail).toContain(KEY);
    }
    const twice = await owner
      .post(`${base}/cost-entries`)
      // superagent sends an array as the header twice; its types only allow that for Cookie.
      .set(KEY, ['one', 'two'] as unknown as string)
      .send(cost({ note: 'malformed key' }))
      .expect(400);
    expect(twice.body.errors).toEqual([{ field: KEY, reason: 'must be sent once' }]);
    expect(await costsNoted('malformed key')).toBe(0);

    // 255 printable characters are a key, quoted (RFC 8941) or bare alike.
    const longest = `"${'k'.repeat(254)}\\""`;
    await owner
      .post(`${base}/cost-entries`)
      .set(KEY, longest)
      .send(cost({ note: 'longest key' }))
      .expect(201);
    const bare = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, `${'k'.repeat(254)}"`)
      .send(cost({ note: 'longest key' }))
      .expect(201);
    expect(bare.headers[REPLAYED]).toBe('true');
    expect(await costsNoted('longest key')).toBe(1);
  });

  it('lets a corrected retry run with the same key after a failed create', async () => {
    const key = randomUUID();
    const refused = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .send(cost({ note: 'corrected', amount: 'twelve' }))
      .expect(400);
    expect(refused.body.errors[0].field).toBe('amount');
    expect(await keyRow(key)).toBeUndefined();
    const corrected = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, key)
      .send(cost({ note: 'corrected' }))
      .expect(201);
    expect(corrected.headers[REPLAYED]).toBeUndefined();
    // A rule the service checks against the database (no such initiative) keeps nothing either.
    const missing = randomUUID();
    const unknown = await owner
      .post(`${base}/cost-entries`)
      .set(KEY, missing)
      .send(cost({ note: 'corrected', initiativeId: randomUUID() }))
      .expect(400);
    expect(unknown.body.errors[0].field).toBe('initiativeId');
    expect(await keyRow(missing)).toBeUndefined();
    expect(await costsNoted('corrected')).toBe(1);
  });

  it('no longer replays an expired key, and purges it', async () => {
    const key = randomUUID();
    const body = cost({ note: 'expired key' });
    const first = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    await api.sql(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE organisation_id = $1 AND key = $2`,
      [organisationId, key],
    );
    const again = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    expect(again.headers[REPLAYED]).toBeUndefined();
    expect(again.body.id).not.toBe(first.body.id);
    expect(await costsNoted('expired key')).toBe(2);

    await api.sql(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE organisation_id = $1 AND key = $2`,
      [organisationId, key],
    );
    expect(await api.app.get(IdempotencyStore).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await keyRow(key)).toBeUndefined();
  });

  it('works for a system calling with an API key, apart from the person who made it', async () => {
    const created = await owner
      .post(`${base}/api-keys`)
      .send({ name: 'Finance sync', role: 'contributor' })
      .expect(201);
    const system = { Authorization: `Bearer ${created.body.key as string}` };
    const key = 'api-key-retry';
    const body = cost({ note: 'through an API key' });
    const first = await api.http
      .post(`${base}/cost-entries`)
      .set(system)
      .set(KEY, key)
      .send(body)
      .expect(201);
    const second = await api.http
      .post(`${base}/cost-entries`)
      .set(system)
      .set(KEY, key)
      .send(body)
      .expect(201);
    expect(second.headers[REPLAYED]).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await keyRow(key)).toMatchObject({ principal: created.body.apiKey.id });
    // The person's own use of the same key is another request.
    const person = await owner.post(`${base}/cost-entries`).set(KEY, key).send(body).expect(201);
    expect(person.body.id).not.toBe(first.body.id);
    expect(await costsNoted('through an API key')).toBe(2);
  });

  it('never keeps an answer that shows a secret once, and refuses to create it twice', async () => {
    const key = randomUUID();
    const body = { name: 'Nightly export', role: 'board_member' };
    const first = await owner.post(`${base}/api-keys`).set(KEY, key).send(body).expect(201);
    const retry = await owner.post(`${base}/api-keys`).set(KEY, key).send(body).expect(409);
    expect(retry.body.type).toBe('/problems/idempotency-answer-withheld');
    const kept = await api.sql(`SELECT * FROM idempotency_keys WHERE key = $1`, [key]);
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(first.body.key);
    const named = await api.sql(`SELECT 1 FROM api_keys WHERE name = 'Nightly export'`);
    expect(named).toHaveLength(1);
  });

  it('queues an upload once, and refuses another file under the same key', async () => {
    const csv = (value: number) => `kpi,date,value\nK-IDEM,2026-05-01,${value}\n`;
    const objective = await api.sql<{ id: string }>(
      `SELECT id FROM objectives WHERE organisation_id = $1 LIMIT 1`,
      [organisationId],
    );
    await owner
      .post(`${base}/kpis`)
      .send({
        objectiveId: objective[0]!.id,
        code: 'K-IDEM',
        name: 'Retries that duplicate',
        unit: '%',
        direction: 'decrease',
        baselineValue: 10,
        baselineDate: '2026-01-01',
        targetValue: 0,
        targetDate: '2026-12-31',
      })
      .expect(201);
    const upload = (content: string) =>
      owner
        .post(`${base}/imports`)
        .set(KEY, 'upload-1')
        .field('kind', 'kpi-measurements')
        .attach('file', Buffer.from(content), {
          filename: 'measurements.csv',
          contentType: 'text/csv',
        });
    const first = await upload(csv(4)).expect(202);
    // Each attempt is sent with a boundary of its own: the file is what counts.
    const second = await upload(csv(4)).expect(202);
    expect(second.headers[REPLAYED]).toBe('true');
    expect(second.body).toEqual(first.body);
    const other = await upload(csv(5)).expect(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
    const imports = await api.sql(`SELECT id FROM imports WHERE organisation_id = $1`, [
      organisationId,
    ]);
    expect(imports).toEqual([{ id: first.body.id }]);
  });

  describe('after a crash', () => {
    const plant = (key: string, row: { committed: boolean; stale: boolean }) =>
      api.sql(
        `INSERT INTO idempotency_keys (organisation_id, principal, key, method, path, request_hash,
                claim, locked_until, committed_at, expires_at)
         VALUES ($1, $2, $3, 'POST', '/', NULL, gen_random_uuid(),
                 now() + ($4::text)::interval, CASE WHEN $5 THEN now() END,
                 now() + interval '24 hours')`,
        [organisationId, owner.id, key, row.stale ? '-1 second' : '1 minute', row.committed],
      );

    it('answers 409 while the request holding the key may still be running', async () => {
      await plant('held', { committed: false, stale: false });
      const refused = await owner
        .post(`${base}/cost-entries`)
        .set(KEY, 'held')
        .send(cost({ note: 'held' }))
        .expect(409);
      expect(refused.body.type).toBe('/problems/idempotency-key-in-progress');
      expect(await costsNoted('held')).toBe(0);
    });

    it('takes over a key whose request died before its create committed', async () => {
      await plant('died early', { committed: false, stale: true });
      await owner
        .post(`${base}/cost-entries`)
        .set(KEY, 'died early')
        .send(cost({ note: 'died early' }))
        .expect(201);
      expect(await costsNoted('died early')).toBe(1);
    });

    it('never repeats a create that committed before its process died', async () => {
      await plant('died late', { committed: true, stale: true });
      const refused = await owner
        .post(`${base}/cost-entries`)
        .set(KEY, 'died late')
        .send(cost({ note: 'died late' }))
        .expect(409);
      expect(refused.body.type).toBe('/problems/idempotency-answer-lost');
      expect(await costsNoted('died late')).toBe(0);
    });

    it('marks the key committed inside the transaction that writes, not one that only reads', async () => {
      const store = api.app.get(IdempotencyStore);
      const owned = { organisationId, principal: owner.id, key: 'marked' };
      const claimed = await store.claim(owned, {
        method: 'POST',
        path: '/',
        fingerprint: 'b'.repeat(64),
      });
      if (claimed.kind !== 'claimed') throw new Error(claimed.kind);
      const scoped = api.app.get(ScopedDatabase);
      const marker = api.app.get(CommitMarker);
      const committed = async () =>
        (
          await api.sql<{ committed_at: Date | null }>(
            `SELECT committed_at FROM idempotency_keys WHERE key = 'marked'`,
          )
        )[0]!.committed_at;
      const reading = marker.run(claimed.held, () =>
        scoped.transaction({ organisationId }, undefined, (manager) => manager.query('SELECT 1')),
      );
      await reading.result;
      reading.end();
      expect(await committed()).toBeNull();
      const writing = marker.run(claimed.held, () =>
        scoped.transaction({ organisationId }, undefined, (manager) =>
          manager.query(`UPDATE organisations SET name = name WHERE id = $1`, [organisationId]),
        ),
      );
      await writing.result;
      writing.end();
      expect(await committed()).toBeInstanceOf(Date);
    });

    it('rolls back the create of a slow request whose key another request has taken over', async () => {
      const store = api.app.get(IdempotencyStore);
      const owned = { organisationId, principal: owner.id, key: 'taken over' };
      const claimed = await store.claim(owned, {
        method: 'POST',
        path: '/',
        fingerprint: 'a'.repeat(64),
      });
      if (claimed.kind !== 'claimed') throw new Error(claimed.kind);
      // Another request took the key over meanwhile.
      await api.sql(
        `UPDATE idempotency_keys SET claim = gen_random_uuid() WHERE key = 'taken over'`,
      );
      const scoped = api.app.get(ScopedDatabase);
      const run = api.app
        .get(CommitMarker)
        .run(claimed.held, () =>
          scoped.transaction({ organisationId }, undefined, (manager) =>
            manager.query(
              `UPDATE organisations SET name = 'Renamed by the slow one' WHERE id = $1`,
              [organisationId],
            ),
          ),
        );
      await expect(run.result).rejects.toMatchObject({ status: 409 });
      const [organisation] = await api.sql<{ name: string }>(
        `SELECT name FROM organisations WHERE id = $1`,
        [organisationId],
      );
      expect(organisation!.name).not.toBe('Renamed by the slow one');
    });
  });

  it('documents the header, the replay header and the 409 and 422 answers on every create', async () => {
    const document = (await api.http.get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const creates = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(
          ([method, operation]) =>
            method === 'post' &&
            path.startsWith('/api/v1/organisations/{orgId}/') &&
            (operation.responses['201'] || operation.responses['202']),
        )
        .map(([, operation]) => ({ path, operation })),
    );
    expect(creates.length).toBeGreaterThanOrEqual(20);
    for (const { path, operation } of creates) {
      const header = operation.parameters?.find(
        (parameter) => parameter.in === 'header' && parameter.name === KEY,
      );
      expect({ path, header: header?.required }).toEqual({ path, header: false });
      expect({ path, conflict: !!operation.responses['409'] }).toEqual({ path, conflict: true });
      expect({ path, reused: !!operation.responses['422'] }).toEqual({ path, reused: true });
      const success = operation.responses['201'] ?? operation.responses['202'];
      expect({ path, replayed: !!success?.headers?.['Idempotent-Replayed'] }).toEqual({
        path,
        replayed: true,
      });
    }
  });
});

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
}
