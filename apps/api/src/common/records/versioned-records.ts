import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { NotFoundProblem, StaleVersionProblem } from '../problem-details/problem';

/** A record people edit together: it belongs to an organisation and counts its versions. */
export interface VersionedRecord extends ObjectLiteral {
  id: string;
  organisationId: string;
  version: number;
}

/**
 * Loads a record of the organisation, locked for the rest of the transaction so that two writes
 * to it queue instead of racing; another organisation's id answers 404 like a missing one.
 */
export async function lockRecord<T extends VersionedRecord>(
  manager: EntityManager,
  target: EntityTarget<T>,
  organisationId: string,
  id: string,
  label: string,
): Promise<T> {
  const record = await manager.findOne(target, {
    where: { id, organisationId } as FindOptionsWhere<T>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!record) throw new NotFoundProblem(label, id);
  return record;
}

export async function findRecord<T extends VersionedRecord>(
  manager: EntityManager,
  target: EntityTarget<T>,
  organisationId: string,
  id: string,
  label: string,
): Promise<T> {
  const record = await manager.findOneBy(target, { id, organisationId } as FindOptionsWhere<T>);
  if (!record) throw new NotFoundProblem(label, id);
  return record;
}

/**
 * An update carries the version it was based on; when someone else has changed the record since,
 * the answer is 409 with the current record, so the client can show the other person's change
 * instead of overwriting it.
 */
export async function refuseStaleVersion(
  record: VersionedRecord,
  basedOn: number,
  label: string,
  current: () => Promise<unknown>,
): Promise<void> {
  if (record.version !== basedOn) throw new StaleVersionProblem(label, await current());
}
