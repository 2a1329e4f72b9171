import { migrations } from '@roi/migrations';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ownerDataSourceOptions } from '../src/database/typeorm-options';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

interface Row {
  title: string;
  status: string;
  miss_reason: string | null;
  miss_category?: string | null;
  updated_at: Date;
}

const Migration = migrations.find(
  (migration) => migration.name === 'MilestoneMissCategories1795456000000',
) as (new () => MigrationInterface) | undefined;

/**
 * The migration that gave missed milestones a category, run down and up again on the demo's
 * milestones: milestones missed before it get their category from their reason, and going back
 * gives every missed milestone a reason again.
 */
describe('the milestone miss categories migration', () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  let runner: QueryRunner;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('roi_miss', { seedDemo: true });
    dataSource = await new DataSource(ownerDataSourceOptions(databaseUrl)).initialize();
    runner = dataSource.createQueryRunner();
  });
  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await dropTestDatabase(databaseUrl);
  });

  const missed = async (): Promise<Row[]> =>
    runner.query(`SELECT * FROM milestones WHERE status = 'missed' ORDER BY title`);
  const pick = (rows: Row[], ...fields: (keyof Row)[]) =>
    rows.map((row) => Object.fromEntries(fields.map((field) => [field, row[field]])));

  it('gives a reason back to every missed milestone on the way down, and categories from reasons on the way up', async () => {
    expect(Migration).toBeDefined();
    const migration = new Migration!();
    expect(pick(await missed(), 'title', 'miss_reason', 'miss_category')).toEqual([
      {
        title: 'A video version of every episode',
        miss_reason: null,
        miss_category: 'scope_change',
      },
      {
        title: 'Instagram messages answered from the shared inbox',
        miss_reason: null,
        miss_category: 'dependency',
      },
      { title: 'Regional meet-ups in four cities', miss_reason: null, miss_category: 'resources' },
    ]);

    await migration.down(runner);
    const before = await missed();
    expect(pick(before, 'title', 'miss_reason')).toEqual([
      { title: 'A video version of every episode', miss_reason: 'plan' },
      { title: 'Instagram messages answered from the shared inbox', miss_reason: 'execution' },
      { title: 'Regional meet-ups in four cities', miss_reason: 'execution' },
    ]);
    expect(before.every((row) => !('miss_category' in row))).toBe(true);
    await expect(
      runner.query(
        `UPDATE milestones SET miss_reason = NULL WHERE title = 'Regional meet-ups in four cities'`,
      ),
    ).rejects.toThrow(/milestones_check1/);
    await runner.query(
      `UPDATE milestones SET miss_reason = 'external' WHERE title = 'Regional meet-ups in four cities'`,
    );
    const old = await missed();

    await migration.up(runner);
    const after = await missed();
    expect(pick(after, 'title', 'miss_reason', 'miss_category')).toEqual([
      {
        title: 'A video version of every episode',
        miss_reason: 'plan',
        miss_category: 'strategy_changed',
      },
      {
        title: 'Instagram messages answered from the shared inbox',
        miss_reason: 'execution',
        miss_category: 'other',
      },
      {
        title: 'Regional meet-ups in four cities',
        miss_reason: 'external',
        miss_category: 'external',
      },
    ]);
    // Filling the new column in is no one's edit.
    expect(pick(after, 'updated_at')).toEqual(pick(old, 'updated_at'));
    const [{ categorised }] = await runner.query(
      `SELECT count(*)::int AS categorised FROM milestones WHERE miss_category IS NOT NULL AND status <> 'missed'`,
    );
    expect(categorised).toBe(0);
  });

  it('lets a missed milestone go without a reason but never without a category, nor another status carry one', async () => {
    const title = 'Instagram messages answered from the shared inbox';
    await runner.query(
      `UPDATE milestones SET miss_reason = NULL, miss_category = 'dependency' WHERE title = $1`,
      [title],
    );
    await expect(
      runner.query(`UPDATE milestones SET miss_category = NULL WHERE title = $1`, [title]),
    ).rejects.toThrow(/milestones_miss_category_when_missed/);
    await expect(
      runner.query(`UPDATE milestones SET miss_category = 'bad_luck' WHERE title = $1`, [title]),
    ).rejects.toThrow(/milestones_miss_category_check/);
    await expect(
      runner.query(
        `UPDATE milestones SET status = 'in_progress', miss_note = NULL WHERE title = $1`,
        [title],
      ),
    ).rejects.toThrow(/milestones_miss_category_when_missed/);
    await expect(
      runner.query(
        `UPDATE milestones SET status = 'in_progress', miss_category = NULL, miss_reason = 'plan' WHERE title = $1`,
        [title],
      ),
    ).rejects.toThrow(/milestones_miss_reason_only_when_missed/);
    await runner.query(
      `UPDATE milestones SET status = 'in_progress', miss_category = NULL WHERE title = $1`,
      [title],
    );
  });
});
