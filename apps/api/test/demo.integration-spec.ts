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
});
