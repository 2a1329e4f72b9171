import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Findings recorded against an assessment; objectives in the plan will cite them. */
export class AssessmentFindings1795432000000 implements MigrationInterface {
  name = 'AssessmentFindings1795432000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        dimension varchar(64),
        severity varchar(8) NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        text varchar(5000) NOT NULL DEFAULT '',
        -- The answers the finding rests on (ids of assessment_answers of the same assessment).
        answer_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX findings_organisation_id_idx ON findings (organisation_id, assessment_id)`,
    );
    await queryRunner.query(
      `CREATE TRIGGER findings_set_updated_at BEFORE UPDATE ON findings FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON findings TO roi_app`);
    await queryRunner.query(`ALTER TABLE findings ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY findings_scoped ON findings
      USING (organisation_id = app_organisation_id())
      WITH CHECK (organisation_id = app_organisation_id())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE findings`);
  }
}
