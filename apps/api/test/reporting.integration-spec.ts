import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { formatMoney, formatPercent } from '@roi/domain';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { type MadeInitiative, makeInitiatives } from './support/plan-factories';

/** Reads a binary answer whole, for the PDF and the workbook. */
function binary(response: Response): Buffer {
  return response.body as Buffer;
}
const asBuffer = (request: ReturnType<TestUser['get']>) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

function pdfText(pdf: Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'pack-'));
  const file = join(folder, 'pack.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function workbook(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  return book;
}

/** Every cell value of a workbook, sheet by sheet, to compare two exports. */
function cellValues(book: ExcelJS.Workbook): unknown[] {
  const values: unknown[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => values.push(sheet.name, row.values));
  });
  return values;
}

describe('reporting: dashboard, board packs, exports, share links, portfolio', () => {
  let api: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Grace Hopper' });
  });
  afterAll(() => api.close());

  interface World {
    organisationId: string;
    base: string;
    cycleId: string;
    executed: MadeInitiative;
    planned: MadeInitiative;
    kpis: Record<'execution' | 'strategy' | 'unplanned' | 'onTrack' | 'noData', string>;
  }

  /**
   * A cycle for 2026 and five KPIs, each built to land on one side of the miss attribution as of
   * 2026-06-30, with money booked against two initiatives.
   */
  async function makeWorld(): Promise<World> {
    const organisation = await makeOrganisation(owner, {
      name: `Reporting Ltd ${Math.random().toString(16).slice(2, 8)}`,
      currency: 'EUR',
      locale: 'en-GB',
    });
    const base = `/api/v1/organisations/${organisation.id}`;
    const cycle = await owner
      .post(`${base}/cycles`)
      .send({ name: 'FY2026 social strategy', startsOn: '2026-01-01', endsOn: '2026-12-31' })
      .expect(201);
    const execution = await makeInitiatives(owner, organisation.id, ['5000.00']);
    const strategy = await makeInitiatives(owner, organisation.id, ['2000.00']);
    const unplanned = await makeInitiatives(owner, organisation.id, []);
    const executed = execution.initiatives[0] as MadeInitiative;
    const planned = strategy.initiatives[0] as MadeInitiative;

    const milestone = async (initiativeId: string, dueDate: string) =>
      (
        await owner
          .post(`${base}/milestones`)
          .send({ initiativeId, title: `Due ${dueDate}`, ownerUserId: owner.id, dueDate })
          .expect(201)
      ).body as { id: string; version: number };
    const late = await milestone(executed.id, '2026-03-31');
    await owner
      .patch(`${base}/milestones/${late.id}`)
      .send({
        version: late.version,
        status: 'missed',
        missCategory: 'resources',
        missNote: 'No editor',
      })
      .expect(200);
    const onTime = await milestone(planned.id, '2026-04-30');
    await owner
      .patch(`${base}/milestones/${onTime.id}`)
      .send({ version: onTime.version, status: 'done', doneOn: '2026-04-28' })
      .expect(200);

    const kpi = async (objectiveId: string, code: string, measured: number | null) => {
      const created = await owner
        .post(`${base}/kpis`)
        .send({
          objectiveId,
          code,
          name: `KPI ${code}`,
          unit: '%',
          direction: 'increase',
          baselineValue: 0,
          baselineDate: '2026-01-01',
          targetValue: 100,
          targetDate: '2026-12-31',
        })
        .expect(201);
      if (measured !== null) {
        await owner
          .post(`${base}/kpis/${created.body.id}/measurements`)
          .send({ date: '2026-06-01', value: measured })
          .expect(201);
      }
      return created.body.id as string;
    };
    const kpis = {
      execution: await kpi(execution.objectiveId, 'K-EXEC', 5),
      strategy: await kpi(strategy.objectiveId, 'K-STRAT', 10),
      unplanned: await kpi(unplanned.objectiveId, 'K-UNPL', 20),
      onTrack: await kpi(execution.objectiveId, 'K-OK', 60),
      noData: await kpi(strategy.objectiveId, 'K-NONE', null),
    };

    const book = (
      ledger: 'cost-entries' | 'value-entries',
      initiativeId: string,
      date: string,
      amount: string,
      extra = {},
    ) =>
      owner
        .post(`${base}/${ledger}`)
        .send({
          date,
          initiativeId,
          channel: 'LinkedIn',
          activity: 'Content production',
          amount,
          ...extra,
        })
        .expect(201);
    await book('cost-entries', executed.id, '2026-02-01', '1000.00', { category: 'media' });
    await book('value-entries', executed.id, '2026-03-01', '1250.00', {
      valueType: 'revenue',
      confidence: '0.8',
    });
    await book('cost-entries', planned.id, '2026-05-01', '400.00', { category: 'agency' });
    // After the as-of date: in the cycle, not yet to date.
    await book('value-entries', planned.id, '2026-09-01', '9999.00', { valueType: 'revenue' });
    return {
      organisationId: organisation.id,
      base,
      cycleId: cycle.body.id,
      executed,
      planned,
      kpis,
    };
  }

  const createPack = (world: World, asOf = '2026-06-30') =>
    owner
      .post(`${world.base}/board-packs`)
      .send({ cycleId: world.cycleId, title: 'Board review, June 2026', asOf });

  describe('the executive dashboard', () => {
    it('answers the contract with the KPI statuses, each miss attributed, and ROI to date as GET /roi gives it', async () => {
      const world = await makeWorld();
      const { body } = await owner
        .get(`${world.base}/dashboard`)
        .query({ cycleId: world.cycleId, asOf: '2026-06-30' })
        .expect(200);
      expect(body.asOf).toBe('2026-06-30');
      expect(body.cycle).toEqual({
        id: world.cycleId,
        name: 'FY2026 social strategy',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      });
      expect(body.roadmap.map((step: { step: string }) => step.step)).toEqual([
        'assess',
        'envision',
        'plan',
        'organise',
        'execute',
        'measure',
      ]);
      expect(body.roadmap[0]).toMatchObject({ number: 1, name: 'Assess', status: 'not_started' });
      expect(body.kpis).toMatchObject({ onTrack: 1, atRisk: 0, offTrack: 3, noData: 1 });
      const attention = Object.fromEntries(
        body.kpis.attention.map((kpi: { code: string; miss: string }) => [kpi.code, kpi]),
      );
      expect(Object.keys(attention).sort()).toEqual(['K-EXEC', 'K-STRAT', 'K-UNPL']);
      expect(attention['K-EXEC']).toMatchObject({
        kpiId: world.kpis.execution,
        name: 'KPI K-EXEC',
        status: 'off_track',
        progress: 0.05,
        miss: 'execution',
        lateMilestones: [
          { title: 'Due 2026-03-31', status: 'missed', initiativeCode: world.executed.code },
        ],
        answerable: [{ userId: owner.id, name: 'Grace Hopper' }],
      });
      expect(attention['K-EXEC'].expected).toBeCloseTo(180 / 364, 12);
      expect(attention['K-STRAT']).toMatchObject({ miss: 'strategy', lateMilestones: [] });
      expect(attention['K-UNPL']).toMatchObject({ miss: 'unplanned', answerable: [] });
      expect(body.kpis.misses).toEqual({ strategy: 1, execution: 1, unplanned: 1 });

      const roi = await owner
        .get(`${world.base}/roi`)
        .query({ from: '2026-01-01', to: '2026-06-30' })
        .expect(200);
      expect(body.roi).toMatchObject({ from: '2026-01-01', to: '2026-06-30', currency: 'EUR' });
      expect(body.roi.totals).toEqual(roi.body.totals);
      expect(body.roi.totals).toMatchObject({ cost: '1400.00', value: '1250.00', roi: '-0.1071' });
      expect(body.roi.intervals).toHaveLength(6);
      expect(body.roi.intervals[1]).toMatchObject({ from: '2026-02-01', cost: '1000.00' });
      expect(body.roi.topInitiatives[0]).toMatchObject({ key: world.executed.code, roi: '0.2500' });
      expect(body.roi.budget).toContainEqual({
        code: world.planned.code,
        name: `Initiative ${world.planned.code}`,
        budget: '2000.00',
        cost: '400.00',
        budgetVariance: '1600.00',
      });
      expect(body.milestones).toMatchObject({
        byStatus: { planned: 0, in_progress: 0, done: 1, missed: 1, cancelled: 0 },
        overdue: 1,
        missCategories: { resources: 1, other: 0 },
      });
      expect(body.milestones.burnUp.at(-1)).toEqual({ date: '2026-06-30', planned: 2, done: 1 });
    });

    it('caps ROI to date at the end of the cycle, and by quarter when asked', async () => {
      const world = await makeWorld();
      const { body } = await owner
        .get(`${world.base}/dashboard`)
        .query({ cycleId: world.cycleId, asOf: '2027-02-01', interval: 'quarter' })
        .expect(200);
      expect(body.roi).toMatchObject({ from: '2026-01-01', to: '2026-12-31', interval: 'quarter' });
      expect(body.roi.totals.value).toBe('11249.00');
      expect(body.roi.intervals.map((quarter: { from: string }) => quarter.from)).toEqual([
        '2026-01-01',
        '2026-04-01',
        '2026-07-01',
        '2026-10-01',
      ]);
    });

    it('finds the running cycle by itself, and refuses bad input with the field named', async () => {
      const world = await makeWorld();
      const { body } = await owner.get(`${world.base}/dashboard?asOf=2026-03-01`).expect(200);
      expect(body.cycle.id).toBe(world.cycleId);
      const bad = await owner
        .get(`${world.base}/dashboard?asOf=2026-02-30&interval=week`)
        .expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'asOf',
        'interval',
      ]);
      await owner.get(`${world.base}/dashboard?cycleId=not-a-uuid`).expect(400);
    });

    it("answers 404 for another organisation's cycle, as for one that does not exist", async () => {
      const world = await makeWorld();
      const other = await makeWorld();
      const theirs = await owner
        .get(`${world.base}/dashboard?cycleId=${other.cycleId}`)
        .expect(404);
      const missing = await owner
        .get(`${world.base}/dashboard?cycleId=00000000-0000-4000-8000-000000000000`)
        .expect(404);
      expect(theirs.body.title).toBe(missing.body.title);
    });
  });

  describe('board packs', () => {
    it('shows live figures while a draft and freezes them when published, whatever changes afterwards', async () => {
      const world = await makeWorld();
      const created = await createPack(world).expect(201);
      expect(created.body).toMatchObject({ status: 'draft', version: 1, publishedAt: null });
      const roi = await owner
        .get(`${world.base}/roi`)
        .query({ from: '2026-01-01', to: '2026-06-30', groupBy: 'initiative', interval: 'none' })
        .expect(200);
      expect(created.body.content.roi).toEqual(roi.body);

      const id = created.body.id as string;
      const edited = await owner
        .patch(`${world.base}/board-packs/${id}`)
        .send({
          version: 1,
          commentary: { summary: 'Execution lagged in Q1.', decisions: 'Fund an editor.' },
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        version: 2,
        commentary: { summary: 'Execution lagged in Q1.', decisions: 'Fund an editor.' },
      });
      const stale = await owner
        .patch(`${world.base}/board-packs/${id}`)
        .send({ version: 1, commentary: { summary: 'Overwritten?' } })
        .expect(409);
      expect(stale.body.current.commentary.summary).toBe('Execution lagged in Q1.');

      // A draft follows the data.
      await owner
        .post(`${world.base}/cost-entries`)
        .send({
          date: '2026-06-01',
          initiativeId: world.planned.id,
          channel: 'LinkedIn',
          activity: 'Ads',
          amount: '100.00',
          category: 'media',
        })
        .expect(201);
      const live = await owner.get(`${world.base}/board-packs/${id}`).expect(200);
      expect(live.body.content.roi.totals.cost).toBe('1500.00');

      const published = await owner.post(`${world.base}/board-packs/${id}/publish`).expect(200);
      expect(published.body).toMatchObject({ status: 'published', version: 3 });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      const frozen = (await owner.get(`${world.base}/board-packs/${id}`).expect(200)).body;
      expect(
        frozen.content.kpis.map((kpi: { code: string; miss: string | null }) => [
          kpi.code,
          kpi.miss,
        ]),
      ).toEqual([
        ['K-EXEC', 'execution'],
        ['K-NONE', null],
        ['K-OK', null],
        ['K-STRAT', 'strategy'],
        ['K-UNPL', 'unplanned'],
      ]);
      expect(frozen.content.milestones.missed).toEqual([
        expect.objectContaining({
          title: 'Due 2026-03-31',
          missCategory: 'resources',
          missNote: 'No editor',
        }),
      ]);

      // Everything underneath changes: money, measurements, the plan.
      await owner
        .post(`${world.base}/cost-entries`)
        .send({
          date: '2026-06-15',
          initiativeId: world.executed.id,
          channel: 'LinkedIn',
          activity: 'Ads',
          amount: '5000.00',
          category: 'media',
        })
        .expect(201);
      await owner
        .post(`${world.base}/kpis/${world.kpis.execution}/measurements`)
        .send({ date: '2026-06-20', value: 90 })
        .expect(201);
      const after = (await owner.get(`${world.base}/board-packs/${id}`).expect(200)).body;
      expect(after).toEqual(frozen);
      const liveNow = await owner
        .get(`${world.base}/roi`)
        .query({ from: '2026-01-01', to: '2026-06-30' })
        .expect(200);
      expect(liveNow.body.totals.cost).toBe('6500.00');

      await owner
        .patch(`${world.base}/board-packs/${id}`)
        .send({ version: 3, commentary: { summary: 'Rewriting history' } })
        .expect(409);
      await owner.post(`${world.base}/board-packs/${id}/publish`).expect(409);
      await owner.delete(`${world.base}/board-packs/${id}`).expect(409);
    });

    it('refuses, in the database itself, any change to a published pack', async () => {
      const world = await makeWorld();
      const id = (await createPack(world).expect(201)).body.id;
      await owner.post(`${world.base}/board-packs/${id}/publish`).expect(200);
      await expect(
        api.sql(`UPDATE board_packs SET content = '{}'::jsonb WHERE id = $1`, [id]),
      ).rejects.toThrow(/published and frozen/);
      await expect(
        api.sql(`UPDATE board_packs SET summary = 'x' WHERE id = $1`, [id]),
      ).rejects.toThrow(/published and frozen/);
      await expect(api.sql(`DELETE FROM board_packs WHERE id = $1`, [id])).rejects.toThrow(
        /published and frozen/,
      );
    });

    it('refuses bad input field by field and writes nothing', async () => {
      const world = await makeWorld();
      const other = await makeWorld();
      const outside = await createPack(world, '2027-01-01').expect(400);
      expect(outside.body.errors).toEqual([
        { field: 'asOf', reason: "must be on or before the cycle's end date 2026-12-31" },
      ]);
      const theirs = await owner
        .post(`${world.base}/board-packs`)
        .send({ cycleId: other.cycleId, title: 'x', asOf: '2026-06-30' })
        .expect(400);
      expect(theirs.body.errors[0].field).toBe('cycleId');
      const empty = await owner
        .post(`${world.base}/board-packs`)
        .send({ cycleId: world.cycleId, title: '   ', asOf: '2026-13-01' })
        .expect(400);
      expect(empty.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'asOf',
        'title',
      ]);
      const list = await owner.get(`${world.base}/board-packs`).expect(200);
      expect(list.body).toEqual([]);
    });

    it('lists packs by date and compares one with the previous published pack', async () => {
      const world = await makeWorld();
      const march = (await createPack(world, '2026-03-31').expect(201)).body.id;
      await owner.post(`${world.base}/board-packs/${march}/publish`).expect(200);
      const june = (await createPack(world, '2026-06-30').expect(201)).body.id;
      const list = await owner.get(`${world.base}/board-packs`).expect(200);
      expect(
        list.body.map((pack: { asOf: string; status: string }) => [pack.asOf, pack.status]),
      ).toEqual([
        ['2026-06-30', 'draft'],
        ['2026-03-31', 'published'],
      ]);
      const comparison = await owner
        .get(`${world.base}/board-packs/${june}/comparison`)
        .expect(200);
      expect(comparison.body.previous.id).toBe(march);
      expect(comparison.body.roi.before.cost).toBe('1000.00');
      expect(comparison.body.roi.after.cost).toBe('1400.00');
      expect(comparison.body.milestonesDelivered).toEqual({ before: 0, after: 1 });
      expect(comparison.body.kpis.map((kpi: { code: string }) => kpi.code)).toContain('K-EXEC');
      const first = await owner.get(`${world.base}/board-packs/${march}/comparison`).expect(200);
      expect(first.body.previous).toBeNull();
    });

    it('hides drafts from board members, who read published packs and create none', async () => {
      const world = await makeWorld();
      const board = await addMember(api, owner, world.organisationId, 'board_member');
      const draft = (await createPack(world).expect(201)).body.id;
      const published = (await createPack(world, '2026-05-31').expect(201)).body.id;
      await owner.post(`${world.base}/board-packs/${published}/publish`).expect(200);
      const list = await board.get(`${world.base}/board-packs`).expect(200);
      expect(list.body.map((pack: { id: string }) => pack.id)).toEqual([published]);
      await board.get(`${world.base}/board-packs/${draft}`).expect(404);
      await board.get(`${world.base}/board-packs/${published}`).expect(200);
      await board
        .post(`${world.base}/board-packs`)
        .send({ cycleId: world.cycleId, title: 'Mine', asOf: '2026-06-30' })
        .expect(403);
      await board.post(`${world.base}/board-packs/${draft}/publish`).expect(403);
    });

    it("answers 404 for another organisation's pack, as for one that does not exist", async () => {
      const world = await makeWorld();
      const other = await makeWorld();
      const theirs = (await createPack(other).expect(201)).body.id;
      await owner.get(`${world.base}/board-packs/${theirs}`).expect(404);
      await owner.post(`${world.base}/board-packs/${theirs}/publish`).expect(404);
      await owner.get(`${world.base}/board-packs/${theirs}/pack.pdf`).expect(404);
      const untouched = await owner.get(`${other.base}/board-packs/${theirs}`).expect(200);
      expect(untouched.body.status).toBe('draft');
    });
  });

  describe('exports', () => {
    it('answers 409 for a draft; a published pack exports PDF and XLSX that hold the API’s figures and never change', async () => {
      const world = await makeWorld();
      const id = (await createPack(world).expect(201)).body.id;
      await owner.get(`${world.base}/board-packs/${id}/pack.pdf`).expect(409);
      await owner.get(`${world.base}/board-packs/${id}/pack.xlsx`).expect(409);
      const pack = (await owner.post(`${world.base}/board-packs/${id}/publish`).expect(200)).body;

      const pdfResponse = await asBuffer(
        owner.get(`${world.base}/board-packs/${id}/pack.pdf`),
      ).expect(200);
      expect(pdfResponse.headers['content-type']).toBe('application/pdf');
      const text = pdfText(binary(pdfResponse));
      const totals = pack.content.roi.totals;
      expect(text).toContain(formatMoney(totals.cost, 'EUR', 'en-GB'));
      expect(text).toContain(formatPercent(totals.roi));
      expect(text).toContain(formatPercent('0.2500'));
      expect(text).toContain('n/a');
      // The KPI's line, as the KPI pages print progress: whole percentages of the API's ratios.
      const kpiLine = text.split('\n').find((line) => line.includes('K-EXEC')) ?? '';
      const kpi = pack.content.kpis.find((item: { code: string }) => item.code === 'K-EXEC');
      expect(kpiLine).toContain(`${Math.round(kpi.progress * 100)}%`);
      expect(kpiLine).toContain(`${Math.round(kpi.expected * 100)}%`);
      expect(kpiLine).toMatch(/Execution/);
      expect(text).toContain(pack.content.organisation.name);

      const xlsxResponse = await asBuffer(
        owner.get(`${world.base}/board-packs/${id}/pack.xlsx`),
      ).expect(200);
      const book = await workbook(binary(xlsxResponse));
      const numbers: number[] = [];
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'number') numbers.push(cell.value);
          }),
        ),
      );
      expect(numbers).toContain(1400);
      expect(numbers).toContain(0.25);
      expect(numbers).toContain(-0.1071);
      expect(numbers).toContain(0.05);

      // Data changes afterwards; the exports do not.
      await owner
        .post(`${world.base}/cost-entries`)
        .send({
          date: '2026-06-15',
          initiativeId: world.executed.id,
          channel: 'LinkedIn',
          activity: 'Ads',
          amount: '777.00',
          category: 'media',
        })
        .expect(201);
      const pdfAgain = await asBuffer(owner.get(`${world.base}/board-packs/${id}/pack.pdf`)).expect(
        200,
      );
      expect(pdfText(binary(pdfAgain))).toBe(text);
      const xlsxAgain = await asBuffer(
        owner.get(`${world.base}/board-packs/${id}/pack.xlsx`),
      ).expect(200);
      expect(cellValues(await workbook(binary(xlsxAgain)))).toEqual(cellValues(book));
    });
  });

  describe('share links', () => {
    it('opens a published pack without an account until revoked (404) or expired (410), and audits each opening', async () => {
      const world = await makeWorld();
      const id = (await createPack(world).expect(201)).body.id;
      await owner
        .post(`${world.base}/board-packs/${id}/share-links`)
        .send({ expiresInDays: 30 })
        .expect(409);
      const pack = (await owner.post(`${world.base}/board-packs/${id}/publish`).expect(200)).body;
      const link = await owner
        .post(`${world.base}/board-packs/${id}/share-links`)
        .send({ expiresInDays: 30 })
        .expect(201);
      expect(link.body).toMatchObject({ token: expect.any(String), openCount: 0, revokedAt: null });
      expect(link.body.url).toMatch(new RegExp(`/shared/board-packs/${link.body.token}$`));
      const days = (Date.parse(link.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);

      const shared = await api.http
        .get(`/api/v1/shared/board-packs/${link.body.token}`)
        .expect(200);
      expect(shared.body.content).toEqual(pack.content);
      const pdf = await asBuffer(
        api.http.get(`/api/v1/shared/board-packs/${link.body.token}/pack.pdf`) as never,
      ).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');

      const listed = await owner.get(`${world.base}/board-packs/${id}/share-links`).expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ id: link.body.id, openCount: 2, revokedAt: null }),
      ]);
      expect(listed.body[0].token).toBeUndefined();
      const audited = await api.sql<{ count: string }>(
        `SELECT count(*) FROM audit_log WHERE entity_type = 'board_pack_share_link' AND entity_id = $1 AND action = 'update'`,
        [link.body.id],
      );
      expect(Number(audited[0]?.count)).toBe(2);

      await owner.delete(`${world.base}/board-packs/${id}/share-links/${link.body.id}`).expect(204);
      await api.http.get(`/api/v1/shared/board-packs/${link.body.token}`).expect(404);
      await api.http.get(`/api/v1/shared/board-packs/not-a-real-token`).expect(404);

      const expiring = await owner
        .post(`${world.base}/board-packs/${id}/share-links`)
        .send({ expiresInDays: 1 })
        .expect(201);
      await api.sql(
        `UPDATE board_pack_share_links SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [expiring.body.id],
      );
      const gone = await api.http
        .get(`/api/v1/shared/board-packs/${expiring.body.token}`)
        .expect(410);
      expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
      await owner
        .post(`${world.base}/board-packs/${id}/share-links`)
        .send({ expiresInDays: 0 })
        .expect(400);
    });
  });

  describe('the consultant portfolio', () => {
    it('shows each organisation of the caller side by side with the figures of its dashboard', async () => {
      const consultant = await signUp(api, { name: 'Outside Adviser' });
      const first = await makeWorld();
      const second = await makeWorld();
      for (const world of [first, second]) {
        const member = await addMemberAs(world.organisationId, consultant);
        expect(member).toBe(200);
      }
      const { body } = await consultant.get('/api/v1/portfolio').expect(200);
      const ids = body.organisations.map(
        (organisation: { organisationId: string }) => organisation.organisationId,
      );
      expect(ids.sort()).toEqual([first.organisationId, second.organisationId].sort());
      const entry = body.organisations.find(
        (organisation: { organisationId: string }) =>
          organisation.organisationId === first.organisationId,
      );
      expect(entry).toMatchObject({
        role: 'consultant',
        kpis: expect.objectContaining({ onTrack: expect.any(Number) }),
        roi: { totals: expect.objectContaining({ cost: expect.any(String) }) },
        overdueMilestones: 1,
        misses: expect.objectContaining({ execution: expect.any(Number) }),
      });
      await api.http.get('/api/v1/portfolio').expect(401);
    });

    async function addMemberAs(organisationId: string, person: TestUser): Promise<number> {
      await owner
        .post(`/api/v1/organisations/${organisationId}/invitations`)
        .send({ email: person.email, role: 'consultant' })
        .expect(201);
      const [message] = await api.sql<{ body: string }>(
        `SELECT body FROM outbox_messages WHERE organisation_id = $1 AND recipient = $2 ORDER BY created_at DESC LIMIT 1`,
        [organisationId, person.email],
      );
      const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(message?.body ?? '')?.[1];
      return (await person.post(`/api/v1/invitations/${token}/accept`)).status;
    }
  });
});
