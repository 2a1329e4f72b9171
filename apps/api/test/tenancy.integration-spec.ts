import { ScopedDatabase } from '../src/common/tenancy/scoped-database';
import { OrganisationEntity } from '../src/modules/organisations/organisation.entity';
import { addMember, makeOrganisation, signUp } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

/** The second wall: row-level security holds even for a query that forgets its filter. */
describe('row-level security', () => {
  let api: TestApp;
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    api = await startTestApp();
    const owner = await signUp(api);
    mine = (await makeOrganisation(owner)).id;
    await addMember(api, owner, mine, 'contributor');
    await owner
      .post(`/api/v1/organisations/${mine}/api-keys`)
      .send({ name: 'Sync', role: 'contributor' });
    const stranger = await signUp(api);
    theirs = (await makeOrganisation(stranger)).id;
    await addMember(api, stranger, theirs, 'executive');
    await stranger
      .post(`/api/v1/organisations/${theirs}/api-keys`)
      .send({ name: 'Theirs', role: 'contributor' });
  });
  afterAll(() => api.close());

  const tenantTables = ['memberships', 'invitations', 'api_keys', 'audit_log', 'outbox_messages'];

  it('shows a raw, unfiltered query in a request transaction only its own organisation', async () => {
    const scoped = api.app.get(ScopedDatabase);
    await scoped.transaction({ organisationId: mine }, undefined, async (manager) => {
      for (const table of tenantTables) {
        const rows: { organisation_id: string }[] = await manager.query(
          `SELECT organisation_id FROM ${table}`,
        );
        expect([table, rows.length > 0]).toEqual([table, true]);
        expect([table, [...new Set(rows.map((row) => row.organisation_id))]]).toEqual([
          table,
          [mine],
        ]);
      }
      const organisations: { id: string }[] = await manager.query('SELECT id FROM organisations');
      expect(organisations.map((row) => row.id)).toEqual([mine]);
      // Writing into another organisation is refused by the policies' WITH CHECK too.
      await expect(
        manager.query(
          `INSERT INTO outbox_messages (organisation_id, recipient, subject, body) VALUES ($1, 'x@example.org', 's', 'b')`,
          [theirs],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('shows a transaction that names no organisation nothing at all', async () => {
    const rows = await api.dataSource.getRepository(OrganisationEntity).find();
    expect(rows).toEqual([]);
    for (const table of tenantTables) {
      expect([table, await api.dataSource.query(`SELECT * FROM ${table}`)]).toEqual([table, []]);
    }
  });

  it('runs the API as a role that cannot bypass row-level security, on every tenant table', async () => {
    const [role] = await api.dataSource.query(
      `SELECT current_user AS name, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: 'roi_app', rolbypassrls: false, rolsuper: false });
    const unprotected = await api.sql<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN pg_class t ON t.relname = c.table_name AND t.relkind = 'r'
        WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id' AND NOT t.relrowsecurity`,
    );
    expect(unprotected).toEqual([]);
  });

  it('keeps the audit log append-only for the API', async () => {
    const scoped = api.app.get(ScopedDatabase);
    for (const statement of ['UPDATE audit_log SET action = action', 'DELETE FROM audit_log']) {
      await expect(
        scoped.transaction({ organisationId: mine }, undefined, (manager) =>
          manager.query(statement),
        ),
      ).rejects.toThrow(/permission denied/);
    }
  });
});
