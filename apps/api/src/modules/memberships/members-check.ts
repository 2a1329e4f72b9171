import type { EntityManager } from 'typeorm';
import { type FieldError, ValidationProblem } from '../../common/problem-details/problem';

/**
 * Refuses people who are not members of the organisation (owners, accountable and responsible
 * people), naming each field: a plan's owners are always the organisation's own people.
 */
export async function requireMembers(
  manager: EntityManager,
  organisationId: string,
  people: { field: string; userId: string | null | undefined }[],
): Promise<void> {
  const named = people.filter((person): person is { field: string; userId: string } =>
    Boolean(person.userId),
  );
  if (named.length === 0) return;
  const rows: { user_id: string }[] = await manager.query(
    `SELECT user_id FROM memberships WHERE organisation_id = $1 AND user_id = ANY($2::uuid[])`,
    [organisationId, [...new Set(named.map((person) => person.userId))]],
  );
  const members = new Set(rows.map((row) => row.user_id));
  const errors: FieldError[] = named
    .filter((person) => !members.has(person.userId))
    .map((person) => ({ field: person.field, reason: 'is not a member of this organisation' }));
  if (errors.length > 0) throw new ValidationProblem(errors);
}
