import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { to as copyTo } from 'pg-copy-streams';
import type { OrganisationContext } from '../../common/access/request-context';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { ledgerFilterSql } from '../ledgers/ledger-filter';
import { organisationClock } from '../organisations/organisation-clock';
import { CSV_COLUMNS, type ImportKind } from './csv-formats';
import type {
  CostExportQueryDto,
  MeasurementExportQueryDto,
  ValueExportQueryDto,
} from './dto/export.dto';

type ExportQuery = CostExportQueryDto & ValueExportQueryDto & MeasurementExportQueryDto;

/**
 * CSV exports in exactly the import formats, so that an export re-imports unchanged. PostgreSQL
 * writes the CSV itself (`COPY (SELECT ...) TO STDOUT`, RFC 4180 quoting) and the rows stream to
 * the response as they come, under the request's row-level security, with backpressure.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('ExportsService');

  constructor(private readonly scoped: ScopedDatabase) {}

  async export(
    context: OrganisationContext,
    kind: ImportKind,
    query: ExportQuery,
    response: Response,
  ): Promise<void> {
    await this.scoped.inOrganisation(context, async (manager) => {
      const client = await transactionClient(manager);
      const { minorUnits } = await organisationClock(manager, context.organisationId);
      const literal = (value: string) => client.escapeLiteral(value);
      const select = exportSelect(kind, context.organisationId, query, minorUnits, literal);
      const rows = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv)`));
      response.status(200);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${kind}.csv"`);
      response.write(`${CSV_COLUMNS[kind].join(',')}\n`);
      try {
        await pipeline(rows, response);
      } catch (error) {
        // The client went away mid-download: nothing to answer any more.
        this.logger.warn(`Export of ${kind} cut short: ${(error as Error).message}`);
        response.destroy();
      }
    });
  }
}

/**
 * The rows of one export. Values go in as escaped literals (COPY takes no parameters); every one
 * was validated by the query DTO first. Amounts carry the currency's digits ("12.50"), unless a
 * stored amount has more; hours, confidence and KPI values are written as stored, without
 * trailing zeros; an empty note or hours is an empty field.
 */
function exportSelect(
  kind: ImportKind,
  organisationId: string,
  query: ExportQuery,
  minorUnits: number,
  literal: (value: string) => string,
): string {
  if (kind === 'kpi-measurements') {
    const conditions = [`e.organisation_id = ${literal(organisationId)}::uuid`];
    if (query.from) conditions.push(`e.date >= ${literal(query.from)}::date`);
    if (query.to) conditions.push(`e.date <= ${literal(query.to)}::date`);
    if (query.kpiId) conditions.push(`e.kpi_id = ${literal(query.kpiId)}::uuid`);
    return `
      SELECT k.code, to_char(e.date, 'YYYY-MM-DD'), e.value::text
        FROM kpi_measurements e JOIN kpis k ON k.id = e.kpi_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY k.code, e.date`;
  }
  const where = ledgerFilterSql(
    kind,
    organisationId,
    query,
    kind === 'costs' ? query.category : query.valueType,
    literal,
  );
  const table = kind === 'costs' ? 'cost_entries' : 'value_entries';
  const typeColumn = kind === 'costs' ? 'category' : 'value_type';
  const seventh = kind === 'costs' ? 'trim_scale(e.hours)::text' : 'trim_scale(e.confidence)::text';
  return `
    SELECT to_char(e.date, 'YYYY-MM-DD'), i.code, c.label, a.label, e.${typeColumn},
           CASE WHEN scale(trim_scale(e.amount)) <= ${minorUnits}
                THEN round(e.amount, ${minorUnits})::text ELSE trim_scale(e.amount)::text END,
           ${seventh}, nullif(e.note, '')
      FROM ${table} e
      JOIN initiatives i ON i.id = e.initiative_id
      JOIN channels c ON c.id = e.channel_id
      JOIN activities a ON a.id = e.activity_id
     WHERE ${where}
     ORDER BY e.date, e.created_at, e.id`;
}

/** The raw `pg` client of the open transaction, for COPY (pg-copy-streams). */
async function transactionClient(manager: EntityManager): Promise<PoolClient> {
  if (!manager.queryRunner) throw new Error('COPY needs a transaction');
  return (await manager.queryRunner.connect()) as PoolClient;
}
