import { createTestDatabase, dropTestDatabase } from './support/test-database';
import { startTestApp } from './support/harness';

describe('the demo organisation', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('roi_demo');
  });
  afterAll(() => dropTestDatabase(databaseUrl));

  it('is created on the first start on an empty database, and only then', async () => {
    const environment = { SEED_DEMO: 'true' };
    for (let start = 0; start < 2; start++) {
      const api = await startTestApp({ databaseUrl, environment });
      const { body } = await api.http.get('/api/v1/organisations').expect(200);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        name: 'Guild of Independent Booksellers',
        isDemo: true,
        currency: 'GBP',
        fiscalYearStartMonth: 4,
      });
      expect(body.items[0].description).toMatch(/640 independent bookshops/);
      await api.close();
    }
  });
});
