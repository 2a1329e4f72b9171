import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { UserEntity } from '../accounts/user.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto';

const EXPORT_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(private readonly scoped: ScopedDatabase) {}

  /** Newest first, filtered, a page at a time. */
  list(context: OrganisationContext, query: AuditQueryDto): Promise<AuditPageDto> {
    return this.scoped.inOrganisation(context, (manager) => this.page(manager, context, query));
  }

  /** Every matching entry as CSV, fetched in batches so a long log never sits in memory twice. */
  exportCsv(context: OrganisationContext, query: AuditQueryDto): Promise<string> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const header = stringify([
        [
          'occurred_at',
          'actor_user_id',
          'actor_name',
          'actor_api_key_id',
          'request_id',
          'entity_type',
          'entity_id',
          'action',
          'changes',
        ],
      ]);
      const chunks = [header];
      let cursor: string | undefined;
      do {
        const page = await this.page(manager, context, { ...query, limit: EXPORT_BATCH, cursor });
        chunks.push(
          stringify(
            page.items.map((entry) => [
              entry.occurredAt,
              entry.actorUserId ?? '',
              entry.actorName ?? '',
              entry.actorApiKeyId ?? '',
              entry.requestId ?? '',
              entry.entityType,
              entry.entityId,
              entry.action,
              JSON.stringify(entry.changes),
            ]),
          ),
        );
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return chunks.join('');
    });
  }

  private async page(
    manager: EntityManager,
    context: OrganisationContext,
    query: AuditQueryDto,
  ): Promise<AuditPageDto> {
    const builder = manager
      .createQueryBuilder(AuditEntryEntity, 'entry')
      .leftJoin(UserEntity, 'actor', 'actor.id = entry.actor_user_id')
      .addSelect('actor.name', 'actor_name')
      // occurred_at has microseconds and a JavaScript Date only milliseconds, which could skip or
      // repeat rows at a page boundary: the cursor carries PostgreSQL's own text of the value.
      .addSelect('entry.occurred_at::text', 'occurred_at_text')
      .where('entry.organisation_id = :organisationId', { organisationId: context.organisationId })
      .orderBy('entry.occurred_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(query.limit + 1);
    if (query.actorUserId) builder.andWhere('entry.actor_user_id = :actorUserId', query);
    if (query.actorApiKeyId) builder.andWhere('entry.actor_api_key_id = :actorApiKeyId', query);
    if (query.entityType) builder.andWhere('entry.entity_type = :entityType', query);
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', query);
    if (query.from) builder.andWhere('entry.occurred_at >= :from', query);
    if (query.to) builder.andWhere('entry.occurred_at < :to', query);
    if (query.cursor) {
      const [occurredAt, id] = decodeCursor(query.cursor, ['text', 'uuid']);
      builder.andWhere('(entry.occurred_at, entry.id) < (:occurredAt::timestamptz, :id)', {
        occurredAt,
        id,
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{
      actor_name: string | null;
      occurred_at_text: string;
    }>();
    const items: AuditEntryDto[] = entities.slice(0, query.limit).map((entry, index) => ({
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      actorUserId: entry.actorUserId,
      actorName: raw[index]?.actor_name ?? null,
      actorApiKeyId: entry.actorApiKeyId,
      requestId: entry.requestId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      changes: entry.changes,
    }));
    const last = items.at(-1);
    const lastTime = raw[items.length - 1]?.occurred_at_text;
    return {
      items,
      nextCursor:
        entities.length > query.limit && last && lastTime
          ? encodeCursor([lastTime, last.id])
          : null,
    };
  }
}
