import supertest from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ScopedDatabase } from '../src/common/tenancy/scoped-database';
import { OrganisationEntity } from '../src/modules/organisations/organisation.entity';
import { addMember, makeOrganisation, type TestUser, signUp } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

/** The second wall: row-level security holds even for a query that forgets its filter. */
describe('row-level security', () => {
  let api: TestApp;
  let mine: string;
  let theirs: string;
  let owner: TestUser;
  let key: string;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api);
    mine = (await makeOrganisation(owner)).id;
    await addMember(api, owner, mine, 'contributor');
    key = (
      await owner
        .post(`/api/v1/organisations/${mine}/api-keys`)
        .send({ name: 'Sync', role: 'contributor' })
    ).body.key;
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

  it("gives an organisation request one transaction: the service's, never one of the guard's too", async () => {
    const transactions = jest.spyOn(PostgresQueryRunner.prototype, 'startTransaction');
    try {
      const asPerson = await owner.get(`/api/v1/organisations/${mine}/members`);
      expect([asPerson.status, transactions.mock.calls.length]).toEqual([200, 1]);
      transactions.mockClear();
      const asKey = await supertest(api.app.getHttpServer())
        .get(`/api/v1/organisations/${mine}/cycles`)
        .set('Authorization', `Bearer ${key}`);
      expect([asKey.status, transactions.mock.calls.length]).toEqual([200, 1]);
      transactions.mockClear();
      // Not a member: refused before any transaction is opened.
      const refused = await owner.get(`/api/v1/organisations/${theirs}/members`);
      expect([refused.status, transactions.mock.calls.length]).toEqual([404, 0]);
    } finally {
      transactions.mockRestore();
    }
  });

  it('answers a role past row-level security only to the holder of a live session or key', async () => {
    // What the API's role may call finds nothing without a live secret...
    for (const statement of [
      `SELECT * FROM authenticate_session(repeat('0', 64), 60, '${mine}')`,
      `SELECT * FROM authenticate_api_key(repeat('0', 64))`,
    ]) {
      expect(await api.dataSource.query(statement)).toEqual([]);
    }
    // ...and with one, the holder's role in the organisation asked about, none in another.
    const sessions = await api.sql<{ token_hash: string }>(
      `SELECT s.token_hash FROM sessions s JOIN memberships m ON m.user_id = s.user_id
        WHERE m.organisation_id = $1 AND m.role = 'owner' AND s.revoked_at IS NULL`,
      [mine],
    );
    expect(sessions.length).toBeGreaterThan(0);
    const roleIn = async (organisationId: string) =>
      (
        await api.dataSource.query(`SELECT role FROM authenticate_session($1, 60, $2)`, [
          sessions[0]?.token_hash,
          organisationId,
        ])
      ).map((row: { role: string | null }) => row.role);
    expect(await roleIn(mine)).toEqual(['owner']);
    expect(await roleIn(theirs)).toEqual([null]);
  });
});
