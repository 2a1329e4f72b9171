import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first table: organisations, the tenants. Every later table that belongs to an organisation
 * carries an indexed `organisation_id` referencing this one.
 */
export class CreateOrganisations1795416000000 implements MigrationInterface {
  name = 'CreateOrganisations1795416000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One trigger function keeps updated_at true for every table, whether a row is changed through
    // the ORM or by a hand-written UPDATE.
    await queryRunner.query(`
      CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END;
      $$`);
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        description varchar(2000),
        sector varchar(120),
        currency char(3) NOT NULL,
        fiscal_year_start_month smallint NOT NULL DEFAULT 1
          CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
        time_zone varchar(64) NOT NULL DEFAULT 'UTC',
        locale varchar(35) NOT NULL DEFAULT 'en-GB',
        is_demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Lists are sorted by name, then id, for stable keyset pagination.
    await queryRunner.query(`CREATE INDEX organisations_name_id_idx ON organisations (name, id)`);
    await queryRunner.query(`
      CREATE TRIGGER organisations_set_updated_at BEFORE UPDATE ON organisations
      FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisations`);
    await queryRunner.query(`DROP FUNCTION set_updated_at()`);
  }
}
