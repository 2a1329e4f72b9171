import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weekly milestone digest is sent once per organisation and week, however many API processes
 * run: the process that records the week in `digest_runs` (its primary key refuses a second
 * record) sends it, in the same transaction.
 */
export class WeeklyDigests1795444000000 implements MigrationInterface {
  name = 'WeeklyDigests1795444000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`
      CREATE TABLE digest_runs (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        -- The Monday, in the organisation's time zone, of the week the digest was sent for.
        week_start date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, week_start)
      )`);
    await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON digest_runs TO roi_app`);
    await sql(`ALTER TABLE digest_runs ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY digest_runs_scoped ON digest_runs
      USING (organisation_id = app_organisation_id())
      WITH CHECK (organisation_id = app_organisation_id())`);

    // The scheduler works for no organisation in particular, and under row-level security sees
    // none: this function shows it exactly what it needs (which organisations, and their clocks)
    // and nothing else. The demo organisation's people are fictitious: they get no mail.
    await sql(`
      CREATE FUNCTION weekly_digest_organisations()
      RETURNS TABLE (id uuid, time_zone text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, time_zone::text FROM organisations WHERE NOT is_demo ORDER BY id
      $$`);
    await sql(`REVOKE ALL ON FUNCTION weekly_digest_organisations() FROM PUBLIC`);
    await sql(`GRANT EXECUTE ON FUNCTION weekly_digest_organisations() TO roi_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION weekly_digest_organisations()`);
    await queryRunner.query(`DROP TABLE digest_runs`);
  }
}
