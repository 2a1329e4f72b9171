import { randomBytes } from 'node:crypto';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

const COSTS_HEADER = 'date,initiative,channel,activity,category,amount,hours,note';
const VALUES_HEADER = 'date,initiative,channel,activity,value_type,amount,confidence,note';
const unique = () => randomBytes(3).toString('hex').toUpperCase();

interface ImportBody {
  id: string;
  kind: string;
  status: string;
  progress: number;
  rowsTotal: number;
  rowsImported: number;
  errorCount: number;
  errors: { row: number; column: string; reason: string }[];
  failure: string | null;
}

/** An organisation with a plan: initiatives and a KPI whose codes the files name. */
async function world(owner: TestUser) {
  const organisation = await makeOrganisation(owner);
  const base = `/api/v1/organisations/${organisation.id}`;
  const outcome = await owner
    .post(`${base}/outcomes`)
    .send({ title: 'Grow renewals', kind: 'revenue', ownerUserId: owner.id })
    .expect(201);
  const objective = await owner
    .post(`${base}/objectives`)
    .send({ outcomeId: outcome.body.id, title: 'Answer within a day', findingIds: [] })
    .expect(201);
  const suffix = unique();
  const initiatives: Record<string, string> = {};
  for (const code of [`I-ASK-${suffix}`, `I-PODCAST-${suffix}`]) {
    const created = await owner
      .post(`${base}/initiatives`)
      .send({
        code,
        name: `Initiative ${code}`,
        objectiveIds: [objective.body.id],
        budget: '10000.00',
        accountableUserId: owner.id,
        responsibleUserId: owner.id,
        channels: ['Instagram'],
      })
      .expect(201);
    initiatives[code] = created.body.id;
  }
  const kpi = await owner
    .post(`${base}/kpis`)
    .send({
      objectiveId: objective.body.id,
      code: `K-RENEW-${suffix}`,
      name: 'Renewal rate',
      unit: '%',
      direction: 'increase',
      baselineValue: 60,
      baselineDate: '2026-01-01',
      targetValue: 70,
      targetDate: '2026-12-31',
    })
    .expect(201);
  const [ask, podcast] = Object.keys(initiatives) as [string, string];
  return {
    organisationId: organisation.id,
    base,
    ask,
    podcast,
    initiatives,
    kpi: kpi.body.code as string,
    kpiId: kpi.body.id as string,
  };
}

function upload(
  user: TestUser,
  base: string,
  kind: string,
  content: string | Buffer,
  options: { kindAfterFile?: boolean; confirmDuplicate?: boolean } = {},
) {
  const request = user.post(`${base}/imports`);
  const file = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (!options.kindAfterFile) request.field('kind', kind);
  request.attach('file', file, { filename: `${kind}.csv`, contentType: 'text/csv' });
  if (options.kindAfterFile) request.field('kind', kind);
  if (options.confirmDuplicate) request.field('confirmDuplicate', 'true');
  return request;
}

async function finished(user: TestUser, base: string, id: string): Promise<ImportBody> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const response = await user.get(`${base}/imports/${id}`).expect(200);
    const body = response.body as ImportBody;
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function importFile(user: TestUser, base: string, kind: string, content: string | Buffer) {
  const accepted = await upload(user, base, kind, content).expect(202);
  expect(accepted.body).toEqual({ id: expect.any(String), status: 'queued' });
  return finished(user, base, accepted.body.id);
}

