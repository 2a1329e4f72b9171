import {
  type EntityMetadata,
  type EntityManager,
  EventSubscriber,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import type { TransactionData } from '../tenancy/scoped-database';
import { auditOptionsOf } from './audited.decorator';

type Row = Record<string, unknown>;
type Changes = Record<string, { before: unknown; after: unknown }>;
const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'version']);

/**
 * The audit log's one writer: every write of an @Audited entity, in the transaction that makes
 * it, so a write that rolls back leaves no audit row and no audited write goes unrecorded.
 * The actor comes from the transaction (ScopedDatabase); writes outside one (migrations, the
 * demo seed) have no actor and are not audited.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<Row>): Promise<void> {
    await this.record(
      event.queryRunner,
      event.manager,
      event.metadata,
      'create',
      undefined,
      event.entity,
    );
  }

  async afterUpdate(event: UpdateEvent<Row>): Promise<void> {
    if (!event.entity) return;
    await this.record(
      event.queryRunner,
      event.manager,
      event.metadata,
      'update',
      event.databaseEntity,
      { ...event.databaseEntity, ...event.entity },
    );
  }

  async afterRemove(event: RemoveEvent<Row>): Promise<void> {
    const before = event.databaseEntity ?? event.entity;
    if (!before) return;
    await this.record(
      event.queryRunner,
      event.manager,
      event.metadata,
      'delete',
      before,
      undefined,
      event.entityId,
    );
  }

  private async record(
    queryRunner: QueryRunner,
    manager: EntityManager,
    metadata: EntityMetadata,
    action: 'create' | 'update' | 'delete',
    before: Row | undefined,
    after: Row | undefined,
    removedId?: unknown,
  ): Promise<void> {
    const options = auditOptionsOf(metadata.target);
    const actor = (queryRunner.data as TransactionData | undefined)?.auditActor;
    if (!options || !actor) return;
    const subject = after ?? before ?? {};
    const changes = changedFields(metadata, before, after, options.redact);
    if (action === 'update' && Object.keys(changes).length === 0) return;
    await manager.query(
      `INSERT INTO audit_log
         (organisation_id, actor_user_id, actor_api_key_id, request_id, entity_type, entity_id, action, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        subject[options.organisationIdFrom],
        actor.userId ?? null,
        actor.apiKeyId ?? null,
        actor.requestId ?? null,
        options.type,
        subject.id ?? removedId,
        action,
        JSON.stringify(changes),
      ],
    );
  }
}

function changedFields(
  metadata: EntityMetadata,
  before: Row | undefined,
  after: Row | undefined,
  redact: string[],
): Changes {
  const changes: Changes = {};
  for (const column of metadata.columns) {
    const field = column.propertyName;
    if (BOOKKEEPING.has(field)) continue;
    // A field that is absent and one that is null are the same to a reader of the log.
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    changes[field] = redact.includes(field)
      ? { before: old === null ? null : '[redacted]', after: now === null ? null : '[redacted]' }
      : { before: old, after: now };
  }
  return changes;
}
