import { addDays } from '@roi/domain';
import type { EntityManager } from 'typeorm';

/**
 * A year of the Guild's money, so the ROI page tells a story on first start: the member inbox pays
 * for itself within weeks, the year-round community costs more than it returns so far (the
 * reallocation list says so), and the podcast, run by volunteer booksellers, brings value with no
 * cost booked (its ROI is "n/a"). Amounts vary from week to week by a fixed pseudo-random sequence,
 * so every fresh demo shows the same figures relative to its seeding day.
 */
export async function seedDemoLedgers(
  manager: EntityManager,
  organisationId: string,
  recordedBy: string,
  today: string,
): Promise<void> {
  const initiatives = new Map<string, string>(
    (
      (await manager.query(`SELECT code, id FROM initiatives WHERE organisation_id = $1`, [
        organisationId,
      ])) as { code: string; id: string }[]
    ).map((row) => [row.code, row.id]),
  );
  const labels = async (table: 'channels' | 'activities', names: string[]) => {
    const ids = new Map<string, string>();
    for (const label of names) {
      const [row] = (await manager.query(
        `INSERT INTO ${table} (organisation_id, label) VALUES ($1, $2) RETURNING id`,
        [organisationId, label],
      )) as { id: string }[];
      ids.set(label, row!.id);
    }
    return ids;
  };
  const channel = await labels('channels', [
    'Facebook',
    'Instagram',
    'X',
    'Facebook groups',
    'YouTube',
    'Podcast',
  ]);
  const activity = await labels('activities', [
    'Community management',
    'Social tools',
    'Content production',
    'Paid promotion',
    'Events',
    'Podcast episodes',
  ]);

  let seed = 20_270_101;
  // A linear congruential sequence: deterministic variation without a dependency.
  const vary = (base: number, spread: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (base + ((seed / 2_147_483_648) * 2 - 1) * spread).toFixed(2);
  };
  const costs: unknown[][] = [];
  const values: unknown[][] = [];
  const cost = (
    date: string,
    code: string,
    channelLabel: string,
    activityLabel: string,
    category: string,
    amount: string,
    hours: string | null,
    note: string,
  ) =>
    costs.push([
      date,
      initiatives.get(code),
      channel.get(channelLabel),
      activity.get(activityLabel),
      category,
      amount,
      hours,
      note,
    ]);
  const value = (
    date: string,
    code: string,
    channelLabel: string,
    activityLabel: string,
    valueType: string,
    amount: string,
    confidence: string,
    note: string,
  ) =>
    values.push([
      date,
      initiatives.get(code),
      channel.get(channelLabel),
      activity.get(activityLabel),
      valueType,
      amount,
      confidence,
      note,
    ]);

  const start = addDays(today, -364);
  for (let week = 0; week < 52; week += 1) {
    const monday = addDays(start, week * 7);
    const inboxChannel = ['Facebook', 'Instagram', 'X'][week % 3] as string;
    cost(
      monday,
      'G-INBOX',
      inboxChannel,
      'Community management',
      'labour',
      vary(115, 25),
      '6.00',
      'Weekly inbox shifts',
    );
    cost(
      addDays(monday, 3),
      'G-CIRCLE',
      'Facebook groups',
      'Community management',
      'labour',
      vary(95, 20),
      '5.00',
      'Group moderation',
    );
    if (week % 4 === 0) {
      const month = addDays(monday, 1);
      cost(
        month,
        'G-INBOX',
        'Facebook',
        'Social tools',
        'tools',
        '49.00',
        null,
        'Shared inbox licence',
      );
      cost(
        month,
        'G-CIRCLE',
        'YouTube',
        'Content production',
        'agency',
        vary(620, 90),
        null,
        'Bookseller video series',
      );
      cost(
        addDays(month, 2),
        'G-CIRCLE',
        'Facebook groups',
        'Paid promotion',
        'media',
        vary(410, 120),
        null,
        'Boosted event posts',
      );
      value(
        addDays(month, 20),
        'G-INBOX',
        'Facebook',
        'Community management',
        'retention',
        vary(860, 140),
        '0.6',
        'Renewals saved after an answered complaint',
      );
      value(
        addDays(month, 21),
        'G-INBOX',
        'Instagram',
        'Community management',
        'cost_saving',
        '260.00',
        '0.9',
        'Fewer calls to the member line',
      );
      value(
        addDays(month, 22),
        'G-CIRCLE',
        'Facebook groups',
        'Events',
        'revenue',
        vary(240, 80),
        '1',
        'Tickets for member meet-ups',
      );
      value(
        addDays(month, 23),
        'G-CIRCLE',
        'YouTube',
        'Content production',
        'retention',
        vary(380, 60),
        '0.5',
        'Renewals among video viewers',
      );
      value(
        addDays(month, 24),
        'G-PODCAST',
        'Podcast',
        'Podcast episodes',
        'revenue',
        vary(150, 40),
        '1',
        'Listener book orders',
      );
    }
    if (week % 13 === 6) {
      cost(
        monday,
        'G-CIRCLE',
        'Facebook groups',
        'Events',
        'other',
        vary(900, 150),
        '12.00',
        'Regional meet-up venue',
      );
      value(
        addDays(monday, 10),
        'G-PODCAST',
        'Podcast',
        'Podcast episodes',
        'pipeline',
        vary(1200, 200),
        '0.4',
        'Sponsorship conversations',
      );
    }
  }
  const insert = async (
    table: string,
    typeColumn: string,
    extraColumn: string,
    rows: unknown[][],
  ) => {
    // One statement a ledger: the rollup triggers then run once over all rows.
    const placeholders = rows
      .map(
        (_, row) =>
          `(${Array.from({ length: 8 }, (_, column) => `$${row * 8 + column + 3}`).join(', ')})`,
      )
      .join(', ');
    await manager.query(
      `INSERT INTO ${table} (organisation_id, recorded_by_user_id, date, initiative_id, channel_id,
                             activity_id, ${typeColumn}, amount, ${extraColumn}, note)
       SELECT $1, $2, v.date::date, v.initiative_id::uuid, v.channel_id::uuid,
              v.activity_id::uuid, v.kind, v.amount::numeric, v.extra::numeric, v.note
         FROM (VALUES ${placeholders}) AS v(date, initiative_id, channel_id,
                             activity_id, kind, amount, extra, note)`,
      [organisationId, recordedBy, ...rows.flat()],
    );
  };
  await insert('cost_entries', 'category', 'hours', costs);
  await insert('value_entries', 'value_type', 'confidence', values);
}