describe('CSV imports and exports', () => {
  let api: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Owner' });
  });
  afterAll(() => api.close());

  it('imports every row of a good costs file, and the rollups hold their sums', async () => {
    const w = await world(owner);
    const file = [
      COSTS_HEADER,
      `2026-03-01,${w.ask},Instagram,Content production,labour,1250.50,7.5,March posts`,
      `2026-03-02,${w.ask}, instagram ,Paid promotion,media,99.99,,`,
      `2026-03-02,${w.podcast},Newsletter,Content production,tools,0.01,0,"Quoted, with a comma`,
      `and a new line"`,
    ].join('\r\n');
    const done = await importFile(owner, w.base, 'costs', file);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: 100,
      rowsTotal: 3,
      rowsImported: 3,
    });
    expect(done.errorCount).toBe(0);

    const rows = await api.sql<{ amount: string; note: string; hours: string | null }>(
      `SELECT amount::text, note, hours::text FROM cost_entries WHERE organisation_id = $1 ORDER BY cost_entries.amount`,
      [w.organisationId],
    );
    expect(rows).toEqual([
      // The file's line break inside the quotes is kept as it was (CRLF here).
      { amount: '0.0100', note: 'Quoted, with a comma\r\nand a new line', hours: '0.00' },
      { amount: '99.9900', note: '', hours: null },
      { amount: '1250.5000', note: 'March posts', hours: '7.50' },
    ]);
    // "instagram" matched the label the first row added, which kept its first spelling.
    const channels = await api.sql<{ label: string }>(
      `SELECT label FROM channels WHERE organisation_id = $1 ORDER BY label`,
      [w.organisationId],
    );
    expect(channels.map((channel) => channel.label)).toEqual(['Instagram', 'Newsletter']);
    const [sums] = await api.sql<{ rolled: string; raw: string; entries: string }>(
      `SELECT (SELECT sum(cost)::text FROM ledger_rollups WHERE organisation_id = $1 AND dimension = 'organisation') AS rolled,
              (SELECT sum(cost_entries)::text FROM ledger_rollups WHERE organisation_id = $1 AND dimension = 'organisation') AS entries,
              (SELECT sum(amount)::text FROM cost_entries WHERE organisation_id = $1) AS raw`,
      [w.organisationId],
    );
    expect(Number(sums?.entries)).toBe(3);
    expect(sums?.rolled).toBe(sums?.raw);
    const audit = await api.sql(
      `SELECT actor_user_id FROM audit_log WHERE entity_type = 'import' AND entity_id = $1`,
      [done.id],
    );
    expect(audit).toEqual([{ actor_user_id: owner.id }]);
  });

  it('imports nothing from a file with bad rows and names every bad field', async () => {
    const w = await world(owner);
    const file = [
      VALUES_HEADER,
      `2025-02-30,${w.ask},Instagram,Posts,revenue,100.00,0.5,bad date`,
      `2026-01-01,${w.ask},Instagram,Posts,revenue,"12,50",,comma decimal`,
      `2026-01-02,I-NOPE,Instagram,Posts,revenue,10,,unknown initiative`,
      `2026-01-03,${w.ask},Instagram,Posts,revenue,10,1.5,confidence too high`,
      `2026-01-04,${w.ask},Instagram,Posts,revenue,-10,,negative`,
      `2026-01-05,${w.ask},Instagram,Posts,revenue,10`,
      `2026-01-06,${w.ask},Instagram,Posts,revenue,10.001,,too many decimals`,
      `2026-01-07,${w.ask},Instagram,Posts,gift,10,,bad type`,
      `9999-12-31,${w.ask},Instagram,Posts,revenue,10,,beyond the dates the API takes`,
      `2026-01-08,${w.ask},Instagram,Posts,revenue,10,,a good row`,
    ].join('\n');
    const done = await importFile(owner, w.base, 'values', file);
    expect(done).toMatchObject({ status: 'failed', rowsTotal: 10, rowsImported: 0, errorCount: 9 });
    expect(done.errors.map(({ row, column }) => [row, column])).toEqual([
      [1, 'date'],
      [2, 'amount'],
      [3, 'initiative'],
      [4, 'confidence'],
      [5, 'amount'],
      [6, 'confidence'],
      [7, 'amount'],
      [8, 'value_type'],
      [9, 'date'],
    ]);
    expect(done.errors[0]?.reason).toBe('is not a calendar date');
    expect(done.errors[1]?.reason).toBe('must use "." as the decimal point');
    expect(done.errors[3]?.reason).toBe('must be between 0 and 1');
    expect(done.errors[4]?.reason).toBe('must be greater than 0');
    expect(done.errors[5]?.reason).toMatch(/is missing: the row has 6 fields/);
    expect(done.errors[6]?.reason).toMatch(/more decimals than the currency's 2/);
    expect(done.errors[8]?.reason).toBe('must be a date from 1900-01-01 to 2199-12-31');
    const [counts] = await api.sql<{ entries: number; staged: number; channels: number }>(
      `SELECT (SELECT count(*)::int FROM value_entries WHERE organisation_id = $1) AS entries,
              (SELECT count(*)::int FROM channels WHERE organisation_id = $1) AS channels,
              (SELECT count(*)::int FROM import_staging WHERE import_id = $2) AS staged`,
      [w.organisationId, done.id],
    );
    expect(counts).toEqual({ entries: 0, staged: 0, channels: 0 });
  });

  it('keeps the first 1,000 bad rows in row order and counts them all, across validation chunks', async () => {
    const w = await world(owner);
    // Rows 49,501 to 50,600 are bad: 1,100 bad rows on both sides of the first chunk's end.
    const lines = [COSTS_HEADER];
    for (let row = 1; row <= 60_000; row++) {
      const amount = row > 49_500 && row <= 50_600 ? '0' : '10.00';
      lines.push(`2026-03-01,${w.ask},Instagram,Posts,media,${amount},,`);
    }
    const done = await importFile(owner, w.base, 'costs', lines.join('\n'));
    expect(done).toMatchObject({ status: 'failed', rowsImported: 0, errorCount: 1_100 });
    expect(done.errors).toHaveLength(1_000);
    expect(done.errors.map(({ row }) => row)).toEqual(
      Array.from({ length: 1_000 }, (_, index) => 49_501 + index),
    );
    expect(new Set(done.errors.map(({ column, reason }) => `${column}: ${reason}`))).toEqual(
      new Set(['amount: must be greater than 0']),
    );
  });

  it('refuses a wrong header, a binary file, an over-long field and a bad kind, staging nothing', async () => {
    const w = await world(owner);
    const wrong = await upload(owner, w.base, 'costs', `${VALUES_HEADER}\n`).expect(422);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'file' });
    expect(wrong.body.errors[0].reason).toMatch(/header/);
    // The kind after the file: the header is checked once the kind is known.
    await upload(owner, w.base, 'costs', `${VALUES_HEADER}\n`, { kindAfterFile: true }).expect(422);
    const binary = await upload(
      owner,
      w.base,
      'costs',
      Buffer.concat([Buffer.from(`${COSTS_HEADER}\n`), Buffer.from([0x89, 0x50, 0x00, 0x01])]),
    ).expect(422);
    expect(binary.body.errors[0].reason).toMatch(/binary|UTF-8/);
    const latin1 = await upload(
      owner,
      w.base,
      'costs',
      Buffer.from(`${COSTS_HEADER}\n2026-01-01,X,Caf\xe9`, 'latin1'),
    ).expect(422);
    expect(latin1.body.errors[0].reason).toBe('is not UTF-8 text');
    const long = await upload(
      owner,
      w.base,
      'costs',
      `${COSTS_HEADER}\n2026-01-01,${w.ask},Instagram,Posts,labour,1,,${'x'.repeat(10_001)}\n`,
    ).expect(422);
    expect(long.body.errors[0].reason).toMatch(/over 10000 characters/);
    const wide = await upload(
      owner,
      w.base,
      'costs',
      `${COSTS_HEADER}\n${'a,'.repeat(70)}a\n`,
    ).expect(422);
    expect(wide.body.errors[0].reason).toMatch(/more than 64 columns/);
    const kind = await upload(owner, w.base, 'invoices', `${COSTS_HEADER}\n`).expect(400);
    expect(kind.body.errors).toEqual([{ field: 'kind', reason: expect.stringMatching(/costs/) }]);
    await owner.post(`${w.base}/imports`).send({ kind: 'costs' }).expect(415);
    const [left] = await api.sql<{ imports: number }>(
      `SELECT count(*)::int AS imports FROM imports WHERE organisation_id = $1`,
      [w.organisationId],
    );
    expect(left?.imports).toBe(0);
  });

  it('accepts a BOM and the kind after the file', async () => {
    const w = await world(owner);
    const file = `\uFEFF${COSTS_HEADER}\n2026-04-01,${w.ask},Instagram,Posts,agency,10.00,,\n`;
    const accepted = await upload(owner, w.base, 'costs', file, { kindAfterFile: true }).expect(
      202,
    );
    expect(await finished(owner, w.base, accepted.body.id)).toMatchObject({
      status: 'succeeded',
      rowsImported: 1,
    });
  });

  it('needs a confirmation to import the same file twice', async () => {
    const w = await world(owner);
    const file = `${COSTS_HEADER}\n2026-04-01,${w.ask},Instagram,Posts,agency,10.00,,\n`;
    expect((await importFile(owner, w.base, 'costs', file)).status).toBe('succeeded');
    const again = await upload(owner, w.base, 'costs', file).expect(409);
    expect(again.body.detail).toMatch(/confirmDuplicate=true/);
    const confirmed = await upload(owner, w.base, 'costs', file, { confirmDuplicate: true }).expect(
      202,
    );
    expect((await finished(owner, w.base, confirmed.body.id)).rowsImported).toBe(1);
    const [count] = await api.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM cost_entries WHERE organisation_id = $1`,
      [w.organisationId],
    );
    expect(count?.n).toBe(2);
    const list = await owner.get(`${w.base}/imports?limit=2`).expect(200);
    expect(list.body.items.map((item: ImportBody) => item.id)).toEqual([
      confirmed.body.id,
      expect.any(String),
    ]);
  });

  it('imports KPI measurements and refuses the same KPI and day twice', async () => {
    const w = await world(owner);
    const good = await importFile(
      owner,
      w.base,
      'kpi-measurements',
      `kpi,date,value\n${w.kpi},2026-02-01,61.5\n${w.kpi},2026-03-01,-2\n`,
    );
    expect(good).toMatchObject({ status: 'succeeded', rowsImported: 2 });
    const bad = await importFile(
      owner,
      w.base,
      'kpi-measurements',
      `kpi,date,value\n${w.kpi},2026-02-01,62\n${w.kpi},2026-04-01,63\n${w.kpi},2026-04-01,64\nK-NONE,2026-04-02,1\n`,
    );
    expect(bad.errors).toEqual([
      { row: 1, column: 'date', reason: 'already has a measurement of this KPI' },
      { row: 2, column: 'date', reason: 'has another row of this file for the same KPI' },
      { row: 3, column: 'date', reason: 'has another row of this file for the same KPI' },
      { row: 4, column: 'kpi', reason: 'is not the code of a KPI of this organisation' },
    ]);
  });

  it('exports in the import format, and an export re-imports into an empty organisation unchanged', async () => {
    const source = await world(owner);
    const costs = [
      COSTS_HEADER,
      `2026-05-01,${source.ask},Instagram,Content production,labour,1250.50,7.5,"Quoted, ""with"" a comma`,
      `and a new line"`,
      `2026-05-02,${source.podcast},Newsletter,Paid promotion,media,3,,`,
    ].join('\n');
    const values = [
      VALUES_HEADER,
      `2026-05-03,${source.ask},Instagram,Content production,revenue,2000,0.75,first`,
      `2026-05-04,${source.podcast},Newsletter,Paid promotion,pipeline,10.10,,`,
    ].join('\n');
    expect((await importFile(owner, source.base, 'costs', costs)).status).toBe('succeeded');
    expect((await importFile(owner, source.base, 'values', values)).status).toBe('succeeded');
    expect(
      (
        await importFile(
          owner,
          source.base,
          'kpi-measurements',
          `kpi,date,value\n${source.kpi},2026-05-01,61.25\n`,
        )
      ).status,
    ).toBe('succeeded');

    const exported = await owner.get(`${source.base}/exports/costs.csv`).expect(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.text).toBe(
      `${COSTS_HEADER}\n2026-05-01,${source.ask},Instagram,Content production,labour,1250.50,7.5,"Quoted, ""with"" a comma\nand a new line"\n` +
        `2026-05-02,${source.podcast},Newsletter,Paid promotion,media,3.00,,\n`,
    );
    const filtered = await owner
      .get(`${source.base}/exports/costs.csv?channel=NEWSLETTER&from=2026-05-02`)
      .expect(200);
    expect(filtered.text.trim().split('\n')).toHaveLength(2);
    const valuesCsv = (await owner.get(`${source.base}/exports/values.csv`).expect(200)).text;
    const kpiCsv = (await owner.get(`${source.base}/exports/kpi-measurements.csv`).expect(200))
      .text;
    expect(valuesCsv).toContain(',revenue,2000.00,0.75,first\n');
    expect(kpiCsv).toBe(`kpi,date,value\n${source.kpi},2026-05-01,61.25\n`);

    // An empty organisation with the same codes.
    const target = await world(owner);
    const rename = (text: string) =>
      text
        .replaceAll(source.ask, target.ask)
        .replaceAll(source.podcast, target.podcast)
        .replaceAll(source.kpi, target.kpi);
    expect((await importFile(owner, target.base, 'costs', rename(exported.text))).status).toBe(
      'succeeded',
    );
    expect((await importFile(owner, target.base, 'values', rename(valuesCsv))).status).toBe(
      'succeeded',
    );
    expect((await importFile(owner, target.base, 'kpi-measurements', rename(kpiCsv))).status).toBe(
      'succeeded',
    );
    expect((await owner.get(`${target.base}/exports/costs.csv`)).text).toBe(rename(exported.text));
    expect((await owner.get(`${target.base}/exports/values.csv`)).text).toBe(rename(valuesCsv));
    expect((await owner.get(`${target.base}/exports/kpi-measurements.csv`)).text).toBe(
      rename(kpiCsv),
    );
    const totals = (organisationId: string) =>
      api.sql(
        `SELECT sum(cost)::text AS cost, sum(value)::text AS value, sum(risk_adjusted_value)::text AS risk
           FROM ledger_rollups WHERE organisation_id = $1 AND dimension = 'organisation'`,
        [organisationId],
      );
    expect(await totals(target.organisationId)).toEqual(await totals(source.organisationId));
  });

  it('stages rows only for an import that exists, and deleting an import deletes its staged rows', async () => {
    const organisation = await makeOrganisation(owner);
    const [made] = await api.sql<{ id: string }>(
      `INSERT INTO imports (organisation_id, kind, content_hash)
       VALUES ($1, 'costs', repeat('0', 64)) RETURNING id`,
      [organisation.id],
    );
    const importId = (made as { id: string }).id;
    await api.sql(`INSERT INTO import_staging (import_id, row_number) VALUES ($1, 1), ($1, 2)`, [
      importId,
    ]);
    await expect(
      api.sql(
        `INSERT INTO import_staging (import_id, row_number) VALUES ($1, 3), (gen_random_uuid(), 1)`,
        [importId],
      ),
    ).rejects.toThrow('staged rows name an import that does not exist');
    const staged = () =>
      api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM import_staging WHERE import_id = $1`, [
        importId,
      ]);
    expect(await staged()).toEqual([{ n: 2 }]);
    await api.sql(`DELETE FROM imports WHERE id = $1`, [importId]);
    expect(await staged()).toEqual([{ n: 0 }]);
  });

  it("answers 404 for another organisation's import and 403 to a board member", async () => {
    const w = await world(owner);
    const done = await importFile(owner, w.base, 'costs', `${COSTS_HEADER}\n`);
    const stranger = await signUp(api);
    const theirs = await makeOrganisation(stranger);
    await stranger.get(`/api/v1/organisations/${theirs.id}/imports/${done.id}`).expect(404);
    await stranger.get(`${w.base}/imports/${done.id}`).expect(404);
    await owner.get(`${w.base}/imports/not-a-uuid`).expect(400);
    const board = await addMember(api, owner, w.organisationId, 'board_member');
    await upload(board, w.base, 'costs', `${COSTS_HEADER}\n`).expect(403);
    await board.get(`${w.base}/imports/${done.id}`).expect(200);
    await board.get(`${w.base}/exports/costs.csv`).expect(200);
  });
});
