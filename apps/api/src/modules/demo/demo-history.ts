import { addDays } from '@roi/domain';
import type { EntityManager } from 'typeorm';

type Changes = Record<string, { before: unknown; after: unknown }>;

/** A demo person: who answers, signs off and appears in the audit log. */
export interface DemoPerson {
  id: string;
  name: string;
  email: string;
}

/**
 * Writing the demo's past: rows of the organisation, dated days before the seeding day, and the
 * audit entries the services would have written for them. The seed runs as the database owner
 * outside any person's transaction, so AuditSubscriber records nothing (by design); these entries
 * take its shape instead: the entity type of its @Audited entity, camelCase fields, before and after.
 */
export class DemoHistory {
  constructor(
    readonly manager: EntityManager,
    readonly organisationId: string,
    private readonly today: string,
  ) {}

  /** The seeding day moved by `offset` days, `YYYY-MM-DD`. */
  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** A moment of that day (UTC), for timestamps such as a sign-off or the audit log's. */
  moment(offset: number, time = '10:00'): string {
    return `${this.day(offset)}T${time}:00Z`;
  }

  /** Inserts a row of the organisation and returns its id. */
  async insert(table: string, row: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(row);
    const [created]: { id: string }[] = await this.manager.query(
      `INSERT INTO ${table} (organisation_id, ${columns.join(', ')})
       VALUES ($1, ${columns.map((_, index) => `$${index + 2}`).join(', ')}) RETURNING id`,
      [this.organisationId, ...Object.values(row)],
    );
    return created!.id;
  }

  async audit(entry: {
    at: string;
    actor: DemoPerson;
    type: string;
    id: string;
    action: 'create' | 'update' | 'delete';
    changes: Changes;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO audit_log
         (organisation_id, occurred_at, actor_user_id, entity_type, entity_id, action, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        this.organisationId,
        entry.at,
        entry.actor.id,
        entry.type,
        entry.id,
        entry.action,
        JSON.stringify(entry.changes),
      ],
    );
  }
}

/** The changes of a created record: every field from nothing to its value. */
export function created(fields: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(fields).map(([field, after]) => [field, { before: null, after }]),
  );
}

/** The changes of an update: each field of `after`, from its value in `before`. */
export function changed(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(after).map(([field, value]) => [
      field,
      { before: before[field] ?? null, after: value },
    ]),
  );
}
