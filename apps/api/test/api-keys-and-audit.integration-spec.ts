import { ScopedDatabase } from '../src/common/tenancy/scoped-database';
import { OrganisationEntity } from '../src/modules/organisations/organisation.entity';
import { makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

describe('API keys', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api);
    organisationId = (await makeOrganisation(owner)).id;
  });
  afterAll(() => api.close());

  const withKey = (key: string) => ({ Authorization: `Bearer ${key}` });

  it('shows a key once, stores only its hash, and lets a system act with its role', async () => {
    const created = await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys`)
      .send({ name: 'CRM sync', role: 'executive' })
      .expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^roi_[A-Za-z0-9_-]{43}$/);
    const stored = await api.sql(`SELECT * FROM api_keys WHERE id = $1`, [created.body.apiKey.id]);
    expect(JSON.stringify(stored)).not.toContain(key);

    const listed = await owner.get(`/api/v1/organisations/${organisationId}/api-keys`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body[0]).toMatchObject({
      name: 'CRM sync',
      prefix: key.slice(0, 12),
      status: 'active',
      lastUsedAt: null,
    });

    // No CSRF token needed: a key is not a cookie a browser sends on its own.
    const renamed = await api.http
      .patch(`/api/v1/organisations/${organisationId}`)
      .set(withKey(key))
      .send({ name: 'Renamed by a script', version: 1 })
      .expect(200);
    expect(renamed.body.name).toBe('Renamed by a script');
    const [used] = await api.sql<{ last_used_at: Date | null }>(
      `SELECT last_used_at FROM api_keys WHERE id = $1`,
      [created.body.apiKey.id],
    );
    expect(used?.last_used_at).not.toBeNull();
  });

  it('stops working at once when revoked or expired', async () => {
    const created = await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys`)
      .send({ name: 'Short-lived', role: 'contributor' })
      .expect(201);
    await api.http
      .get(`/api/v1/organisations/${organisationId}`)
      .set(withKey(created.body.key))
      .expect(200);
    await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys/${created.body.apiKey.id}/revoke`)
      .expect(200);
    const refused = await api.http
      .get(`/api/v1/organisations/${organisationId}`)
      .set(withKey(created.body.key))
      .expect(401);
    expect(refused.body.detail).toMatch(/revoked/);

    const expiring = await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys`)
      .send({
        name: 'Expiring',
        role: 'contributor',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
      .expect(201);
    await api.sql(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.body.apiKey.id,
    ]);
    await api.http
      .get(`/api/v1/organisations/${organisationId}`)
      .set(withKey(expiring.body.key))
      .expect(401);
  });

  it('refuses an expiry in the past', async () => {
    await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys`)
      .send({ name: 'Old', role: 'contributor', expiresAt: '2001-01-01T00:00:00Z' })
      .expect(400);
  });

  it.each([
    ['a number', 4102444800000],
    ['a boolean', true],
    ['an impossible day', '2099-02-30T00:00:00Z'],
    ['words', 'March 7 2099'],
  ])(
    'refuses an expiry that is %s, naming the field, and creates no key',
    async (_label, value) => {
      const before = await api.sql(`SELECT count(*) FROM api_keys WHERE organisation_id = $1`, [
        organisationId,
      ]);
      const refused = await owner
        .post(`/api/v1/organisations/${organisationId}/api-keys`)
        .send({ name: 'Lenient', role: 'contributor', expiresAt: value })
        .expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(
        'expiresAt',
      );
      const after = await api.sql(`SELECT count(*) FROM api_keys WHERE organisation_id = $1`, [
        organisationId,
      ]);
      expect(after).toEqual(before);
    },
  );
});

describe('the audit log', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Lonergan' });
    organisationId = (await makeOrganisation(owner, { name: 'Harbour Credit Union' })).id;
  });
  afterAll(() => api.close());

  const log = (query = '') =>
    owner.get(`/api/v1/organisations/${organisationId}/audit-log${query}`).expect(200);

  it('records every change with who, when, what and the fields before and after', async () => {
    const renamed = await owner
      .patch(`/api/v1/organisations/${organisationId}`)
      .set('X-Request-Id', 'rename-request-0001')
      .send({ name: 'Harbour Credit Union (Cork)', version: 1 })
      .expect(200);
    expect(renamed.body.version).toBe(2);
    const { body } = await log();
    const [latest] = body.items;
    expect(latest).toMatchObject({
      entityType: 'organisation',
      entityId: organisationId,
      action: 'update',
      actorUserId: owner.id,
      actorName: 'Maeve Lonergan',
      requestId: 'rename-request-0001',
      changes: { name: { before: 'Harbour Credit Union', after: 'Harbour Credit Union (Cork)' } },
    });
    const created = body.items.filter((entry: { action: string }) => entry.action === 'create');
    expect(created.map((entry: { entityType: string }) => entry.entityType).sort()).toEqual([
      'membership',
      'organisation',
    ]);
  });

  it('keeps secrets out of the log', async () => {
    const created = await owner
      .post(`/api/v1/organisations/${organisationId}/api-keys`)
      .send({ name: 'Audited key', role: 'contributor' })
      .expect(201);
    const { body } = await log(`?entityType=api_key`);
    expect(body.items[0].changes.keyHash).toEqual({ before: null, after: '[redacted]' });
    expect(body.items[0].changes.revokedAt).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(created.body.key);
  });

  it('filters, pages without gaps or repeats, and exports CSV', async () => {
    for (let version = 2; version < 7; version++) {
      await owner
        .patch(`/api/v1/organisations/${organisationId}`)
        .send({ sector: `Sector ${version}`, version })
        .expect(200);
    }
    const all = (await log('?entityType=organisation&limit=100')).body.items;
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await owner
        .get(`/api/v1/organisations/${organisationId}/audit-log`)
        .query({ entityType: 'organisation', limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      paged.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((entry: { id: string }) => entry.id));

    const byActor = await log(`?actorUserId=${owner.id}&limit=100`);
    expect(
      byActor.body.items.every((entry: { actorUserId: string }) => entry.actorUserId === owner.id),
    ).toBe(true);
    const future = await log(
      `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body.items).toEqual([]);

    const csv = await owner
      .get(`/api/v1/organisations/${organisationId}/audit-log/export.csv?entityType=organisation`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'occurred_at,actor_user_id,actor_name,actor_api_key_id,request_id,entity_type,entity_id,action,changes',
    );
    expect(lines).toHaveLength(all.length + 1);
  });

  it('writes audit rows in the same transaction: a failed write leaves neither the change nor its row', async () => {
    const before = await api.sql(
      `SELECT count(*)::int AS count FROM audit_log WHERE organisation_id = $1`,
      [organisationId],
    );
    const scoped = api.app.get(ScopedDatabase);
    await expect(
      scoped.transaction({ organisationId }, { userId: owner.id }, async (manager) => {
        const organisation = await manager.findOneByOrFail(OrganisationEntity, {
          id: organisationId,
        });
        organisation.name = 'Never saved';
        await manager.save(organisation);
        throw new Error('the write fails after the audited save');
      }),
    ).rejects.toThrow('the write fails');
    const after = await api.sql(
      `SELECT count(*)::int AS count FROM audit_log WHERE organisation_id = $1`,
      [organisationId],
    );
    expect(after).toEqual(before);
    const [organisation] = await api.sql<{ name: string }>(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    expect(organisation?.name).not.toBe('Never saved');
  });

  it('refuses bad filters with the field named', async () => {
    const response = await owner
      .get(`/api/v1/organisations/${organisationId}/audit-log?actorUserId=nobody&from=yesterday`)
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'actorUserId',
      'from',
    ]);
  });
});
