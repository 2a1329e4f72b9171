import type { Client } from 'pg';

/**
 * A ledger of a given size for the benchmarks: one outcome and objective, 200 initiatives, 20
 * channels and 30 activities, then half costs and half values spread over three years, inserted
 * set-based so that each batch fires the rollup triggers once, as an import does.
 */
export const INITIATIVES = 200;
export const CHANNELS = 20;
export const ACTIVITIES = 30;
export const FIRST_DAY = '2025-01-01';
export const DAYS = 1095;
export const BATCH = 1_000_000;

export async function seedPlan(
  sql: Client,
  organisationId: string,
  ownerId: string,
): Promise<void> {
  const outcome = await sql.query(
    `INSERT INTO outcomes (organisation_id, title, kind, owner_user_id)
     VALUES ($1, 'Grow revenue', 'revenue', $2) RETURNING id`,
    [organisationId, ownerId],
  );
  const objective = await sql.query(
    `INSERT INTO objectives (organisation_id, outcome_id, title) VALUES ($1, $2, 'Sell') RETURNING id`,
    [organisationId, outcome.rows[0].id],
  );
  await sql.query(
    `INSERT INTO initiatives (organisation_id, code, name, budget, accountable_user_id, responsible_user_id)
     SELECT $1, 'I-' || lpad(g::text, 3, '0'), 'Initiative ' || g, 50000, $2, $2
       FROM generate_series(1, ${INITIATIVES}) g`,
    [organisationId, ownerId],
  );
  await sql.query(
    `INSERT INTO initiative_objectives (organisation_id, initiative_id, objective_id)
     SELECT $1, id, $2 FROM initiatives WHERE organisation_id = $1`,
    [organisationId, objective.rows[0].id],
  );
  await sql.query(
    `INSERT INTO channels (organisation_id, label)
     SELECT $1, 'Channel ' || g FROM generate_series(1, ${CHANNELS}) g`,
    [organisationId],
  );
  await sql.query(
    `INSERT INTO activities (organisation_id, label)
     SELECT $1, 'Activity ' || g FROM generate_series(1, ${ACTIVITIES}) g`,
    [organisationId],
  );
}

/** Half costs, half values, in set-based batches (each fires the rollup triggers once). */
export async function seedLedgers(
  sql: Client,
  organisationId: string,
  rows: number,
): Promise<void> {
  const references = `
    (SELECT array_agg(id ORDER BY code) AS ids FROM initiatives WHERE organisation_id = $1) i,
    (SELECT array_agg(id ORDER BY label) AS ids FROM channels WHERE organisation_id = $1) c,
    (SELECT array_agg(id ORDER BY label) AS ids FROM activities WHERE organisation_id = $1) a`;
  const pick = `
    date '${FIRST_DAY}' + (g % ${DAYS})::int, i.ids[(1 + g % ${INITIATIVES})::int],
    c.ids[(1 + (g / 7) % ${CHANNELS})::int], a.ids[(1 + (g / 13) % ${ACTIVITIES})::int]`;
  for (let start = 0; start < rows / 2; start += BATCH) {
    const end = Math.min(rows / 2, start + BATCH) - 1;
    await sql.query(
      `INSERT INTO cost_entries (organisation_id, date, initiative_id, channel_id, activity_id, category, amount)
       SELECT $1, ${pick}, 'media', 1 + (g * 7919 % 100000) / 100.0
         FROM generate_series(${start}::bigint, ${end}) g, ${references}`,
      [organisationId],
    );
    await sql.query(
      `INSERT INTO value_entries (organisation_id, date, initiative_id, channel_id, activity_id, value_type, amount, confidence)
       SELECT $1, ${pick}, 'revenue', 1 + (g * 6151 % 120000) / 100.0, (g % 4 + 1) / 4.0
         FROM generate_series(${start}::bigint, ${end}) g, ${references}`,
      [organisationId],
    );
  }
}
