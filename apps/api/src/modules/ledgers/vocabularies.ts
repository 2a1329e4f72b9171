import { vocabularyLabel } from '@roi/domain';
import type { EntityManager } from 'typeorm';

export type Vocabulary = 'channels' | 'activities';

/**
 * The id of a label in one of the organisation's vocabularies, added on first use. Matching is
 * case-insensitive after trimming (the table's `match_key`), and an existing label keeps its first
 * spelling. `ON CONFLICT DO NOTHING` makes two writers adding the same new label agree on one row.
 */
export async function labelId(
  manager: EntityManager,
  organisationId: string,
  vocabulary: Vocabulary,
  raw: string,
): Promise<string> {
  const label = vocabularyLabel(raw);
  await manager.query(
    `INSERT INTO ${vocabulary} (organisation_id, label) VALUES ($1, $2)
     ON CONFLICT (organisation_id, match_key) DO NOTHING`,
    [organisationId, label],
  );
  const [row] = (await manager.query(
    `SELECT id FROM ${vocabulary} WHERE organisation_id = $1 AND match_key = lower($2)`,
    [organisationId, label],
  )) as { id: string }[];
  return (row as { id: string }).id;
}

/** The id of an existing label, or null: filters never add labels. */
export async function existingLabelId(
  manager: EntityManager,
  organisationId: string,
  vocabulary: Vocabulary,
  raw: string,
): Promise<string | null> {
  const rows = (await manager.query(
    `SELECT id FROM ${vocabulary} WHERE organisation_id = $1 AND match_key = lower($2)`,
    [organisationId, vocabularyLabel(raw)],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}
