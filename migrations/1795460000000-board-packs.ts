import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board packs: a review of a strategy cycle as of a date. A draft holds only its commentary (its
 * figures are computed live on every read); publishing stores every figure and list it shows, and
 * from then on the database itself refuses to change or delete the pack, whatever the
 * application does (BRIEF: "every figure and list it shows is stored as it was computed at that
 * moment, and never recomputed"). Share links let someone without an account read a published
 * pack until the link expires or is revoked.
 */
export class BoardPacks1795460000000 implements MigrationInterface {
  name = 'BoardPacks1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);

    await sql(`
      CREATE TABLE board_packs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id),
        title varchar(200) NOT NULL,
        as_of date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
        decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 20000),
        content jsonb,
        published_at timestamptz,
        published_by_user_id uuid REFERENCES users (id),
        created_by_user_id uuid REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'published') = (content IS NOT NULL)),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await sql(
      `CREATE INDEX board_packs_organisation_id_idx ON board_packs (organisation_id, as_of DESC)`,
    );
    await sql(`
      CREATE FUNCTION refuse_change_to_published_pack() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'board pack % is published and frozen', OLD.id
          USING ERRCODE = 'check_violation';
      END $$`);
    await sql(`
      CREATE TRIGGER board_packs_frozen BEFORE UPDATE OR DELETE ON board_packs
      FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION refuse_change_to_published_pack()`);

    // A share link is found by the hash of its token before its organisation is known.
    await sql(`
      CREATE FUNCTION app_share_link_hash() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.share_link_hash', true), '')
      $$`);
    await sql(`
      CREATE TABLE board_pack_share_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        board_pack_id uuid NOT NULL REFERENCES board_packs (id),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_opened_at timestamptz,
        open_count integer NOT NULL DEFAULT 0,
        created_by_user_id uuid REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(
      `CREATE INDEX board_pack_share_links_pack_idx ON board_pack_share_links (organisation_id, board_pack_id)`,
    );

    for (const table of ['board_packs', 'board_pack_share_links']) {
      await sql(`
        CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
      await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO roi_app`);
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    }
    await sql(`
      CREATE POLICY board_packs_scoped ON board_packs
      USING (organisation_id = app_organisation_id())
      WITH CHECK (organisation_id = app_organisation_id())`);
    await sql(`
      CREATE POLICY board_pack_share_links_scoped ON board_pack_share_links
      USING (organisation_id = app_organisation_id() OR token_hash = app_share_link_hash())
      WITH CHECK (organisation_id = app_organisation_id())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`DROP TABLE board_pack_share_links`);
    await sql(`DROP FUNCTION app_share_link_hash()`);
    await sql(`DROP TABLE board_packs`);
    await sql(`DROP FUNCTION refuse_change_to_published_pack()`);
  }
}
