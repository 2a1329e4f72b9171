import fc from 'fast-check';
import { makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { type MadeInitiative, makeInitiatives } from './support/plan-factories';

describe('the ROI engine', () => {
  let api: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Finance Lead' });
  });
  afterAll(() => api.close());

  async function organisationWith(budgets: string[], currency = 'EUR') {
    const organisation = await makeOrganisation(owner, { currency });
    const base = `/api/v1/organisations/${organisation.id}`;
    const { initiatives } = await makeInitiatives(owner, organisation.id, budgets);
    return { id: organisation.id, base, initiatives };
  }

  async function book(
    base: string,
    ledger: 'costs' | 'values',
    initiative: MadeInitiative,
    date: string,
    amount: string,
    extra: Record<string, unknown> = {},
  ) {
    const body =
      ledger === 'costs' ? { category: 'media', ...extra } : { valueType: 'revenue', ...extra };
    const response = await owner
      .post(`${base}/${ledger === 'costs' ? 'cost-entries' : 'value-entries'}`)
      .send({
        date,
        initiativeId: initiative.id,
        channel: 'Instagram',
        activity: 'Content production',
        amount,
        ...body,
      });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body as { id: string; version: number };
  }

  it('computes the brief’s figures by initiative, to the cent, with n/a where cost is 0', async () => {
    const { base, initiatives } = await organisationWith(['1000.00', '500.00', '0']);
    const [podcast, reels, referrals] = initiatives as [
      MadeInitiative,
      MadeInitiative,
      MadeInitiative,
    ];
    // Podcast: C = 300, V = 370.37 at confidence 0.5 -> ROI 0.23456... -> 0.2346, Va = 185.185.
    await book(base, 'costs', podcast, '2027-01-01', '100.00');
    await book(base, 'costs', podcast, '2027-02-10', '200.00');
    await book(base, 'values', podcast, '2027-02-10', '370.37', { confidence: '0.5' });
    // Reels lose money: C = 800, V = 100 -> ROI -0.875.
    await book(base, 'costs', reels, '2027-03-01', '800.00');
    await book(base, 'values', reels, '2027-03-31', '100.00');
    // Referrals: value but no cost -> ROI undefined.
    await book(base, 'values', referrals, '2027-04-01', '250.00');
    // Outside the period: never counted.
    await book(base, 'costs', reels, '2026-12-31', '999.00');
    await book(base, 'values', podcast, '2028-01-01', '999.00');

    const report = await owner
      .get(`${base}/roi`)
      .query({ from: '2027-01-01', to: '2027-12-31', groupBy: 'initiative' })
      .expect(200);
    expect(report.body).toMatchObject({ from: '2027-01-01', to: '2027-12-31', currency: 'EUR' });
    // C = 1100, V = 720.37, Va = 185.185 + 100 + 250 = 535.185
    expect(report.body.totals).toEqual({
      cost: '1100.00',
      value: '720.37',
      riskAdjustedValue: '535.19',
      net: '-379.63',
      roi: '-0.3451',
      riskAdjustedRoi: '-0.5135',
    });
    const [first, second, third] = report.body.groups;
    expect(first).toEqual({
      key: podcast.code,
      label: `Initiative ${podcast.code}`,
      cost: '300.00',
      value: '370.37',
      riskAdjustedValue: '185.19',
      net: '70.37',
      roi: '0.2346',
      riskAdjustedRoi: '-0.3827',
      budget: '1000.00',
      budgetVariance: '700.00',
      paybackDate: '2027-02-10',
    });
    expect(second).toMatchObject({
      key: reels.code,
      roi: '-0.8750',
      riskAdjustedRoi: '-0.8750',
      budgetVariance: '-300.00',
      paybackDate: null,
    });
    expect(third).toMatchObject({
      key: referrals.code,
      cost: '0.00',
      value: '250.00',
      roi: null,
      riskAdjustedRoi: null,
      paybackDate: null,
    });
  });

  it('counts both boundary days of the period and splits it by month, cut to the period', async () => {
    const { base, initiatives } = await organisationWith(['0']);
    const [only] = initiatives as [MadeInitiative];
    await book(base, 'costs', only, '2027-01-15', '10.00');
    await book(base, 'costs', only, '2027-02-20', '20.00');
    await book(base, 'values', only, '2027-03-10', '45.00');
    await book(base, 'values', only, '2027-03-11', '1000.00');
    const report = await owner
      .get(`${base}/roi`)
      .query({ from: '2027-01-15', to: '2027-03-10', groupBy: 'channel', interval: 'month' })
      .expect(200);
    expect(report.body.totals).toMatchObject({ cost: '30.00', value: '45.00', roi: '0.5000' });
    const months = report.body.intervals.map((i: { from: string; to: string; cost: string }) => [
      i.from,
      i.to,
      i.cost,
    ]);
    expect(months).toEqual([
      ['2027-01-15', '2027-01-31', '10.00'],
      ['2027-02-01', '2027-02-28', '20.00'],
      ['2027-03-01', '2027-03-10', '0.00'],
    ]);
    expect(report.body.groups[0].intervals.map((i: { value: string }) => i.value)).toEqual([
      '0.00',
      '0.00',
      '45.00',
    ]);
    const quarters = await owner
      .get(`${base}/roi`)
      .query({ from: '2027-01-01', to: '2027-06-30', interval: 'quarter' })
      .expect(200);
    expect(
      quarters.body.intervals.map((i: { from: string; roi: string | null }) => [i.from, i.roi]),
    ).toEqual([
      ['2027-01-01', '33.8333'],
      ['2027-04-01', null],
    ]);
  });

  it('refuses a period that runs backwards or a grouping it does not know', async () => {
    const { base } = await organisationWith([]);
    const backwards = await owner
      .get(`${base}/roi`)
      .query({ from: '2027-02-01', to: '2027-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', reason: 'must not be before from' }]);
    await owner.get(`${base}/roi`).query({ groupBy: 'colour' }).expect(400);
    await owner.get(`${base}/roi`).query({ from: '2027-02-30' }).expect(400);
  });

  it('suggests reallocation by the quartile rule, and nothing with fewer than 4 activities', async () => {
    const { base, initiatives } = await organisationWith(['0']);
    const [only] = initiatives as [MadeInitiative];
    const activity = async (name: string, cost: string, value: string) => {
      await owner
        .post(`${base}/cost-entries`)
        .send({
          date: '2027-05-01',
          initiativeId: only.id,
          channel: 'Web',
          activity: name,
          category: 'media',
          amount: cost,
        })
        .expect(201);
      if (value !== '0') {
        await owner
          .post(`${base}/value-entries`)
          .send({
            date: '2027-05-02',
            initiativeId: only.id,
            channel: 'Web',
            activity: name,
            valueType: 'revenue',
            amount: value,
          })
          .expect(201);
      }
    };
    await activity('Paid promotion', '100', '50'); // -0.5
    await activity('Community management', '100', '100'); // 0
    await activity('Content production', '100', '300'); // 2
    const tooFew = await owner
      .get(`${base}/reallocation`)
      .query({ from: '2027-01-01', to: '2027-12-31' })
      .expect(200);
    expect(tooFew.body).toMatchObject({
      give: [],
      receive: [],
      lowerQuartile: null,
      activitiesCompared: 3,
    });
    expect(tooFew.body.explanation).toMatch(/4/);

    await activity('Events', '100', '500'); // 4
    await activity('Influencers', '100', '120'); // 0.2
    // ROIs sorted: -0.5, 0, 0.2, 2, 4; Q1 at position 1 = 0, Q3 at position 3 = 2.
    // Organisation: C = 500, V = 1070 -> 1.14.
    const report = await owner
      .get(`${base}/reallocation`)
      .query({ from: '2027-01-01', to: '2027-12-31' })
      .expect(200);
    expect(report.body).toMatchObject({
      organisationRoi: '1.1400',
      lowerQuartile: '0.0000',
      upperQuartile: '2.0000',
      explanation: null,
      activitiesCompared: 5,
    });
    expect(
      report.body.give.map((item: { activity: string; roi: string }) => [item.activity, item.roi]),
    ).toEqual([
      ['Paid promotion', '-0.5000'],
      ['Community management', '0.0000'],
    ]);
    expect(
      report.body.receive.map((item: { activity: string; roi: string }) => [
        item.activity,
        item.roi,
      ]),
    ).toEqual([
      ['Events', '4.0000'],
      ['Content production', '2.0000'],
    ]);
    for (const item of [...report.body.give, ...report.body.receive]) {
      expect(item.reason).toEqual(expect.stringContaining(item.activity));
    }
  });

  it('keeps the daily and monthly rollups equal to a full rescan of the raw rows, whatever is written, changed and deleted', async () => {
    const { id, base, initiatives } = await organisationWith(['0', '0']);
    const dates = ['2027-01-01', '2027-01-02', '2027-02-15'];
    const operation = fc.record({
      kind: fc.constantFrom('add-cost', 'add-value', 'edit', 'delete'),
      initiative: fc.integer({ min: 0, max: 1 }),
      date: fc.constantFrom(...dates),
      channel: fc.constantFrom('Instagram', 'instagram ', 'TikTok'),
      activity: fc.constantFrom('Ads', 'Posts'),
      cents: fc.integer({ min: 1, max: 10_000_000 }),
      confidence: fc.constantFrom('0', '0.3333', '1', '0.5'),
      pick: fc.nat(),
    });
    const written: { ledger: 'costs' | 'values'; id: string; version: number }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (operations) => {
        for (const op of operations) {
          const amount = (op.cents / 100).toFixed(2);
          const initiative = initiatives[op.initiative] as MadeInitiative;
          if (op.kind === 'add-cost' || op.kind === 'add-value' || written.length === 0) {
            const ledger = op.kind === 'add-value' ? 'values' : 'costs';
            const entry = await book(base, ledger, initiative, op.date, amount, {
              channel: op.channel,
              activity: op.activity,
              ...(ledger === 'values' ? { confidence: op.confidence } : {}),
            });
            written.push({ ledger, id: entry.id, version: entry.version });
            continue;
          }
          const target = written[op.pick % written.length] as (typeof written)[number];
          const path = `${base}/${target.ledger === 'costs' ? 'cost-entries' : 'value-entries'}/${target.id}`;
          if (op.kind === 'edit') {
            const edited = await owner
              .patch(path)
              .send({
                version: target.version,
                amount,
                date: op.date,
                channel: op.channel,
                initiativeId: initiative.id,
              })
              .expect(200);
            target.version = edited.body.version;
          } else {
            await owner.delete(path).expect(204);
            written.splice(written.indexOf(target), 1);
          }
        }
        const differences = await api.sql(
          `WITH raw AS (
             SELECT organisation_id, date, initiative_id, channel_id, activity_id,
                    amount AS cost, 0::numeric AS value, 0::numeric AS risk_adjusted
               FROM cost_entries WHERE organisation_id = $1
             UNION ALL
             SELECT organisation_id, date, initiative_id, channel_id, activity_id,
                    0, amount, amount * confidence
               FROM value_entries WHERE organisation_id = $1),
           expected AS (
             SELECT d.dimension, d.key_id, r.date AS day, sum(r.cost) AS cost, sum(r.value) AS value,
                    sum(r.risk_adjusted) AS risk_adjusted
               FROM raw r
              CROSS JOIN LATERAL (VALUES ('organisation', r.organisation_id), ('initiative', r.initiative_id),
                                         ('channel', r.channel_id), ('activity', r.activity_id)) AS d(dimension, key_id)
              GROUP BY 1, 2, 3),
           actual AS (
             SELECT dimension, key_id, day, cost, value, risk_adjusted_value AS risk_adjusted
               FROM ledger_rollups WHERE organisation_id = $1 AND cost_entries + value_entries > 0),
           expected_monthly AS (
             SELECT dimension, key_id, date_trunc('month', day)::date AS day, sum(cost) AS cost,
                    sum(value) AS value, sum(risk_adjusted) AS risk_adjusted
               FROM expected GROUP BY 1, 2, 3),
           actual_monthly AS (
             SELECT dimension, key_id, month AS day, cost, value, risk_adjusted_value AS risk_adjusted
               FROM ledger_monthly_rollups
              WHERE organisation_id = $1 AND cost_entries + value_entries > 0)
           (SELECT 'daily', * FROM expected EXCEPT SELECT 'daily', * FROM actual)
           UNION ALL
           (SELECT 'daily', * FROM actual EXCEPT SELECT 'daily', * FROM expected)
           UNION ALL
           (SELECT 'monthly', * FROM expected_monthly EXCEPT SELECT 'monthly', * FROM actual_monthly)
           UNION ALL
           (SELECT 'monthly', * FROM actual_monthly EXCEPT SELECT 'monthly', * FROM expected_monthly)`,
          [id],
        );
        expect(differences).toEqual([]);
      }),
      { numRuns: 12, seed: 20271202 },
    );
  });
});
