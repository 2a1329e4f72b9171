import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ScopedDatabase } from '../tenancy/scoped-database';

/** How long a key is kept, and so how long a retry is recognised (published in the API docs). */
export const IDEMPOTENCY_KEY_HOURS = 24;
/**
 * A request holding a key for longer than this, with nothing committed, is taken for dead (its
 * process stopped) and a retry may take the key over. Taking over is safe even if the first
 * request was only slow: its create is refused at commit, because its claim is no longer the
 * key's (see markCommitted), so the work is never done twice.
 */
export const IN_PROGRESS_LEASE_SECONDS = 15;
const PURGE_INTERVAL_MS = 10 * 60 * 1000;
const PURGE_BATCH = 5_000;

/** Whose key: keys are independent per organisation and per caller (a person or an API key). */
export interface KeyOwner {
  organisationId: string;
  principal: string;
  key: string;
}

/** A key this request holds: `claim` is its fencing token. */
export interface HeldKey extends KeyOwner {
  claim: string;
}

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  /** The JSON text of the body as it was sent, or null for an empty or withheld one. */
  body: string | null;
  /** The answer showed a secret once: it is not kept, and a retry is told so. */
  withheld?: boolean;
}

export type ClaimOutcome =
  | { kind: 'claimed'; held: HeldKey }
  | { kind: 'replay'; fingerprint: string | null; answer: StoredAnswer }
  | { kind: 'withheld'; fingerprint: string | null }
  | { kind: 'reused' }
  | { kind: 'in-progress' }
  | { kind: 'answer-lost' };

interface KeyRow {
  claim: string;
  request_hash: string | null;
  status: 'in_progress' | 'done';
  committed: boolean;
  stale: boolean;
  response_status: number | null;
  response_content_type: string | null;
  response_body: string | null;
  answer_withheld: boolean;
}

