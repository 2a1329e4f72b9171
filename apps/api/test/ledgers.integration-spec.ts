import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { type MadeInitiative, makeInitiatives } from './support/plan-factories';

describe('the cost and value ledgers', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;
  let initiative: MadeInitiative;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Owner' });
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
    amount: '1250.50',
    hours: '7.5',
    note: 'March reels',
    ...overrides,
  });
  const value = (overrides: Record<string, unknown> = {}) => ({
    date: '2027-03-20',
    initiativeId: initiative.id,
    channel: 'Instagram',
    activity: 'Content production',
    valueType: 'revenue',
    amount: '2000.00',
    confidence: '0.75',
    ...overrides,
  });
  const count = async (table: string) =>
    Number(
      (
        await api.sql<{ n: string }>(
          `SELECT count(*) AS n FROM ${table} WHERE organisation_id = $1`,
          [organisationId],
        )
      )[0]?.n,
    );

  it('records a cost and a value with exact amounts, as the contract says', async () => {
    const recordedCost = await owner.post(`${base}/cost-entries`).send(cost()).expect(201);
    expect(recordedCost.body).toEqual({
      id: expect.any(String),
      date: '2027-03-14',
      initiativeId: initiative.id,
      initiativeCode: initiative.code,
      channel: 'Instagram',
      activity: 'Content production',
      category: 'labour',
      amount: '1250.50',
      hours: '7.50',
      note: 'March reels',
      importId: null,
      version: 1,
    });
    const recordedValue = await owner.post(`${base}/value-entries`).send(value()).expect(201);
    expect(recordedValue.body).toMatchObject({
      valueType: 'revenue',
      amount: '2000.00',
      confidence: '0.75',
      riskAdjustedAmount: '1500.00',
      initiativeCode: initiative.code,
    });
    const withDefault = await owner
      .post(`${base}/value-entries`)
      .send(value({ confidence: undefined, amount: '0.01' }))
      .expect(201);
    expect(withDefault.body).toMatchObject({ confidence: '1', amount: '0.01' });
  });

  it('matches channels and activities case-insensitively after trimming, keeping the first spelling', async () => {
    await owner
      .post(`${base}/cost-entries`)
      .send(cost({ channel: 'LinkedIn', activity: 'Paid promotion' }))
      .expect(201);
    const later = await owner
      .post(`${base}/cost-entries`)
      .send(cost({ channel: '  LINKEDIN ', activity: 'paid PROMOTION' }))
      .expect(201);
    expect(later.body).toMatchObject({ channel: 'LinkedIn', activity: 'Paid promotion' });
    const channels = await owner.get(`${base}/channels`).expect(200);
    expect(channels.body.filter((c: { label: string }) => /linkedin/i.test(c.label))).toEqual([
      expect.objectContaining({ label: 'LinkedIn', costEntries: 2, valueEntries: 0 }),
    ]);
  });

  it('refuses bad input field by field and records nothing', async () => {
    const before = [
      await count('cost_entries'),
      await count('value_entries'),
      await count('channels'),
    ];
    const cases: [string, Record<string, unknown>, string][] = [
      ['cost-entries', cost({ amount: '12.345' }), 'amount'],
      ['cost-entries', cost({ amount: '0' }), 'amount'],
      ['cost-entries', cost({ amount: '0.00' }), 'amount'],
      ['cost-entries', cost({ amount: '-5', channel: 'Never added' }), 'amount'],
      ['cost-entries', cost({ amount: '12,50' }), 'amount'],
      ['cost-entries', cost({ amount: 12.5 }), 'amount'],
      ['cost-entries', cost({ hours: '-1' }), 'hours'],
      ['cost-entries', cost({ hours: '1.234' }), 'hours'],
      ['cost-entries', cost({ category: 'coffee' }), 'category'],
      ['cost-entries', cost({ date: '2025-02-30' }), 'date'],
      ['cost-entries', cost({ channel: '   ' }), 'channel'],
      ['cost-entries', cost({ channel: 'x'.repeat(65) }), 'channel'],
      ['value-entries', value({ confidence: '1.5' }), 'confidence'],
      ['value-entries', value({ confidence: '0.12345' }), 'confidence'],
      ['value-entries', value({ valueType: 'vibes' }), 'valueType'],
    ];
    for (const [ledger, body, field] of cases) {
      const response = await owner.post(`${base}/${ledger}`).send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect([
      await count('cost_entries'),
      await count('value_entries'),
      await count('channels'),
    ]).toEqual(before);
  });

  it("refuses an initiative of another organisation as it refuses one that doesn't exist", async () => {
    const stranger = await signUp(api);
    const theirs = await makeOrganisation(stranger);
    const [foreign] = (await makeInitiatives(stranger, theirs.id, ['10'])).initiatives;
    const response = await owner
      .post(`${base}/cost-entries`)
      .send(cost({ initiativeId: foreign?.id }))
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'initiativeId', reason: 'is not an initiative of this organisation' },
    ]);
    const theirEntry = await stranger
      .post(`/api/v1/organisations/${theirs.id}/cost-entries`)
      .send(cost({ initiativeId: foreign?.id }))
      .expect(201);
    await owner.get(`${base}/cost-entries/${theirEntry.body.id}`).expect(404);
    await owner
      .patch(`${base}/cost-entries/${theirEntry.body.id}`)
      .send({ version: 1, amount: '1.00' })
      .expect(404);
    await owner.delete(`${base}/cost-entries/${theirEntry.body.id}`).expect(404);
    const [unchanged] = await api.sql<{ amount: string }>(
      `SELECT amount::text AS amount FROM cost_entries WHERE id = $1`,
      [theirEntry.body.id],
    );
    expect(unchanged?.amount).toBe('1250.5000');
  });

  it('edits with the version it was based on, answers 409 with the current entry when stale, and audits every change', async () => {
    const created = (await owner.post(`${base}/cost-entries`).send(cost()).expect(201)).body;
    const edited = await owner
      .patch(`${base}/cost-entries/${created.id}`)
      .send({ version: 1, amount: '99.99', channel: 'Podcast', hours: null })
      .expect(200);
    expect(edited.body).toMatchObject({
      amount: '99.99',
      channel: 'Podcast',
      hours: null,
      version: 2,
    });
    const stale = await owner
      .patch(`${base}/cost-entries/${created.id}`)
      .send({ version: 1, amount: '1.00' })
      .expect(409);
    expect(stale.body.current).toMatchObject({ amount: '99.99', version: 2 });
    await owner.delete(`${base}/cost-entries/${created.id}`).expect(204);
    await owner.get(`${base}/cost-entries/${created.id}`).expect(404);
    const audit = await api.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'cost_entry' AND entity_id = $1 ORDER BY occurred_at`,
      [created.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lists with filters, sorts, pages by cursor without gaps, and totals what the filter shows', async () => {
    const organisation = await makeOrganisation(owner, { currency: 'JPY' });
    const path = `/api/v1/organisations/${organisation.id}`;
    const [mine] = (await makeInitiatives(owner, organisation.id, ['100000'])).initiatives;
    const amounts = ['500', '1200', '300', '4500', '800', '1200', '50'];
    for (const [index, amount] of amounts.entries()) {
      await owner
        .post(`${path}/cost-entries`)
        .send(
          cost({
            initiativeId: mine?.id,
            amount,
            hours: null,
            date: `2027-01-0${index + 1}`,
            channel: index % 2 === 0 ? 'Instagram' : 'TikTok',
            category: index < 3 ? 'media' : 'labour',
          }),
        )
        .expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { amount: string }[]; nextCursor: string | null } } = await owner
        .get(`${path}/cost-entries`)
        .query({ sort: '-amount', limit: 3, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.items.map((item) => item.amount));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['4500', '1200', '1200', '800', '500', '300', '50']);

    const filtered = await owner
      .get(`${path}/cost-entries`)
      .query({ channel: 'instagram', from: '2027-01-02', to: '2027-01-07', category: 'labour' })
      .expect(200);
    expect(filtered.body.items.map((item: { date: string }) => item.date)).toEqual([
      '2027-01-07',
      '2027-01-05',
    ]);
    expect(filtered.body.totals).toEqual({ count: 2, amount: '850' });
    await owner.get(`${path}/cost-entries`).query({ cursor: 'bm90IGEgY3Vyc29y' }).expect(400);
    await owner.get(`${path}/cost-entries`).query({ sort: 'price' }).expect(400);
  });

  it('lets contributors record, the board only read', async () => {
    const contributor = await addMember(api, owner, organisationId, 'contributor');
    const board = await addMember(api, owner, organisationId, 'board_member');
    await contributor.post(`${base}/cost-entries`).send(cost()).expect(201);
    await board.post(`${base}/cost-entries`).send(cost()).expect(403);
    await board.get(`${base}/cost-entries`).expect(200);
    await board.get(`${base}/roi`).expect(200);
    const channel = (await board.get(`${base}/channels`).expect(200)).body[0];
    await contributor
      .patch(`${base}/channels/${channel.id}`)
      .send({ label: 'Renamed', version: channel.version })
      .expect(403);
  });

  it('renames a channel and merges two, moving their entries and their ROI', async () => {
    const organisation = await makeOrganisation(owner);
    const path = `/api/v1/organisations/${organisation.id}`;
    const [mine] = (await makeInitiatives(owner, organisation.id, ['100'])).initiatives;
    await owner
      .post(`${path}/cost-entries`)
      .send(cost({ initiativeId: mine?.id, channel: 'Insta', amount: '100' }))
      .expect(201);
    await owner
      .post(`${path}/cost-entries`)
      .send(cost({ initiativeId: mine?.id, channel: 'Instagram', amount: '50' }))
      .expect(201);
    await owner
      .post(`${path}/value-entries`)
      .send(value({ initiativeId: mine?.id, channel: 'Insta', amount: '300' }))
      .expect(201);
    const channels = (await owner.get(`${path}/channels`).expect(200)).body as {
      id: string;
      label: string;
      version: number;
    }[];
    const insta = channels.find((c) => c.label === 'Insta');
    const instagram = channels.find((c) => c.label === 'Instagram');
    const clash = await owner
      .patch(`${path}/channels/${insta?.id}`)
      .send({ label: 'INSTAGRAM', version: insta?.version })
      .expect(400);
    expect(clash.body.errors[0].reason).toMatch(/merge/);
    const merged = await owner
      .post(`${path}/channels/${insta?.id}/merge`)
      .send({ intoId: instagram?.id })
      .expect(200);
    expect(merged.body).toMatchObject({ label: 'Instagram', costEntries: 2, valueEntries: 1 });
    const roi = await owner
      .get(`${path}/roi`)
      .query({ from: '2027-01-01', to: '2027-12-31', groupBy: 'channel' })
      .expect(200);
    expect(roi.body.groups).toEqual([
      expect.objectContaining({
        label: 'Instagram',
        cost: '150.00',
        value: '300.00',
        roi: '1.0000',
      }),
    ]);
    const renamed = await owner
      .patch(`${path}/channels/${instagram?.id}`)
      .send({ label: 'Instagram (organic)', version: instagram?.version })
      .expect(200);
    expect(renamed.body.label).toBe('Instagram (organic)');
    const entries = await owner.get(`${path}/cost-entries`).expect(200);
    expect(entries.body.items.map((item: { channel: string }) => item.channel)).toEqual([
      'Instagram (organic)',
      'Instagram (organic)',
    ]);
  });

  it('refuses to delete an initiative that has money booked against it, even with cascade', async () => {
    const [spare] = (await makeInitiatives(owner, organisationId, ['10'])).initiatives;
    await owner
      .post(`${base}/value-entries`)
      .send(value({ initiativeId: spare?.id }))
      .expect(201);
    const refused = await owner
      .delete(`${base}/initiatives/${spare?.id}`)
      .query({ cascade: true })
      .expect(409);
    expect(refused.body.detail).toMatch(/1 value entry/);
    await owner.get(`${base}/initiatives/${spare?.id}`).expect(200);
  });
});
