import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { findCurrency } from '@roi/domain';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { JOBS_SCHEMA, JobQueue } from '../../common/jobs/job-queue';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import { type ImportKind, MAX_STORED_ERRORS, type RowError } from './csv-formats';
import { rowsInsert, vocabularyInsert } from './import-insert.sql';
import { validationQuery } from './import-validation.sql';

export const IMPORT_QUEUE = 'imports';
/** The first run and two more: a job whose process died is run again, then failed cleanly. */
export const MAX_IMPORT_ATTEMPTS = 3;
/** Rows validated per statement: the progress moves between chunks. */
export const IMPORT_CHUNK_ROWS = 50_000;
/**
 * Validation chunks checked at once, each in its own read-only transaction on its own
 * connection: a chunk is one CPU-bound statement in PostgreSQL while the API only waits, so a
 * second one uses the database's second core (10.2 s for 1,000,000 rows one at a time).
 */
export const IMPORT_VALIDATION_PARALLEL = 2;
/**
 * Rows inserted per statement. Larger than a validation chunk because each insert statement
 * also upserts the rollups of every (day, initiative, channel, activity) its rows touch, and
 * the chunks of one file mostly touch the same ones: fewer statements, fewer rollup updates.
 */
export const IMPORT_INSERT_CHUNK_ROWS = 250_000;

/**
 * Hash joins for the statements that join the staged rows with the initiatives and with the
 * vocabularies (channels, activities): those were just written and have no statistics yet, so
 * the planner takes each for one row and chooses nested loops that scan one side once per row
 * of the other (seconds per 50,000 rows instead of milliseconds). Transaction-local.
 */
const HASH_JOINS_ONLY = `SELECT set_config('enable_nestloop', 'off', true)`;

/**
 * Transaction-local settings of every statement over the staged rows.
 * - No JIT: with nested loops off, the validation's one nested loop (a row's reasons unpivoted)
 *   costs 10^10 in the planner's eyes, far above jit_above_cost, so each chunk was compiled with
 *   inlining and optimisation: 0.65 s of 2 s per 50,000 rows, for a plan that runs once.
 * - work_mem for the sort of an insert chunk and the rollup trigger's grouping of it (250,000
 *   rows, four rollup deltas each), which spilled to disk at the default 4 MB. It bounds one
 *   sort or hash table in the database, not the API's memory.
 */
const IMPORT_SETTINGS = `SELECT set_config('jit', 'off', true), set_config('work_mem', '128MB', true)`;

export interface ImportJob {
  importId: string;
  organisationId: string;
  apiKeyId?: string;
}

interface Claimed {
  kind: ImportKind;
  attempts: number;
  rows_total: number;
  error_count: number;
  errors: RowError[];
  created_by_user_id: string | null;
  currency: string;
}

/**
 * Runs import jobs: validates every staged row in set-based SQL, then imports them all in one
 * transaction, or none. Durable: the job lives in pg-boss; a job whose process died stays
 * active until it expires (IMPORT_JOB_TIMEOUT_SECONDS), then pg-boss retries it and any process
 * takes it. A run is idempotent because the import's status says whether it already finished,
 * and two runs of one import never overlap (a session advisory lock, held by a live process's
 * connection only). A sweep re-enqueues an import left queued or running with no live job (its
 * enqueue lost, or its retries spent), or fails it after its last attempt.
 */
