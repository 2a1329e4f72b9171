import { makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

const COSTS_HEADER = 'date,initiative,channel,activity,category,amount,hours,note';

/**
 * A job whose process dies mid-import leaves exactly this behind: the import `running` with its
 * attempt counted, and pg-boss's job `active` since the process took it. Here one API process
 * (workers off) takes the upload and the death is written into the database; a second process,
 * started afterwards with workers on and a short job timeout, must finish or fail the import.
 */
describe('import jobs whose process died', () => {
  let uploader: TestApp;
  let owner: TestUser;
  let base: string;
  let organisationId: string;
  let initiativeCode: string;

  beforeAll(async () => {
    uploader = await startTestApp({
      environment: { JOB_WORKERS: 'off', IMPORT_MAX_BYTES: '4096' },
    });
    owner = await signUp(uploader);
    organisationId = (await makeOrganisation(owner)).id;
    base = `/api/v1/organisations/${organisationId}`;
    const outcome = await owner
      .post(`${base}/outcomes`)
      .send({ title: 'Grow renewals', kind: 'revenue', ownerUserId: owner.id })
      .expect(201);
    const objective = await owner
      .post(`${base}/objectives`)
      .send({ outcomeId: outcome.body.id, title: 'Answer within a day', findingIds: [] })
      .expect(201);
    initiativeCode = `I-RECOVER-${Date.now()}`;
    await owner
      .post(`${base}/initiatives`)
      .send({
        code: initiativeCode,
        name: 'Recover',
        objectiveIds: [objective.body.id],
        budget: '100.00',
        accountableUserId: owner.id,
        responsibleUserId: owner.id,
        channels: [],
      })
      .expect(201);
  });
  afterAll(() => uploader.close());

  async function killedMidImport(rows: number, attempts: number): Promise<string> {
    const lines = Array.from(
      { length: rows },
      (_, index) =>
        `2026-06-${String((index % 28) + 1).padStart(2, '0')},${initiativeCode},Radio,Ads,media,${index + 1}.25,,row ${index + 1}`,
    );
    const accepted = await owner
      .post(`${base}/imports`)
      .field('kind', 'costs')
      .attach('file', Buffer.from([COSTS_HEADER, ...lines].join('\n')), 'costs.csv')
      .expect(202);
    const id = accepted.body.id as string;
    const jobs = await uploader.sql(
      `UPDATE pgboss.job SET state = 'active', started_on = now() - interval '2 hours'
        WHERE name = 'imports' AND data->>'importId' = $1 AND state = 'created' RETURNING id`,
      [id],
    );
    expect(jobs).toHaveLength(1);
    await uploader.sql(
      `UPDATE imports SET status = 'running', attempts = $2, progress = 40,
              started_at = now() - interval '2 hours' WHERE id = $1`,
      [id, attempts],
    );
    return id;
  }

  async function settled(id: string) {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const body = (await owner.get(`${base}/imports/${id}`).expect(200)).body;
      if (body.status === 'succeeded' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('refuses a file over IMPORT_MAX_BYTES with 413, leaving nothing', async () => {
    const big = `${COSTS_HEADER}\n${'2026-01-01,X,Radio,Ads,media,1,,note\n'.repeat(200)}`;
    const response = await owner
      .post(`${base}/imports`)
      .field('kind', 'costs')
      .attach('file', Buffer.from(big), 'big.csv')
      .expect(413);
    expect(response.body.errors).toEqual([
      { field: 'file', reason: expect.stringMatching(/4096 bytes/) },
    ]);
    const [count] = await uploader.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM imports WHERE organisation_id = $1`,
      [organisationId],
    );
    expect(count?.n).toBe(0);
  });

  it('runs a killed import again once its job expires, importing every row exactly once', async () => {
    const retried = await killedMidImport(30, 1);
    const lastChance = await killedMidImport(5, 3);
    const worker = await startTestApp({ environment: { IMPORT_JOB_TIMEOUT_SECONDS: '2' } });
    try {
      expect(await settled(retried)).toMatchObject({
        status: 'succeeded',
        rowsImported: 30,
        progress: 100,
      });
      const [count] = await uploader.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM cost_entries WHERE import_id = $1`,
        [retried],
      );
      expect(count?.n).toBe(30);
      // Its last attempt was the one that died: failed cleanly, with the reason, nothing imported.
      const failed = await settled(lastChance);
      expect(failed).toMatchObject({ status: 'failed', rowsImported: 0 });
      expect(failed.failure).toMatch(/interrupted 3 times/);
      const [staged] = await uploader.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM import_staging WHERE import_id = $1`,
        [lastChance],
      );
      expect(staged?.n).toBe(0);
    } finally {
      await worker.close();
    }
  }, 60_000);
});
