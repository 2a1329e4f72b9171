import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Strategy cycles, their six steps and each step's exit criteria; tenant tables under RLS. */
export class StrategyCycles1795424000000 implements MigrationInterface {
  name = 'StrategyCycles1795424000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        previous_cycle_id uuid REFERENCES cycles (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(
      `CREATE INDEX cycles_organisation_id_idx ON cycles (organisation_id, starts_on DESC)`,
    );
    await sql(`
      CREATE TABLE cycle_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        step_key varchar(16) NOT NULL
          CHECK (step_key IN ('assess', 'envision', 'plan', 'organise', 'execute', 'measure')),
        position smallint NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'not_started'
          CHECK (status IN ('not_started', 'in_progress', 'done')),
        owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        planned_start date,
        planned_end date CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
        signed_off_at timestamptz,
        signed_off_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reopen_reason varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cycle_id, step_key)
      )`);
    await sql(`CREATE INDEX cycle_steps_organisation_id_idx ON cycle_steps (organisation_id)`);
    await sql(`
      CREATE TABLE step_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        step_id uuid NOT NULL REFERENCES cycle_steps (id) ON DELETE CASCADE,
        text varchar(500) NOT NULL CHECK (length(btrim(text)) > 0),
        done boolean NOT NULL DEFAULT false,
        position smallint NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE INDEX step_criteria_step_id_idx ON step_criteria (step_id, position)`);
    await sql(`CREATE INDEX step_criteria_organisation_id_idx ON step_criteria (organisation_id)`);
    for (const table of ['cycles', 'cycle_steps', 'step_criteria']) {
      await sql(`
        CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
      await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO roi_app`);
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await sql(`
        CREATE POLICY ${table}_scoped ON ${table}
        USING (organisation_id = app_organisation_id())
        WITH CHECK (organisation_id = app_organisation_id())`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['step_criteria', 'cycle_steps', 'cycles']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
