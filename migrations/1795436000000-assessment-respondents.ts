import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is asked to answer an assessment (members, or senior managers without an account through a
 * one-time response link), organisation-owned template versions, and the baseline figures that
 * the number questions of a closed assessment become.
 */
export class AssessmentRespondents1795436000000 implements MigrationInterface {
  name = 'AssessmentRespondents1795436000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);

    // A response link is found by the hash of its token before its organisation is known.
    await sql(`
      CREATE FUNCTION app_response_link_hash() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.response_link_hash', true), '')
      $$`);

    await sql(`
      ALTER TABLE assessment_templates
        ADD COLUMN based_on_template_id uuid REFERENCES assessment_templates (id)`);

    await sql(`
      CREATE TABLE assessment_respondents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        -- A member; NULL for someone answering through a response link.
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        email varchar(254),
        token_hash char(64) UNIQUE,
        expires_at timestamptz,
        last_reminded_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assessment_id, user_id),
        CHECK ((user_id IS NULL) = (token_hash IS NOT NULL)),
        CHECK ((token_hash IS NULL) = (expires_at IS NULL))
      )`);
    await sql(
      `CREATE INDEX assessment_respondents_organisation_id_idx ON assessment_respondents (organisation_id, assessment_id)`,
    );

    // Every response belongs to a respondent; responses saved before respondents existed are
    // their members' own.
    await sql(`
      INSERT INTO assessment_respondents (organisation_id, assessment_id, user_id, name, email)
      SELECT r.organisation_id, r.assessment_id, r.respondent_user_id, u.name, u.email
        FROM assessment_responses r JOIN users u ON u.id = r.respondent_user_id`);
    await sql(`
      ALTER TABLE assessment_responses
        ADD COLUMN respondent_id uuid REFERENCES assessment_respondents (id) ON DELETE CASCADE,
        ALTER COLUMN respondent_user_id DROP NOT NULL`);
    await sql(`
      UPDATE assessment_responses r SET respondent_id = p.id
        FROM assessment_respondents p
       WHERE p.assessment_id = r.assessment_id AND p.user_id = r.respondent_user_id`);
    await sql(`
      ALTER TABLE assessment_responses
        ALTER COLUMN respondent_id SET NOT NULL,
        ADD CONSTRAINT assessment_responses_respondent_id_key UNIQUE (respondent_id)`);

    await sql(`
      CREATE TABLE baseline_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES template_questions (id),
        name varchar(500) NOT NULL,
        dimension varchar(64) NOT NULL,
        unit varchar(64),
        value numeric NOT NULL,
        measured_on date NOT NULL,
        respondents integer NOT NULL CHECK (respondents > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assessment_id, question_id)
      )`);
    await sql(
      `CREATE INDEX baseline_figures_organisation_id_idx ON baseline_figures (organisation_id, cycle_id)`,
    );

    await sql(
      `CREATE TRIGGER assessment_respondents_set_updated_at BEFORE UPDATE ON assessment_respondents FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
    );
    await sql(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_respondents, baseline_figures TO roi_app`,
    );
    await sql(`ALTER TABLE assessment_respondents ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY assessment_respondents_scoped ON assessment_respondents
      USING (organisation_id = app_organisation_id() OR token_hash = app_response_link_hash())
      WITH CHECK (organisation_id = app_organisation_id())`);
    await sql(`ALTER TABLE baseline_figures ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY baseline_figures_scoped ON baseline_figures
      USING (organisation_id = app_organisation_id())
      WITH CHECK (organisation_id = app_organisation_id())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE baseline_figures`);
    await queryRunner.query(`ALTER TABLE assessment_responses DROP COLUMN respondent_id`);
    await queryRunner.query(`DROP TABLE assessment_respondents`);
    await queryRunner.query(`ALTER TABLE assessment_templates DROP COLUMN based_on_template_id`);
    await queryRunner.query(`DROP FUNCTION app_response_link_hash()`);
  }
}
