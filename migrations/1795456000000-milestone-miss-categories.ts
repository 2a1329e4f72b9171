import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A missed milestone says what it was missed for (issue 14: resources, dependency, scope change,
 * external, strategy changed, other), so that packs and the dashboard can count the causes. The
 * older `miss_reason` (plan, execution, external) stays for the API clients that send or read it,
 * but is no longer required: a milestone marked missed with only a category has none.
 *
 * Milestones missed before categories existed get theirs from their reason, as
 * `missCategoryFromReason` in libs/domain maps it (migrations import no project, so the mapping is
 * restated here): external → external, plan → strategy_changed, execution → other.
 */
const CATEGORIES = [
  'resources',
  'dependency',
  'scope_change',
  'external',
  'strategy_changed',
  'other',
];

/** The triggers that would date the backfill as an edit and announce it as a plan change. */
const USER_TRIGGERS = ['milestones_set_updated_at', 'milestones_notify'];

export class MilestoneMissCategories1795456000000 implements MigrationInterface {
  name = 'MilestoneMissCategories1795456000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`
      ALTER TABLE milestones
        ADD COLUMN miss_category varchar(24)
          CONSTRAINT milestones_miss_category_check
          CHECK (miss_category IN (${CATEGORIES.map((category) => `'${category}'`).join(', ')}))`);

    // Giving a category to the milestones already missed is no one's edit.
    await withoutTriggers(queryRunner, () =>
      sql(`
        UPDATE milestones
           SET miss_category = CASE miss_reason
                                 WHEN 'external' THEN 'external'
                                 WHEN 'plan' THEN 'strategy_changed'
                                 ELSE 'other'
                               END
         WHERE status = 'missed'`),
    );

    // milestones_check1 is the name PostgreSQL gave the second unnamed table CHECK of
    // 1795440000000-plan-and-execution: (status = 'missed') = (miss_reason IS NOT NULL). A reason
    // may now be left out, but still only on a missed milestone.
    await sql(`ALTER TABLE milestones DROP CONSTRAINT milestones_check1`);
    await sql(`
      ALTER TABLE milestones
        ADD CONSTRAINT milestones_miss_reason_only_when_missed
        CHECK (status = 'missed' OR miss_reason IS NULL)`);
    // As done_on goes with done: a missed milestone has a category, and no other has one.
    await sql(`
      ALTER TABLE milestones
        ADD CONSTRAINT milestones_miss_category_when_missed
        CHECK ((status = 'missed') = (miss_category IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    // The old schema needs a reason on every missed milestone: one missed with only a category
    // gets the nearest reason (the plan gave way for a changed strategy or scope, the world for an
    // external cause, the execution for the rest).
    await withoutTriggers(queryRunner, () =>
      sql(`
        UPDATE milestones
           SET miss_reason = CASE miss_category
                               WHEN 'external' THEN 'external'
                               WHEN 'strategy_changed' THEN 'plan'
                               WHEN 'scope_change' THEN 'plan'
                               ELSE 'execution'
                             END
         WHERE status = 'missed' AND miss_reason IS NULL`),
    );
    await sql(`ALTER TABLE milestones DROP CONSTRAINT milestones_miss_category_when_missed`);
    await sql(`ALTER TABLE milestones DROP CONSTRAINT milestones_miss_reason_only_when_missed`);
    await sql(`
      ALTER TABLE milestones
        ADD CONSTRAINT milestones_check1 CHECK ((status = 'missed') = (miss_reason IS NOT NULL))`);
    await sql(`ALTER TABLE milestones DROP COLUMN miss_category`);
  }
}

async function withoutTriggers(queryRunner: QueryRunner, run: () => Promise<unknown>) {
  for (const trigger of USER_TRIGGERS) {
    await queryRunner.query(`ALTER TABLE milestones DISABLE TRIGGER ${trigger}`);
  }
  await run();
  for (const trigger of USER_TRIGGERS) {
    await queryRunner.query(`ALTER TABLE milestones ENABLE TRIGGER ${trigger}`);
  }
}