/**
 * The idempotency keys, in PostgreSQL so that every API process sees the same ones. Each step
 * is its own short transaction under the organisation's row-level security, except
 * markCommitted, which runs inside the create's transaction.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyStore');
  private purger?: NodeJS.Timeout;

  constructor(
    private readonly scoped: ScopedDatabase,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Takes the key for this request (new, expired, or abandoned by a dead request with the same
   * fingerprint), or says what became of the request that has it. `fingerprint` is undefined for
   * a streamed body, which is only known once read: the caller compares it on a replay.
   */
  async claim(
    owner: KeyOwner,
    request: { method: string; path: string; fingerprint?: string },
  ): Promise<ClaimOutcome> {
    const claim = randomUUID();
    const row = await this.inOrganisation(owner.organisationId, async (manager) => {
      const [taken] = (await manager.query(
        `INSERT INTO idempotency_keys AS k
                (organisation_id, principal, key, method, path, request_hash, claim,
                 locked_until, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8),
                 now() + make_interval(hours => $9))
         ON CONFLICT (organisation_id, principal, key) DO UPDATE
            SET method = excluded.method, path = excluded.path,
                request_hash = excluded.request_hash, status = 'in_progress',
                claim = excluded.claim, locked_until = excluded.locked_until,
                committed_at = NULL, response_status = NULL, response_content_type = NULL,
                response_body = NULL, answer_withheld = false, created_at = now(), expires_at = excluded.expires_at
          WHERE k.expires_at <= now()
             OR (k.status = 'in_progress' AND k.committed_at IS NULL AND k.locked_until <= now()
                 AND (k.request_hash IS NULL OR excluded.request_hash IS NULL
                      OR k.request_hash = excluded.request_hash))
         RETURNING claim`,
        [
          owner.organisationId,
          owner.principal,
          owner.key,
          request.method,
          request.path,
          request.fingerprint ?? null,
          claim,
          IN_PROGRESS_LEASE_SECONDS,
          IDEMPOTENCY_KEY_HOURS,
        ],
      )) as { claim: string }[];
      if (taken?.claim === claim) return undefined;
      // The conflicting row is locked by the upsert until this transaction ends: it is there.
      const [existing] = (await manager.query(
        `SELECT claim, request_hash, status, committed_at IS NOT NULL AS committed,
                locked_until <= now() AS stale, response_status, response_content_type,
                response_body::text AS response_body, answer_withheld
           FROM idempotency_keys
          WHERE organisation_id = $1 AND principal = $2 AND key = $3`,
        [owner.organisationId, owner.principal, owner.key],
      )) as KeyRow[];
      return existing;
    });
    if (!row) return { kind: 'claimed', held: { ...owner, claim } };
    if (request.fingerprint && row.request_hash && request.fingerprint !== row.request_hash) {
      return { kind: 'reused' };
    }
    if (row.status === 'done' && row.answer_withheld) {
      return { kind: 'withheld', fingerprint: row.request_hash };
    }
    if (row.status === 'done' && row.response_status !== null) {
      return {
        kind: 'replay',
        fingerprint: row.request_hash,
        answer: {
          status: row.response_status,
          contentType: row.response_content_type,
          body: row.response_body,
        },
      };
    }
    return row.committed && row.stale ? { kind: 'answer-lost' } : { kind: 'in-progress' };
  }

  /**
   * In the create's own transaction, just before it commits: records that the work is done, so
   * a retry after a crash never does it again, and refuses (rolling the create back) when
   * another request has taken the key over meanwhile. A transaction that wrote nothing is left
   * alone.
   */
  async markCommitted(
    manager: EntityManager,
    held: HeldKey,
  ): Promise<'marked' | 'lost' | 'skipped'> {
    const [transaction] = (await manager.query(
      `SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote`,
    )) as { wrote: boolean }[];
    if (!transaction?.wrote) return 'skipped';
    const [updated] = (await manager.query(
      `UPDATE idempotency_keys SET committed_at = now()
        WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND claim = $4
        RETURNING 1 AS marked`,
      [held.organisationId, held.principal, held.key, held.claim],
    )) as [{ marked: number }[], number];
    if (updated.length > 0) return 'marked';
    const [current] = (await manager.query(
      `SELECT claim FROM idempotency_keys
        WHERE organisation_id = $1 AND principal = $2 AND key = $3`,
      [held.organisationId, held.principal, held.key],
    )) as { claim: string }[];
    // Not visible: a transaction scoped to something else than the key's organisation.
    return current ? 'lost' : 'skipped';
  }

  /** Keeps the answer to replay; the fingerprint of a streamed body is known only now. */
  async complete(held: HeldKey, answer: StoredAnswer, fingerprint?: string): Promise<void> {
    await this.inOrganisation(held.organisationId, (manager) =>
      manager.query(
        `UPDATE idempotency_keys
            SET status = 'done', response_status = $5, response_content_type = $6,
                response_body = $7::json, answer_withheld = $9,
                request_hash = coalesce(request_hash, $8), committed_at = coalesce(committed_at, now())
          WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND claim = $4`,
        [
          held.organisationId,
          held.principal,
          held.key,
          held.claim,
          answer.status,
          answer.withheld ? null : answer.contentType,
          answer.withheld ? null : answer.body,
          fingerprint ?? null,
          answer.withheld ?? false,
        ],
      ),
    );
  }

  /**
   * Lets the key go after a failed request, so that a corrected retry can run; unless its create
   * had committed (then the failure came after it, and the caller keeps the error as the answer).
   * Answers whether the key was let go.
   */
  async release(held: HeldKey): Promise<boolean> {
    const [deleted] = (await this.inOrganisation(held.organisationId, (manager) =>
      manager.query(
        `DELETE FROM idempotency_keys
          WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND claim = $4
            AND committed_at IS NULL
          RETURNING 1 AS released`,
        [held.organisationId, held.principal, held.key, held.claim],
      ),
    )) as [{ released: number }[], number];
    return deleted.length > 0;
  }

  /** Deletes expired keys, a batch at a time; answers how many went. */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = (await this.dataSource.query(
        `SELECT purge_expired_idempotency_keys($1) AS purged`,
        [PURGE_BATCH],
      )) as { purged: number }[];
      const purged = row?.purged ?? 0;
      total += purged;
      if (purged < PURGE_BATCH) return total;
    }
  }

  onApplicationBootstrap(): void {
    // Every process purges now and then; an expired key is ignored anyway, so this only frees
    // space, and two processes purging at once skip each other's rows.
    this.purger = setInterval(
      () =>
        void this.purgeExpired().catch((error: Error) =>
          this.logger.warn(`Purging expired idempotency keys: ${error.message}`),
        ),
      PURGE_INTERVAL_MS,
    );
    this.purger.unref();
  }

  onApplicationShutdown(): void {
    if (this.purger) clearInterval(this.purger);
  }

  private inOrganisation<T>(organisationId: string, work: (manager: EntityManager) => Promise<T>) {
    return this.scoped.transaction({ organisationId }, undefined, work);
  }
}
