import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The guiding plan (outcomes, objectives, KPIs, initiatives and experiments) and its execution
 * (milestones with dependencies, check-ins, KPI measurements), comments that challenge the plan,
 * and the plan's frozen versions. Every change to a plan table is announced on the
 * `plan_changes` channel, so every API process can tell open pages what changed.
 */
const PLAN_TABLES = [
  'outcomes',
  'objectives',
  'kpis',
  'kpi_measurements',
  'initiatives',
  'initiative_objectives',
  'milestones',
  'milestone_dependencies',
  'check_ins',
  'plan_comments',
  'plan_versions',
];

export class PlanAndExecution1795440000000 implements MigrationInterface {
  name = 'PlanAndExecution1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    const tenant = `organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE`;
    const stamps = `
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()`;

    await sql(`
      CREATE TABLE outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        kind varchar(16) NOT NULL
          CHECK (kind IN ('revenue', 'cost_saving', 'retention', 'talent', 'reputation', 'other')),
        description varchar(5000) NOT NULL DEFAULT '',
        owner_user_id uuid NOT NULL REFERENCES users (id),
        position integer NOT NULL DEFAULT 0,
        ${stamps}
      )`);
    await sql(`
      CREATE TABLE objectives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        outcome_id uuid NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        description varchar(5000) NOT NULL DEFAULT '',
        -- The findings of assessments the objective answers (traceability from assessment to plan).
        finding_ids uuid[] NOT NULL DEFAULT '{}',
        position integer NOT NULL DEFAULT 0,
        ${stamps}
      )`);
    await sql(`
      CREATE TABLE kpis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        objective_id uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
        code varchar(32) NOT NULL CHECK (length(btrim(code)) > 0),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        unit varchar(64) NOT NULL DEFAULT '',
        direction varchar(8) NOT NULL CHECK (direction IN ('increase', 'decrease')),
        baseline_value numeric NOT NULL,
        baseline_date date NOT NULL,
        target_value numeric NOT NULL,
        target_date date NOT NULL CHECK (target_date > baseline_date),
        source varchar(500) NOT NULL DEFAULT '',
        baseline_figure_id uuid REFERENCES baseline_figures (id) ON DELETE SET NULL,
        ${stamps},
        UNIQUE (organisation_id, code)
      )`);
    await sql(`
      CREATE TABLE kpi_measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        kpi_id uuid NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
        date date NOT NULL,
        value numeric NOT NULL,
        note varchar(1000) NOT NULL DEFAULT '',
        recorded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ${stamps},
        UNIQUE (kpi_id, date)
      )`);
    await sql(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        code varchar(32) NOT NULL CHECK (length(btrim(code)) > 0),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        description varchar(5000) NOT NULL DEFAULT '',
        channels varchar(64)[] NOT NULL DEFAULT '{}',
        -- In the organisation's currency, exact.
        budget numeric(20, 4) NOT NULL DEFAULT 0 CHECK (budget >= 0),
        accountable_user_id uuid NOT NULL REFERENCES users (id),
        responsible_user_id uuid NOT NULL REFERENCES users (id),
        starts_on date,
        ends_on date CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
        is_experiment boolean NOT NULL DEFAULT false,
        hypothesis varchar(2000),
        success_criteria varchar(2000),
        kill_criteria varchar(2000),
        decision_date date,
        experiment_outcome varchar(16)
          CHECK (experiment_outcome IN ('validated', 'invalidated', 'inconclusive')),
        lessons varchar(5000),
        ${stamps},
        UNIQUE (organisation_id, code)
      )`);
    await sql(`
      CREATE TABLE initiative_objectives (
        ${tenant},
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        objective_id uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, objective_id)
      )`);
    await sql(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        owner_user_id uuid NOT NULL REFERENCES users (id),
        due_date date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'in_progress', 'done', 'missed', 'cancelled')),
        done_on date,
        miss_reason varchar(16) CHECK (miss_reason IN ('plan', 'execution', 'external')),
        miss_note varchar(2000),
        ${stamps},
        CHECK ((status = 'done') = (done_on IS NOT NULL)),
        CHECK ((status = 'missed') = (miss_reason IS NOT NULL))
      )`);
    await sql(`
      CREATE TABLE milestone_dependencies (
        ${tenant},
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        depends_on_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        PRIMARY KEY (milestone_id, depends_on_id),
        CHECK (milestone_id <> depends_on_id)
      )`);
    await sql(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        date date NOT NULL,
        progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
        confidence varchar(8) NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
        note varchar(5000) NOT NULL DEFAULT '',
        blockers varchar(5000) NOT NULL DEFAULT '',
        author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ${stamps}
      )`);
    await sql(`
      CREATE TABLE plan_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        subject_type varchar(16) NOT NULL CHECK (subject_type IN ('outcome', 'objective', 'kpi')),
        subject_id uuid NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('question', 'challenge', 'comment')),
        body varchar(5000) NOT NULL CHECK (length(btrim(body)) > 0),
        author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        resolution varchar(2000),
        ${stamps}
      )`);
    await sql(`
      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        number integer NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
        -- The whole plan as it was submitted: what an approval approves, frozen.
        snapshot jsonb NOT NULL,
        note varchar(2000) NOT NULL DEFAULT '',
        submitted_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_note varchar(2000),
        ${stamps},
        UNIQUE (organisation_id, number)
      )`);
    // An approved version is the record of what leadership agreed: the database itself refuses
    // to change or delete it, whatever the application does.
    await sql(`
      CREATE FUNCTION refuse_change_to_approved_plan() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'plan version % is approved and frozen', OLD.number
          USING ERRCODE = 'check_violation';
      END $$`);
    await sql(`
      CREATE TRIGGER plan_versions_frozen BEFORE UPDATE OR DELETE ON plan_versions
      FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION refuse_change_to_approved_plan()`);

    // Announced at commit to every listening API process; rolled-back changes announce nothing.
    await sql(`
      CREATE FUNCTION notify_plan_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed record;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
        PERFORM pg_notify('plan_changes', json_build_object(
          'organisationId', changed.organisation_id,
          'entity', TG_TABLE_NAME,
          'id', to_jsonb(changed) ->> 'id',
          'operation', lower(TG_OP),
          'version', (to_jsonb(changed) ->> 'version')::integer
        )::text);
        RETURN NULL;
      END $$`);

    await sql(`CREATE INDEX outcomes_organisation_id_idx ON outcomes (organisation_id)`);
    await sql(
      `CREATE INDEX objectives_organisation_id_idx ON objectives (organisation_id, outcome_id)`,
    );
    await sql(`CREATE INDEX objectives_outcome_id_idx ON objectives (outcome_id)`);
    await sql(`CREATE INDEX kpis_objective_id_idx ON kpis (objective_id)`);
    await sql(
      `CREATE INDEX kpi_measurements_organisation_id_idx ON kpi_measurements (organisation_id)`,
    );
    await sql(`CREATE INDEX initiatives_organisation_id_idx ON initiatives (organisation_id)`);
    await sql(
      `CREATE INDEX initiative_objectives_objective_id_idx ON initiative_objectives (objective_id)`,
    );
    await sql(
      `CREATE INDEX initiative_objectives_organisation_id_idx ON initiative_objectives (organisation_id)`,
    );
    await sql(
      `CREATE INDEX milestones_organisation_id_idx ON milestones (organisation_id, due_date)`,
    );
    await sql(`CREATE INDEX milestones_initiative_id_idx ON milestones (initiative_id)`);
    await sql(`CREATE INDEX milestones_owner_idx ON milestones (organisation_id, owner_user_id)`);
    await sql(
      `CREATE INDEX milestone_dependencies_depends_on_id_idx ON milestone_dependencies (depends_on_id)`,
    );
    await sql(
      `CREATE INDEX milestone_dependencies_organisation_id_idx ON milestone_dependencies (organisation_id)`,
    );
    // The last check-in of each milestone is the one read most.
    await sql(
      `CREATE INDEX check_ins_milestone_idx ON check_ins (milestone_id, date DESC, created_at DESC)`,
    );
    await sql(`CREATE INDEX check_ins_organisation_id_idx ON check_ins (organisation_id)`);
    await sql(
      `CREATE INDEX plan_comments_subject_idx ON plan_comments (organisation_id, subject_type, subject_id)`,
    );
    await sql(`CREATE INDEX plan_versions_organisation_id_idx ON plan_versions (organisation_id)`);

    for (const table of PLAN_TABLES) {
      if (!['initiative_objectives', 'milestone_dependencies'].includes(table)) {
        await sql(`
          CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
      }
      await sql(`
        CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION notify_plan_change()`);
      await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO roi_app`);
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await sql(`
        CREATE POLICY ${table}_scoped ON ${table}
        USING (organisation_id = app_organisation_id())
        WITH CHECK (organisation_id = app_organisation_id())`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...PLAN_TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION notify_plan_change()`);
    await queryRunner.query(`DROP FUNCTION refuse_change_to_approved_plan()`);
  }
}
