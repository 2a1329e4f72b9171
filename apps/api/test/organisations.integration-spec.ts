import { makeOrganisation, organisationInput, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

describe('organisations', () => {
  let api: TestApp;
  let owner: TestUser;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api);
  });
  afterAll(() => api.close());

  const countOrganisations = async () =>
    Number((await api.sql<{ count: string }>('SELECT count(*) FROM organisations'))[0]?.count);

  it('creates an organisation and reads it back', async () => {
    const input = organisationInput({ currency: 'GBP', fiscalYearStartMonth: 4 });
    const created = await owner.post('/api/v1/organisations').send(input).expect(201);
    expect(created.body).toMatchObject({ ...input, version: 1, isDemo: false });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await owner.get(`/api/v1/organisations/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('fills in the settings a new organisation did not give', async () => {
    const { body } = await owner
      .post('/api/v1/organisations')
      .send({ name: '  Riverside Food Co-operative  ' })
      .expect(201);
    expect(body).toMatchObject({
      name: 'Riverside Food Co-operative',
      currency: 'EUR',
      fiscalYearStartMonth: 1,
      timeZone: 'UTC',
      locale: 'en-GB',
      description: null,
    });
  });

  describe('refuses bad input with a problem naming the field, and writes nothing', () => {
    it.each([
      ['an empty name', { name: '' }, 'name', 'should not be empty'],
      ['a blank name', { name: '   ' }, 'name', 'should not be empty'],
      ['a missing name', { currency: 'EUR' }, 'name', 'must be a string'],
      ['a name of the wrong type', { name: 42 }, 'name', 'must be a string'],
      ['a 10,000-character name', { name: 'x'.repeat(10_000) }, 'name', 'must be shorter'],
      ['an unknown field', { name: 'Acme', owner: 'me' }, 'owner', 'is not a known field'],
      ['an unknown currency', { name: 'Acme', currency: 'XYZ' }, 'currency', 'ISO 4217'],
      [
        'a month out of range',
        { name: 'Acme', fiscalYearStartMonth: 13 },
        'fiscalYearStartMonth',
        'must not be greater than 12',
      ],
      ['an unknown time zone', { name: 'Acme', timeZone: 'Mars/Olympus' }, 'timeZone', 'IANA'],
      ['a null currency', { name: 'Acme', currency: null }, 'currency', 'ISO 4217'],
    ])('%s', async (_case, body, field, reason) => {
      const before = await countOrganisations();
      const response = await owner.post('/api/v1/organisations').send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, type: '/problems/validation-error' });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([{ field, reason: expect.stringContaining(reason) }]),
      );
      expect(await countOrganisations()).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await countOrganisations();
      const response = await owner
        .post('/api/v1/organisations')
        .set('Content-Type', 'application/json')
        .send('{"name": "Acme",')
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toMatch(/not valid JSON/);
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
      expect(await countOrganisations()).toBe(before);
    });

    it('a body over 1 MB', async () => {
      const before = await countOrganisations();
      const response = await owner
        .post('/api/v1/organisations')
        .send({ name: 'Acme', description: 'x'.repeat(1_100_000) })
        .expect(413);
      expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
      expect(await countOrganisations()).toBe(before);
    });
  });

  it('renames an organisation and counts its versions', async () => {
    const organisation = await makeOrganisation(owner);
    const { body } = await owner
      .patch(`/api/v1/organisations/${organisation.id}`)
      .send({ name: 'Harbour Credit Union (Cork)', version: organisation.version })
      .expect(200);
    expect(body).toMatchObject({ name: 'Harbour Credit Union (Cork)', version: 2 });
    expect(body.currency).toBe(organisation.currency);
  });

  it('refuses to clear a setting that every organisation must have', async () => {
    const organisation = await makeOrganisation(owner);
    const path = `/api/v1/organisations/${organisation.id}`;
    for (const field of ['name', 'currency', 'fiscalYearStartMonth', 'timeZone', 'locale']) {
      const response = await owner
        .patch(path)
        .send({ [field]: null, version: 1 })
        .expect(400);
      expect(response.body.errors).toEqual([{ field, reason: expect.any(String) }]);
    }
    const missingVersion = await owner.patch(path).send({ name: 'No version' }).expect(400);
    expect(missingVersion.body.errors).toEqual([{ field: 'version', reason: expect.any(String) }]);
    const read = await owner.get(path).expect(200);
    expect(read.body).toEqual(organisation);
  });

  it('refuses a change based on a stale version and returns the current one', async () => {
    const organisation = await makeOrganisation(owner);
    const path = `/api/v1/organisations/${organisation.id}`;
    await owner.patch(path).send({ name: 'First edit', version: 1 }).expect(200);
    const conflict = await owner.patch(path).send({ name: 'Second edit', version: 1 }).expect(409);
    expect(conflict.body).toMatchObject({
      type: '/problems/stale-version',
      current: { name: 'First edit', version: 2 },
    });
    const read = await owner.get(path).expect(200);
    expect(read.body.name).toBe('First edit');
  });

  it('answers 404 alike for an organisation that does not exist, is not a UUID, or is not yours', async () => {
    const someoneElse = await signUp(api);
    const theirs = await makeOrganisation(someoneElse);
    for (const id of ['00000000-0000-4000-8000-000000000000', '42', theirs.id]) {
      const response = await owner.get(`/api/v1/organisations/${id}`).expect(404);
      expect(response.body).toMatchObject({ status: 404, title: 'Not found' });
      await owner
        .patch(`/api/v1/organisations/${id}`)
        .send({ name: 'Mine now', version: 1 })
        .expect(404);
    }
    const read = await someoneElse.get(`/api/v1/organisations/${theirs.id}`).expect(200);
    expect(read.body.name).toBe(theirs.name);
  });

  it('lists only the organisations the caller belongs to', async () => {
    const mine = await makeOrganisation(owner);
    const someoneElse = await signUp(api);
    const theirs = await makeOrganisation(someoneElse);
    const { body } = await owner.get('/api/v1/organisations?limit=100').expect(200);
    const ids = body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });

  it('needs a signed-in caller', async () => {
    await api.http.get('/api/v1/organisations').expect(401);
    const response = await api.http
      .post('/api/v1/organisations')
      .send(organisationInput())
      .expect(401);
    expect(response.body).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
  });

  it('lists organisations by name, a page at a time, each exactly once', async () => {
    const prefix = `Paging ${Date.now()}`;
    for (const suffix of ['C', 'A', 'B'])
      await makeOrganisation(owner, { name: `${prefix} ${suffix}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await owner
        .get('/api/v1/organisations')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item) => item.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((name) => name.startsWith(prefix))).toEqual([
      `${prefix} A`,
      `${prefix} B`,
      `${prefix} C`,
    ]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ['not a cursor at all', 'bm9wZQ'],
    ['a forged key', Buffer.from(JSON.stringify(['Acme', 'not-a-uuid'])).toString('base64url')],
  ])('refuses a cursor it did not give out: %s', async (_case, cursor) => {
    const response = await owner.get('/api/v1/organisations').query({ cursor }).expect(400);
    expect(response.body.errors).toEqual([
      { field: 'cursor', reason: 'is not a cursor this API gave out' },
    ]);
  });
});