@Injectable()
export class ImportJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportJobRunner');
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueue,
    private readonly scoped: ScopedDatabase,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const timeout = this.config.get('IMPORT_JOB_TIMEOUT_SECONDS', { infer: true });
    await this.jobs.ready({
      name: IMPORT_QUEUE,
      expireInSeconds: timeout,
      retryLimit: MAX_IMPORT_ATTEMPTS - 1,
      retryDelaySeconds: 1,
    });
    if (this.config.get('JOB_WORKERS', { infer: true }) === 'off') return;
    await this.jobs.work<ImportJob>(IMPORT_QUEUE, (job) => this.run(job));
    this.sweeper = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.error(`Sweep: ${error.message}`)),
      Math.min(60, timeout) * 1000,
    );
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** One run of a job; throws (for pg-boss to retry) only when a later attempt may succeed. */
  async run(job: ImportJob): Promise<void> {
    // A session lock needs a session of its own: on a pooled connection in transaction mode the
    // unlock could reach another server connection and leave the lock held there for good.
    const lock = new Client({
      connectionString: this.config.get('DATABASE_DIRECT_URL', { infer: true }),
      application_name: 'roi-import-lock',
    });
    // A lost connection (the database restarting) ends the lock with it; the run goes on.
    lock.on('error', (error) => this.logger.warn(`Import lock connection: ${error.message}`));
    await lock.connect();
    try {
      const [held] = (
        await lock.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok`,
          [`import:${job.importId}`],
        )
      ).rows;
      // Another live process is running this import: it will finish it.
      if (!held?.ok) return;
      try {
        await this.attempt(job);
      } finally {
        await lock
          .query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`import:${job.importId}`])
          .catch(() => undefined);
      }
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  private async attempt(job: ImportJob): Promise<void> {
    const claimed = await this.inImport(job, async (manager) => {
      const rows = (await manager.query(
        `UPDATE imports i SET status = 'running', attempts = i.attempts + 1, started_at = now(),
                progress = 0, version = i.version + 1
           FROM organisations o
          WHERE i.id = $1 AND i.organisation_id = $2 AND o.id = i.organisation_id
            AND i.status IN ('queued', 'running')
          RETURNING i.kind, i.attempts, i.rows_total, i.error_count, i.errors,
                    i.created_by_user_id, o.currency`,
        [job.importId, job.organisationId],
      )) as [Claimed[], number];
      return rows[0][0];
    });
    // Already succeeded or failed (a retry after the run that finished it): nothing to do.
    if (!claimed) return;
    if (claimed.attempts > MAX_IMPORT_ATTEMPTS) {
      await this.fail(
        job,
        `The import was interrupted ${MAX_IMPORT_ATTEMPTS} times; upload the file again.`,
      );
      return;
    }
    try {
      await this.validateAndImport(job, claimed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Import ${job.importId}, attempt ${claimed.attempts}: ${message}`);
      if (claimed.attempts >= MAX_IMPORT_ATTEMPTS) {
        await this.fail(job, 'The import could not be completed; upload the file again.');
        return;
      }
      throw error;
    }
  }

  private async validateAndImport(job: ImportJob, claimed: Claimed): Promise<void> {
    const staged = await this.inImport(job, async (manager) => {
      const [row] = (await manager.query(
        `SELECT count(*)::int AS n FROM import_staging WHERE import_id = $1`,
        [job.importId],
      )) as { n: number }[];
      return row?.n ?? 0;
    });
    // An unlogged table is emptied by a crash of PostgreSQL: never import part of a file.
    if (staged !== claimed.rows_total - claimed.error_count) {
      await this.fail(
        job,
        'The uploaded rows were lost (the database restarted); upload the file again.',
      );
      return;
    }
    await this.analyzeStaging(job);
    const minorUnits = findCurrency(claimed.currency)?.minorUnits ?? 2;
    const sql = validationQuery(claimed.kind, minorUnits);
    const found: RowError[] = [];
    let total = 0;
    const last = Math.max(claimed.rows_total, 1);
    const firsts: number[] = [];
    for (let first = 1; first <= claimed.rows_total; first += IMPORT_CHUNK_ROWS) firsts.push(first);
    for (let index = 0; index < firsts.length; index += IMPORT_VALIDATION_PARALLEL) {
      const batch = firsts.slice(index, index + IMPORT_VALIDATION_PARALLEL);
      const wanted = MAX_STORED_ERRORS - found.length;
      const results = await Promise.all(
        batch.map(
          (first) =>
            this.inImport(job, async (manager) => {
              await manager.query(IMPORT_SETTINGS);
              await manager.query(HASH_JOINS_ONLY);
              return manager.query(sql, [
                job.importId,
                job.organisationId,
                first,
                first + IMPORT_CHUNK_ROWS - 1,
                wanted,
              ]);
            }) as Promise<(RowError & { total: string })[]>,
        ),
      );
      // In chunk order, so the errors kept are the first ones by row, then by column.
      for (const rows of results) {
        if (rows[0]) total += Number(rows[0].total);
        for (const { row, column, reason } of rows) {
          if (found.length < MAX_STORED_ERRORS) found.push({ row, column, reason });
        }
      }
      const end = (batch.at(-1) ?? 1) + IMPORT_CHUNK_ROWS - 1;
      await this.progress(job, Math.floor((50 * Math.min(end, last)) / last));
    }
    if (total + claimed.error_count > 0) {
      const errors = [...claimed.errors, ...found]
        .sort((a, b) => a.row - b.row)
        .slice(0, MAX_STORED_ERRORS);
      await this.inImport(job, async (manager) => {
        await manager.query(
          `UPDATE imports SET status = 'failed', errors = $2, error_count = $3, progress = 100,
                  finished_at = now(), version = version + 1
            WHERE id = $1`,
          [job.importId, JSON.stringify(errors), total + claimed.error_count],
        );
        await manager.query(`DELETE FROM import_staging WHERE import_id = $1`, [job.importId]);
      });
      return;
    }
    await this.insertAll(job, claimed);
  }

  /** Every row in one transaction, with its audit row: all of the file, or none of it. */
  private async insertAll(job: ImportJob, claimed: Claimed): Promise<void> {
    const userId = claimed.created_by_user_id;
    await this.scoped.transaction(
      { organisationId: job.organisationId, userId: userId ?? undefined },
      undefined,
      async (manager) => {
        await manager.query(IMPORT_SETTINGS);
        if (claimed.kind !== 'kpi-measurements') {
          await manager.query(vocabularyInsert('channels'), [job.importId, job.organisationId]);
          await manager.query(vocabularyInsert('activities'), [job.importId, job.organisationId]);
        }
        await manager.query(HASH_JOINS_ONLY);
        const sql = rowsInsert(claimed.kind);
        let inserted = 0;
        const last = Math.max(claimed.rows_total, 1);
        for (let first = 1; first <= claimed.rows_total; first += IMPORT_INSERT_CHUNK_ROWS) {
          const end = first + IMPORT_INSERT_CHUNK_ROWS - 1;
          const [result] = (await manager.query(
            `WITH inserted AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM inserted`,
            [job.importId, job.organisationId, userId, first, end],
          )) as { n: number }[];
          inserted += result?.n ?? 0;
          // Its own transaction, so a reader sees it while this one is still open.
          await this.progress(job, 50 + Math.floor((49 * Math.min(end, last)) / last));
        }
        await manager.query(
          `INSERT INTO audit_log (organisation_id, actor_user_id, actor_api_key_id, entity_type, entity_id, action, changes)
           SELECT organisation_id, $2, $3, 'import', id, 'create',
                  jsonb_build_object('kind', jsonb_build_object('before', null, 'after', kind),
                                     'fileName', jsonb_build_object('before', null, 'after', file_name),
                                     'contentHash', jsonb_build_object('before', null, 'after', content_hash),
                                     'rowsImported', jsonb_build_object('before', null, 'after', $4::int))
             FROM imports WHERE id = $1`,
          [job.importId, userId, job.apiKeyId ?? null, inserted],
        );
        await manager.query(
          `UPDATE imports SET status = 'succeeded', rows_imported = $2, progress = 100,
                  finished_at = now(), failure = NULL, version = version + 1
            WHERE id = $1`,
          [job.importId, inserted],
        );
        await manager.query(`DELETE FROM import_staging WHERE import_id = $1`, [job.importId]);
      },
    );
  }

  /**
   * Statistics of the staging table, which the upload has just filled: without them the planner
   * takes an import's rows for a handful and plans the validation and insert joins for that.
   * ANALYZE needs the table's owner, pg-boss's connection; it only reads a sample (30,000 rows).
   * Should it fail, the import goes on with the statistics there are.
   */
  private async analyzeStaging(job: ImportJob): Promise<void> {
    await this.jobs
      .query('ANALYZE import_staging')
      .catch((error: Error) =>
        this.logger.warn(`Import ${job.importId}: ANALYZE import_staging (${error.message})`),
      );
  }

  private progress(job: ImportJob, progress: number): Promise<unknown> {
    return this.inImport(job, (manager) =>
      manager.query(`UPDATE imports SET progress = $2 WHERE id = $1 AND status = 'running'`, [
        job.importId,
        progress,
      ]),
    );
  }

  private async fail(job: ImportJob, failure: string): Promise<void> {
    await this.inImport(job, async (manager) => {
      await manager.query(
        `UPDATE imports SET status = 'failed', failure = $2, progress = 100, finished_at = now(),
                version = version + 1
          WHERE id = $1 AND status IN ('queued', 'running')`,
        [job.importId, failure],
      );
      await manager.query(`DELETE FROM import_staging WHERE import_id = $1`, [job.importId]);
    });
  }

  private inImport<T>(job: ImportJob, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.scoped.transaction({ organisationId: job.organisationId }, undefined, work);
  }

  /**
   * Imports queued or running with no live job (created, retry or active) in pg-boss: their
   * enqueue was lost, or pg-boss spent their retries. Enqueued again, or failed after their last
   * attempt. Reads as the owner (pg-boss's connection), across organisations.
   */
  async sweep(): Promise<void> {
    const orphans = await this.jobs.query<{
      id: string;
      organisation_id: string;
      attempts: number;
    }>(
      `SELECT i.id, i.organisation_id, i.attempts FROM imports i
        WHERE i.status IN ('queued', 'running') AND i.updated_at < now() - interval '10 seconds'
          AND NOT EXISTS (SELECT 1 FROM ${JOBS_SCHEMA}.job j
                           WHERE j.name = $1 AND j.data->>'importId' = i.id::text
                             AND j.state < 'completed')
        LIMIT 100`,
      [IMPORT_QUEUE],
    );
    for (const orphan of orphans) {
      const job: ImportJob = { importId: orphan.id, organisationId: orphan.organisation_id };
      if (orphan.attempts >= MAX_IMPORT_ATTEMPTS) {
        await this.fail(
          job,
          `The import was interrupted ${orphan.attempts} times; upload the file again.`,
        );
      } else {
        await this.jobs.send(IMPORT_QUEUE, job);
      }
    }
  }
}
