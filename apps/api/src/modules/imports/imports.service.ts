import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { can } from '@roi/domain';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { JobQueue } from '../../common/jobs/job-queue';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import {
  ForbiddenProblem,
  NotFoundProblem,
  ProblemException,
} from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import { IMPORT_PERMISSION } from './csv-formats';
import { stageCsvUpload } from './csv-upload';
import type { ImportDto, ImportPageDto, ImportsQueryDto } from './dto/import.dto';
import type { ImportEntity } from './import.entity';
import { IMPORT_QUEUE, type ImportJob } from './import-job.runner';

const COLUMNS = `id, kind, status, progress, file_name, file_size, rows_total, rows_imported,
  error_count, errors, failure, created_by_user_id, created_at, started_at, finished_at`;

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('ImportsService');

  constructor(
    private readonly scoped: ScopedDatabase,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Receives a CSV, stages its rows with COPY and queues the job that validates and imports
   * them. The import row and its staged rows commit together, or not at all.
   */
  async upload(
    context: OrganisationContext,
    request: Request,
  ): Promise<{ id: string; status: 'queued' }> {
    const id = randomUUID();
    const maxBytes = this.config.get('IMPORT_MAX_BYTES', { infer: true });
    await this.scoped.inOrganisation(context, async (manager) => {
      // The staged rows reference the import: it goes first, completed once the file is read.
      await manager.query(
        `INSERT INTO imports (id, organisation_id, kind, content_hash, created_by_user_id)
         VALUES ($1, $2, 'costs', repeat('0', 64), $3)`,
        [id, context.organisationId, context.principal.userId ?? null],
      );
      const client = await transactionClient(manager);
      const staged = await stageCsvUpload(request, client, id, maxBytes);
      const permission = IMPORT_PERMISSION[staged.kind];
      if (!can(context.role, permission)) {
        throw new ForbiddenProblem(`Importing ${staged.kind} needs the ${permission} permission.`);
      }
      if (!staged.confirmDuplicate) {
        const [earlier] = (await manager.query(
          `SELECT id, created_at FROM imports
            WHERE organisation_id = $1 AND kind = $2 AND content_hash = $3 AND status = 'succeeded'
            ORDER BY created_at DESC LIMIT 1`,
          [context.organisationId, staged.kind, staged.contentHash],
        )) as { id: string; created_at: Date }[];
        if (earlier) {
          throw new ProblemException(
            409,
            'This file was imported before',
            `The same file was imported on ${earlier.created_at.toISOString()}; send confirmDuplicate=true to import it again.`,
            '/problems/duplicate-import',
            {
              importId: earlier.id,
              errors: [
                { field: 'confirmDuplicate', reason: 'must be true to import the same file again' },
              ],
            },
          );
        }
      }
      await manager.query(
        `UPDATE imports SET kind = $2, file_name = $3, file_size = $4, content_hash = $5,
                confirmed_duplicate = $6, rows_total = $7, errors = $8, error_count = $9
          WHERE id = $1`,
        [
          id,
          staged.kind,
          staged.fileName,
          staged.fileSize,
          staged.contentHash,
          staged.confirmDuplicate,
          staged.rowsTotal,
          JSON.stringify(staged.shapeErrors),
          staged.shapeErrorCount,
        ],
      );
    });
    const job: ImportJob = {
      importId: id,
      organisationId: context.organisationId,
      apiKeyId: context.principal.apiKeyId,
    };
    // Should this fail, the import stays queued and the sweep of ImportJobRunner enqueues it.
    await this.jobs
      .send(IMPORT_QUEUE, job)
      .catch((error: Error) =>
        this.logger.warn(`Import ${id} not enqueued yet (${error.message}); the sweep will`),
      );
    return { id, status: 'queued' };
  }

  async get(context: OrganisationContext, id: string): Promise<ImportDto> {
    const rows = await this.scoped.inOrganisation(context, (manager) =>
      manager.query(`SELECT ${COLUMNS} FROM imports WHERE organisation_id = $1 AND id = $2`, [
        context.organisationId,
        id,
      ]),
    );
    const row = (rows as ImportRow[])[0];
    if (!row) throw new NotFoundProblem('import', id);
    return toDto(row);
  }

  /** Newest first, keyset-paginated by (created_at, id). */
  async list(context: OrganisationContext, query: ImportsQueryDto): Promise<ImportPageDto> {
    const after = query.cursor ? decodeCursor(query.cursor, ['text', 'uuid']) : undefined;
    const rows = (await this.scoped.inOrganisation(context, (manager) =>
      manager.query(
        `SELECT ${COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_key
           FROM imports
          WHERE organisation_id = $1
            AND ($2::text IS NULL OR (created_at, id) < (($2::timestamp AT TIME ZONE 'UTC'), $3::uuid))
            AND ($4::text IS NULL OR kind = $4)
          ORDER BY created_at DESC, id DESC
          LIMIT $5`,
        [
          context.organisationId,
          after?.[0] ?? null,
          after?.[1] ?? null,
          query.kind ?? null,
          query.limit + 1,
        ],
      ),
    )) as (ImportRow & { sort_key: string })[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
    };
  }
}

interface ImportRow {
  id: string;
  kind: ImportEntity['kind'];
  status: ImportEntity['status'];
  progress: number;
  file_name: string;
  file_size: string;
  rows_total: number;
  rows_imported: number;
  error_count: number;
  errors: ImportEntity['errors'];
  failure: string | null;
  created_by_user_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function toDto(row: ImportRow): ImportDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    rowsTotal: row.rows_total,
    rowsImported: row.rows_imported,
    errorCount: row.error_count,
    errors: row.errors,
    failure: row.failure,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** The raw `pg` client of the open transaction, for COPY (pg-copy-streams). */
async function transactionClient(manager: EntityManager): Promise<PoolClient> {
  if (!manager.queryRunner) throw new Error('COPY needs a transaction');
  return (await manager.queryRunner.connect()) as PoolClient;
}
