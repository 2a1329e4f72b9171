import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, memberships with roles, invitations, API keys, the audit log and the mail outbox, and
 * the second wall of tenancy: row-level security on every table that belongs to an organisation.
 *
 * The API's connections run as `roi_app` (set by the connection's startup options), a role that
 * owns nothing and so cannot bypass row-level security. Each transaction names its organisation
 * and user with set_config(..., true); the policies below read them through app_*() functions.
 * Migrations and the demo seed run as the connecting (owner) role instead.
 */
export class AccountsTenancyAudit1795420000000 implements MigrationInterface {
  name = 'AccountsTenancyAudit1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);

    // Roles are shared by every database of a cluster: create it once, and let the migrating
    // role switch to it (a superuser may anyway; an owner such as compose's `roi` needs the grant).
    await sql(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'roi_app') THEN
          CREATE ROLE roi_app NOLOGIN NOBYPASSRLS;
        END IF;
      END $$`);
    await sql(`GRANT roi_app TO CURRENT_USER`);
    await sql(`GRANT USAGE ON SCHEMA public TO roi_app`);

    for (const [name, setting] of [
      ['app_organisation_id', 'app.organisation_id'],
      ['app_user_id', 'app.user_id'],
    ]) {
      await sql(`
        CREATE FUNCTION ${name}() RETURNS uuid LANGUAGE sql STABLE AS $$
          SELECT nullif(current_setting('${setting}', true), '')::uuid
        $$`);
    }
    for (const [name, setting] of [
      ['app_invitation_token_hash', 'app.invitation_token_hash'],
      ['app_api_key_hash', 'app.api_key_hash'],
    ]) {
      await sql(`
        CREATE FUNCTION ${name}() RETURNS text LANGUAGE sql STABLE AS $$
          SELECT nullif(current_setting('${setting}', true), '')
        $$`);
    }

    await sql(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await sql(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        csrf_token varchar(64) NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        user_agent varchar(500),
        ip_address varchar(64),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await sql(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(32) NOT NULL CHECK (role IN
          ('owner', 'executive', 'program_manager', 'contributor', 'board_member', 'consultant')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, user_id)
      )`);
    await sql(`CREATE INDEX memberships_organisation_id_idx ON memberships (organisation_id)`);
    await sql(`CREATE INDEX memberships_user_id_idx ON memberships (user_id)`);

    await sql(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        role varchar(32) NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        invited_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE INDEX invitations_organisation_id_idx ON invitations (organisation_id)`);

    await sql(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        role varchar(32) NOT NULL,
        prefix varchar(16) NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE INDEX api_keys_organisation_id_idx ON api_keys (organisation_id)`);

    await sql(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_api_key_id uuid,
        request_id varchar(128),
        entity_type varchar(64) NOT NULL,
        entity_id uuid NOT NULL,
        action varchar(16) NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        changes jsonb NOT NULL
      )`);
    // Browsed newest first per organisation, with keyset pagination on (occurred_at, id).
    await sql(
      `CREATE INDEX audit_log_organisation_time_idx ON audit_log (organisation_id, occurred_at DESC, id DESC)`,
    );

    await sql(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        recipient varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(
      `CREATE INDEX outbox_messages_organisation_id_idx ON outbox_messages (organisation_id)`,
    );

    // The schema rate-limiter-flexible expects (its own CREATE TABLE is switched off).
    await sql(`
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    for (const table of [
      'users',
      'sessions',
      'memberships',
      'invitations',
      'api_keys',
      'outbox_messages',
    ]) {
      await sql(`
        CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }

    await sql(`GRANT SELECT, INSERT, UPDATE ON organisations TO roi_app`);
    await sql(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, memberships, invitations, api_keys, outbox_messages, rate_limits TO roi_app`,
    );
    // Append-only: the application may add to the audit log and read it, never change it.
    await sql(`GRANT SELECT, INSERT ON audit_log TO roi_app`);

    await sql(`ALTER TABLE organisations ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY organisations_visible ON organisations FOR SELECT USING (
        id = app_organisation_id()
        -- EXISTS, not IN: checked row by row through the index, so a list that stops after a
        -- page reads a page of memberships, not all of a consultant's.
        OR EXISTS (SELECT 1 FROM memberships m
                    WHERE m.organisation_id = organisations.id AND m.user_id = app_user_id())
        OR EXISTS (SELECT 1 FROM invitations i
                    WHERE i.organisation_id = organisations.id
                      AND i.token_hash = app_invitation_token_hash())
      )`);
    await sql(
      `CREATE POLICY organisations_insert ON organisations FOR INSERT WITH CHECK (id = app_organisation_id())`,
    );
    await sql(
      `CREATE POLICY organisations_update ON organisations FOR UPDATE USING (id = app_organisation_id())`,
    );

    await sql(`ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY memberships_scoped ON memberships
      USING (organisation_id = app_organisation_id() OR user_id = app_user_id())
      WITH CHECK (organisation_id = app_organisation_id())`);

    await sql(`ALTER TABLE invitations ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY invitations_scoped ON invitations
      USING (organisation_id = app_organisation_id() OR token_hash = app_invitation_token_hash())
      WITH CHECK (organisation_id = app_organisation_id())`);

    await sql(`ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY api_keys_scoped ON api_keys
      USING (organisation_id = app_organisation_id() OR key_hash = app_api_key_hash())
      WITH CHECK (organisation_id = app_organisation_id())`);

    for (const table of ['audit_log', 'outbox_messages']) {
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await sql(`
        CREATE POLICY ${table}_scoped ON ${table}
        USING (organisation_id = app_organisation_id())
        WITH CHECK (organisation_id = app_organisation_id())`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limits',
      'outbox_messages',
      'audit_log',
      'api_keys',
      'invitations',
      'memberships',
      'sessions',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP POLICY organisations_visible ON organisations`);
    await queryRunner.query(`DROP POLICY organisations_insert ON organisations`);
    await queryRunner.query(`DROP POLICY organisations_update ON organisations`);
    await queryRunner.query(`ALTER TABLE organisations DISABLE ROW LEVEL SECURITY`);
    for (const name of [
      'app_organisation_id',
      'app_user_id',
      'app_invitation_token_hash',
      'app_api_key_hash',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`REVOKE ALL ON organisations FROM roi_app`);
  }
}
