import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-seed';
import { prepareDatabase } from '../src/database/prepare-database';
import { startTestApp } from './support/harness';
import { createTestDatabase, dropTestDatabase, ownerQuery } from './support/test-database';

describe('the demo organisation', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('roi_demo', { seedDemo: true });
  });
  afterAll(() => dropTestDatabase(databaseUrl));

  it('is created on the first start on an empty database, and only then', async () => {
    await prepareDatabase(databaseUrl, { seedDemo: true });
    const organisations = await ownerQuery(databaseUrl, 'SELECT name, is_demo FROM organisations');
    expect(organisations).toEqual([{ name: 'Guild of Independent Booksellers', is_demo: true }]);
  });

  it('has a person of every role, each able to sign in and see the Guild with that role', async () => {
    const api = await startTestApp({ databaseUrl });
    try {
      expect(new Set(DEMO_PEOPLE.map((person) => person.role)).size).toBe(6);
      for (const person of DEMO_PEOPLE) {
        const { body } = await api.http
          .post('/api/v1/auth/sign-in')
          .send({ email: person.email, password: DEMO_PASSWORD })
          .expect(200);
        expect(body.memberships).toEqual([
          expect.objectContaining({
            organisationName: 'Guild of Independent Booksellers',
            role: person.role,
            isDemo: true,
            external: person.role === 'consultant',
          }),
        ]);
      }
    } finally {
      await api.close();
    }
  });

  it('has a living plan to explore: outcomes, measured KPIs, an experiment and milestones', async () => {
    const api = await startTestApp({ databaseUrl });
    try {
      const agent = (await import('supertest')).default.agent(api.app.getHttpServer());
      const { body } = await agent
        .post('/api/v1/auth/sign-in')
        .send({ email: DEMO_PEOPLE[0]!.email, password: DEMO_PASSWORD })
        .expect(200);
      const base = `/api/v1/organisations/${body.memberships[0].organisationId}`;
      const kpis = (await agent.get(`${base}/kpis`).expect(200)).body;
      expect(kpis.map((kpi: { code: string }) => kpi.code)).toEqual([
        'G-CIRCLE',
        'G-PRESS',
        'G-RENEW',
        'G-REPLY',
      ]);
      expect(kpis.find((kpi: { code: string }) => kpi.code === 'G-PRESS').status).toBe('no_data');
      expect(kpis.find((kpi: { code: string }) => kpi.code === 'G-RENEW').status).not.toBe(
        'no_data',
      );
      const initiatives = (await agent.get(`${base}/initiatives`).expect(200)).body;
      expect(initiatives).toHaveLength(3);
      expect(
        initiatives.filter((item: { isExperiment: boolean }) => item.isExperiment),
      ).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('tells the whole story: a closed cycle last year, this year under way with its plan approved and revised', async () => {
    const api = await startTestApp({ databaseUrl });
    try {
      const agent = (await import('supertest')).default.agent(api.app.getHttpServer());
      const { body } = await agent
        .post('/api/v1/auth/sign-in')
        .send({ email: DEMO_PEOPLE[0]!.email, password: DEMO_PASSWORD })
        .expect(200);
      const base = `/api/v1/organisations/${body.memberships[0].organisationId}`;
      const get = async (path: string) => (await agent.get(`${base}${path}`).expect(200)).body;

      const cycles = await get('/cycles');
      expect(cycles).toHaveLength(2);
      const [current, previous] = cycles;
      expect(current.name).toMatch(/^FY\d{4} social strategy$/);
      expect(current.previousCycleId).toBe(previous.id);
      expect(previous.endsOn < new Date().toISOString().slice(0, 10)).toBe(true);
      const statusOf = async (cycleId: string) =>
        Object.fromEntries(
          (await get(`/cycles/${cycleId}`)).steps.map((step: { key: string; status: string }) => [
            step.key,
            step.status,
          ]),
        );
      expect(Object.values(await statusOf(previous.id))).toEqual(Array(6).fill('done'));
      expect(await statusOf(current.id)).toEqual({
        assess: 'done',
        envision: 'done',
        plan: 'in_progress',
        organise: 'in_progress',
        execute: 'in_progress',
        measure: 'not_started',
      });
      const assess = (await get(`/cycles/${current.id}`)).steps[0];
      expect(assess.signedOffByName).toBe(DEMO_PEOPLE[0]!.name);

      const versions = await get('/plan-versions');
      expect(versions).toEqual([
        expect.objectContaining({
          number: 1,
          status: 'approved',
          decidedByName: DEMO_PEOPLE[0]!.name,
        }),
      ]);
      const draft = await get('/plan-versions/compare?from=1&to=draft');
      expect(draft.changed.map((item: { label: string }) => item.label)).toEqual([
        expect.stringMatching(/^G-CIRCLE /),
      ]);
      expect(draft.added).toEqual([expect.objectContaining({ type: 'milestone' })]);

      const assessments = await get('/assessments');
      expect(assessments).toHaveLength(4);
      expect(assessments.every((item: { status: string }) => item.status === 'closed')).toBe(true);
      const ofCycle = (cycleId: string, key: string) =>
        assessments.find(
          (item: { cycleId: string; templateKey: string }) =>
            item.cycleId === cycleId && item.templateKey === key,
        );
      const maturity = await get(`/assessments/${ofCycle(current.id, 'maturity').id}/results`);
      expect(maturity).toMatchObject({ stage: 3, stageName: 'Engagement', respondents: 4 });
      expect(maturity.previous).toMatchObject({ cycleName: previous.name, stage: 2 });
      expect(maturity.overallScore).toBeGreaterThan(maturity.previous.overallScore);

      const pulse = ofCycle(current.id, 'leadership-pulse');
      const pulseResults = await get(`/assessments/${pulse.id}/results`);
      expect(pulseResults).toMatchObject({ respondents: 4, evidenceShare: expect.any(Number) });
      expect(pulseResults.ratingSpread).not.toBeNull();
      const findings = await get(`/assessments/${pulse.id}/findings`);
      expect(findings.length).toBeGreaterThanOrEqual(3);
      const objectives = await get('/objectives');
      const cited = new Set(
        objectives.flatMap((item: { findingIds: string[] }) => item.findingIds),
      );
      expect(objectives.every((item: { findingIds: string[] }) => item.findingIds.length > 0)).toBe(
        true,
      );
      for (const finding of findings) expect(cited.has(finding.id)).toBe(true);

      const figures = await get(`/baseline-figures?cycleId=${current.id}`);
      const kpis = await get('/kpis');
      const fed = kpis.filter((kpi: { baselineFigureId: string | null }) => kpi.baselineFigureId);
      expect(fed.map((kpi: { code: string }) => kpi.code)).toEqual([
        'G-CIRCLE',
        'G-PRESS',
        'G-REPLY',
      ]);
      for (const kpi of fed) {
        const figure = figures.find((item: { id: string }) => item.id === kpi.baselineFigureId);
        expect(figure).toMatchObject({
          value: Number(kpi.baselineValue),
          measuredOn: kpi.baselineDate,
        });
      }

      const audit = await get('/audit-log?limit=100');
      const actors = new Set(audit.items.map((entry: { actorName: string }) => entry.actorName));
      expect(actors.size).toBeGreaterThanOrEqual(4);
      const types = new Set(audit.items.map((entry: { entityType: string }) => entry.entityType));
      for (const type of ['cycle', 'cycle_step', 'assessment', 'finding', 'plan_version', 'kpi']) {
        expect(types.has(type)).toBe(true);
      }
    } finally {
      await api.close();
    }
  });

  it('has a year of money that tells a story: one initiative losing money, one with value and no cost', async () => {
    const api = await startTestApp({ databaseUrl });
    try {
      const agent = (await import('supertest')).default.agent(api.app.getHttpServer());
      const { body } = await agent
        .post('/api/v1/auth/sign-in')
        .send({ email: DEMO_PEOPLE[0]!.email, password: DEMO_PASSWORD })
        .expect(200);
      const base = `/api/v1/organisations/${body.memberships[0].organisationId}`;
      const today = new Date().toISOString().slice(0, 10);
      const yearAgo = new Date(Date.now() - 370 * 86_400_000).toISOString().slice(0, 10);
      const roi = (await agent.get(`${base}/roi`).query({ from: yearAgo, to: today }).expect(200))
        .body;
      expect(roi.currency).toBe('GBP');
      const byCode = new Map(
        roi.groups.map((group: { key: string }) => [group.key, group] as const),
      ) as Map<string, { roi: string | null; net: string; value: string }>;
      expect(Number(byCode.get('G-INBOX')?.roi)).toBeGreaterThan(0);
      expect(Number(byCode.get('G-CIRCLE')?.net)).toBeLessThan(0);
      expect(byCode.get('G-PODCAST')).toMatchObject({ roi: null });
      expect(Number(byCode.get('G-PODCAST')?.value)).toBeGreaterThan(0);
      const reallocation = (
        await agent.get(`${base}/reallocation`).query({ from: yearAgo, to: today }).expect(200)
      ).body;
      expect(reallocation.activitiesCompared).toBeGreaterThanOrEqual(4);
      expect(reallocation.give.length + reallocation.receive.length).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
  it('shows the board a published pack, frozen, and its dashboard; the draft stays with leadership', async () => {
    const api = await startTestApp({ databaseUrl });
    try {
      const supertest = (await import('supertest')).default;
      const signIn = async (role: string) => {
        const agent = supertest.agent(api.app.getHttpServer());
        const person = DEMO_PEOPLE.find((candidate) => candidate.role === role)!;
        const { body } = await agent
          .post('/api/v1/auth/sign-in')
          .send({ email: person.email, password: DEMO_PASSWORD })
          .expect(200);
        return { agent, base: `/api/v1/organisations/${body.memberships[0].organisationId}` };
      };
      const board = await signIn('board_member');
      const packs = (await board.agent.get(`${board.base}/board-packs`).expect(200)).body;
      expect(packs).toEqual([expect.objectContaining({ status: 'published' })]);
      const pack = (await board.agent.get(`${board.base}/board-packs/${packs[0].id}`).expect(200))
        .body;
      expect(pack.commentary.decisions).not.toBe('');
      expect(pack.content.kpis.length).toBeGreaterThan(0);
      expect(pack.content.roi.totals.cost).not.toBe('0.00');
      const dashboard = (await board.agent.get(`${board.base}/dashboard`).expect(200)).body;
      expect(dashboard.roadmap).toHaveLength(6);
      expect(
        dashboard.kpis.onTrack + dashboard.kpis.atRisk + dashboard.kpis.offTrack,
      ).toBeGreaterThan(0);

      const owner = await signIn('owner');
      const all = (await owner.agent.get(`${owner.base}/board-packs`).expect(200)).body;
      expect(all.map((summary: { status: string }) => summary.status).sort()).toEqual([
        'draft',
        'published',
      ]);
    } finally {
      await api.close();
    }
  });
});
