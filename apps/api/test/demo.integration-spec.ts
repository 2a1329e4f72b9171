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
});
