import type { EntityManager } from 'typeorm';

/** People's names by id, for showing owners, authors and accountable people beside their ids. */
export async function namesOf(
  manager: EntityManager,
  userIds: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(
    `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
