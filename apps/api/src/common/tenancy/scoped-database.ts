import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * What a transaction may see under row-level security: the policies of the tenant tables read
 * these settings (see the accounts-tenancy-audit migration). Everything left out is unset, and
 * an unset organisation sees no organisation's rows.
 */
export interface Scope {
  organisationId?: string;
  userId?: string;
  invitationTokenHash?: string;
  responseLinkHash?: string;
  shareLinkHash?: string;
}

/** Who is acting, for the audit rows written in the same transaction. */
export interface AuditActor {
  userId?: string;
  apiKeyId?: string;
  requestId?: string;
}

/**
 * The part of a request's context (`access/request-context.ts`) a transaction reads: declared
 * here, by shape, because the access guard uses this folder and must not be imported back.
 */
export interface ActingContext {
  requestId?: string;
  principal?: { userId?: string; apiKeyId?: string };
}

export interface TransactionData {
  auditActor?: AuditActor;
}

/**
 * The one way services open a transaction: scoped for row-level security, and carrying the actor
 * so that every audited write inside it is recorded by the audit subscriber, in that transaction.
 */
@Injectable()
export class ScopedDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(
    scope: Scope,
    actor: AuditActor | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await setScope(manager, scope);
      if (manager.queryRunner) {
        manager.queryRunner.data = { auditActor: actor } satisfies TransactionData;
      }
      return work(manager);
    });
  }

  /** A transaction in the request's organisation, acting as the request's principal. */
  inOrganisation<T>(
    context: ActingContext & { organisationId: string },
    work: (manager: EntityManager) => Promise<T>,
  ) {
    return this.transaction(
      { organisationId: context.organisationId, userId: context.principal?.userId },
      actorOf(context),
      work,
    );
  }
}

export function actorOf(context: ActingContext): AuditActor {
  return {
    userId: context.principal?.userId,
    apiKeyId: context.principal?.apiKeyId,
    requestId: context.requestId,
  };
}

/** Changes the scope inside a transaction, e.g. to the organisation it has just created. */
export async function setScope(manager: EntityManager, scope: Scope): Promise<void> {
  // Everything transaction-local (`true`), so nothing is left on the connection for the next
  // transaction, which behind a pooler in transaction mode may be another client's. The role
  // too: a scoped transaction runs as roi_app however its connection was opened.
  await manager.query(
    `SELECT set_config('role', 'roi_app', true),
            set_config('app.organisation_id', $1, true), set_config('app.user_id', $2, true),
            set_config('app.invitation_token_hash', $3, true),
            set_config('app.response_link_hash', $4, true), set_config('app.share_link_hash', $5, true)`,
    [
      scope.organisationId ?? '',
      scope.userId ?? '',
      scope.invitationTokenHash ?? '',
      scope.responseLinkHash ?? '',
      scope.shareLinkHash ?? '',
    ],
  );
}
