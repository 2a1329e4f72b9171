import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments (step 1): templates as data, with the four built-in templates seeded here as
 * version 1 (a later version is a later migration: running assessments keep theirs), assessments
 * run within a cycle, each respondent's response and answers with their evidence.
 */
const EFFECTIVENESS = [
  'Not at all effective',
  'Slightly effective',
  'Moderately effective',
  'Very effective',
  'Extremely effective',
];
const AGREEMENT = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
];
const ACTIVITY = ['Absent', 'Occasional', 'Regular', 'Active', 'Leading'];
const CHANNELS = [
  'Social networks',
  'Multimedia sharing',
  'Review sites',
  'Discussion forums',
  'Blogs',
  'Communities',
];

interface Question {
  dimension: string;
  kind: 'scale' | 'single_choice' | 'multiple_choice' | 'number' | 'text';
  prompt: string;
  anchors?: string[];
  options?: string[];
  unit?: string;
  evidenceRequired?: boolean;
}

const agree = (dimension: string, prompt: string): Question => ({
  dimension,
  kind: 'scale',
  prompt,
  anchors: AGREEMENT,
});

const TEMPLATES: { key: string; name: string; description: string; questions: Question[] }[] = [
  {
    key: 'leadership-pulse',
    name: 'Leadership pulse',
    description:
      'Every senior manager rates how effectively the organisation uses social networks and media, and says on what evidence.',
    questions: [
      {
        dimension: 'leadership pulse',
        kind: 'scale',
        prompt:
          'How effectively do you feel our organization is currently using social networks and media?',
        anchors: EFFECTIVENESS,
        evidenceRequired: true,
      },
      {
        dimension: 'leadership pulse',
        kind: 'text',
        prompt: 'What would have to be true for you to rate it one point higher a year from now?',
      },
    ],
  },
  {
    key: 'channel-audit',
    name: 'Channel and listening audit',
    description:
      'Which channels the organisation uses, how actively, and how much customers take part; the quantities become baseline figures.',
    questions: [
      {
        dimension: 'channels',
        kind: 'multiple_choice',
        prompt: 'Which channels does the organisation use today?',
        options: CHANNELS,
      },
      ...CHANNELS.map((channel): Question => ({
        dimension: 'channels',
        kind: 'scale',
        prompt: `How actively does the organisation use ${channel.toLowerCase()}?`,
        anchors: ACTIVITY,
      })),
      {
        dimension: 'reach',
        kind: 'number',
        prompt: 'Followers across all accounts',
        unit: 'followers',
        evidenceRequired: true,
      },
      {
        dimension: 'activity',
        kind: 'number',
        prompt: 'Posts published a month',
        unit: 'posts a month',
        evidenceRequired: true,
      },
      {
        dimension: 'participation',
        kind: 'number',
        prompt: 'Customer comments, replies and mentions a month',
        unit: 'interactions a month',
        evidenceRequired: true,
      },
      {
        dimension: 'reputation',
        kind: 'number',
        prompt: 'Reviews on review sites in the last twelve months',
        unit: 'reviews',
        evidenceRequired: true,
      },
      {
        dimension: 'listening',
        kind: 'single_choice',
        prompt: 'How does the organisation listen to what is said about it?',
        options: [
          'Not at all',
          'Ad hoc searches',
          'A listening tool, checked now and then',
          'A listening practice with owners and reports',
        ],
      },
    ],
  },
  {
    key: 'executive-presence',
    name: 'Executive presence audit',
    description: 'For each executive, the state of their personal profiles and activity.',
    questions: [
      {
        dimension: 'executive presence',
        kind: 'text',
        prompt: 'Which executive does this response describe?',
      },
      {
        dimension: 'executive presence',
        kind: 'multiple_choice',
        prompt: 'On which networks does the executive have a complete, current profile?',
        options: ['LinkedIn', 'X', 'Instagram', 'YouTube', 'A personal blog or newsletter'],
      },
      {
        dimension: 'executive presence',
        kind: 'scale',
        prompt: 'How active is the executive in their own voice (posting, commenting, answering)?',
        anchors: ACTIVITY,
        evidenceRequired: true,
      },
      {
        dimension: 'executive presence',
        kind: 'number',
        prompt: 'Posts in their own voice in the last ninety days',
        unit: 'posts',
        evidenceRequired: true,
      },
    ],
  },
  {
    key: 'maturity',
    name: 'Maturity assessment',
    description:
      'Questions in seven dimensions; the scores place the organisation in one of six stages, from Planning to Converged.',
    questions: [
      agree(
        'leadership commitment',
        'Our executives personally use social media to listen to and talk with customers, members and staff.',
      ),
      agree(
        'leadership commitment',
        'Social strategy is on the leadership team’s agenda at least once a quarter, and decisions are taken.',
      ),
      agree(
        'purpose and strategy',
        'We can state in one sentence how social media serves our purpose.',
      ),
      agree(
        'purpose and strategy',
        'Our social activity is tied to business outcomes we have written down, each with an owner.',
      ),
      agree(
        'listening and insight',
        'We listen systematically to what is said about us and our field, not only on our own channels.',
      ),
      agree(
        'listening and insight',
        'What we hear in social channels changes decisions outside marketing.',
      ),
      agree(
        'customer engagement',
        'Customers and members take part in conversations we host, not only react to our posts.',
      ),
      agree(
        'customer engagement',
        'We answer questions and complaints in social channels within one working day.',
      ),
      agree(
        'governance and structure',
        'It is clear who is accountable for the social strategy and who is responsible for executing it.',
      ),
      agree(
        'governance and structure',
        'We have a published social media policy and staff know it.',
      ),
      agree(
        'talent and skills',
        'The people who run our channels have the skills and the time the plan asks of them.',
      ),
      agree(
        'talent and skills',
        'We train staff beyond marketing to represent the organisation in social media.',
      ),
      agree(
        'measurement and ROI',
        'We know what our social activities cost, activity by activity.',
      ),
      agree(
        'measurement and ROI',
        'We can show the value social activity returns, in money or in outcomes we have agreed.',
      ),
    ],
  },
];

