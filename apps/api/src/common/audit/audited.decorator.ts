/** How an entity appears in the audit log. */
export interface AuditedOptions {
  /** The entity type shown in the log, e.g. 'organisation', 'membership'. */
  type: string;
  /** The property holding the owning organisation's id (the id itself for an organisation). */
  organisationIdFrom?: string;
  /** Properties never written to the log (hashes of secrets). */
  redact?: string[];
}

const auditedEntities = new Map<unknown, Required<AuditedOptions>>();

/**
 * Marks a TypeORM entity as audited: every insert, update and delete of it through an entity
 * manager is recorded by AuditSubscriber in the same transaction, with the changed fields.
 */
export function Audited(options: AuditedOptions): ClassDecorator {
  return (target) => {
    auditedEntities.set(target, {
      organisationIdFrom: 'organisationId',
      redact: [],
      ...options,
    });
  };
}

export function auditOptionsOf(target: unknown): Required<AuditedOptions> | undefined {
  return auditedEntities.get(target);
}