export class Assessments1795428000000 implements MigrationInterface {
  name = 'Assessments1795428000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string, parameters?: unknown[]) =>
      queryRunner.query(statement, parameters);
    await sql(`
      CREATE TABLE assessment_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- NULL for the built-in templates every organisation sees.
        organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
        key varchar(64) NOT NULL,
        name varchar(120) NOT NULL,
        description varchar(1000) NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (organisation_id, key, version)
      )`);
    await sql(
      `CREATE INDEX assessment_templates_organisation_id_idx ON assessment_templates (organisation_id)`,
    );
    await sql(`
      CREATE TABLE template_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        dimension varchar(64) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('scale', 'single_choice', 'multiple_choice', 'number', 'text')),
        prompt varchar(500) NOT NULL,
        anchors jsonb,
        options jsonb,
        unit varchar(64),
        evidence_required boolean NOT NULL DEFAULT false,
        UNIQUE (template_id, position)
      )`);
    await sql(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        template_id uuid NOT NULL REFERENCES assessment_templates (id),
        title varchar(200) NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        deadline date,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(
      `CREATE INDEX assessments_organisation_id_idx ON assessments (organisation_id, cycle_id)`,
    );
    await sql(`
      CREATE TABLE assessment_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        respondent_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        submitted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assessment_id, respondent_user_id)
      )`);
    await sql(
      `CREATE INDEX assessment_responses_organisation_id_idx ON assessment_responses (organisation_id)`,
    );
    await sql(`
      CREATE TABLE assessment_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES assessment_responses (id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES template_questions (id),
        value jsonb NOT NULL,
        evidence_text varchar(2000),
        evidence_url varchar(2000),
        evidence_figure numeric,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (response_id, question_id)
      )`);
    await sql(
      `CREATE INDEX assessment_answers_organisation_id_idx ON assessment_answers (organisation_id)`,
    );

    for (const table of [
      'assessment_templates',
      'assessments',
      'assessment_responses',
      'assessment_answers',
    ]) {
      await sql(
        `CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
      );
    }
    await sql(
      `GRANT SELECT, INSERT, UPDATE ON assessment_templates, template_questions TO roi_app`,
    );
    await sql(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON assessments, assessment_responses, assessment_answers TO roi_app`,
    );

    await sql(`ALTER TABLE assessment_templates ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY assessment_templates_visible ON assessment_templates FOR SELECT
      USING (organisation_id IS NULL OR organisation_id = app_organisation_id())`);
    await sql(`
      CREATE POLICY assessment_templates_own ON assessment_templates FOR INSERT
      WITH CHECK (organisation_id = app_organisation_id())`);
    await sql(`ALTER TABLE template_questions ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY template_questions_visible ON template_questions FOR SELECT
      USING (EXISTS (SELECT 1 FROM assessment_templates t WHERE t.id = template_id))`);
    await sql(`
      CREATE POLICY template_questions_own ON template_questions FOR INSERT
      WITH CHECK (EXISTS (SELECT 1 FROM assessment_templates t
                           WHERE t.id = template_id AND t.organisation_id = app_organisation_id()))`);
    for (const table of ['assessments', 'assessment_responses', 'assessment_answers']) {
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await sql(`
        CREATE POLICY ${table}_scoped ON ${table}
        USING (organisation_id = app_organisation_id())
        WITH CHECK (organisation_id = app_organisation_id())`);
    }

    for (const template of TEMPLATES) {
      const [{ id }] = (await sql(
        `INSERT INTO assessment_templates (key, name, description) VALUES ($1, $2, $3) RETURNING id`,
        [template.key, template.name, template.description],
      )) as { id: string }[];
      for (const [position, question] of template.questions.entries()) {
        await sql(
          `INSERT INTO template_questions
             (template_id, position, dimension, kind, prompt, anchors, options, unit, evidence_required)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            position,
            question.dimension,
            question.kind,
            question.prompt,
            question.anchors ? JSON.stringify(question.anchors) : null,
            question.options ? JSON.stringify(question.options) : null,
            question.unit ?? null,
            question.evidenceRequired ?? false,
          ],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'assessment_answers',
      'assessment_responses',
      'assessments',
      'template_questions',
      'assessment_templates',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
