import { Injectable } from '@nestjs/common';
import {
  DECIMAL_MONEY_PATTERN,
  exactDecimal,
  isIsoDate,
  ledgerAmountProblem,
  roundHalfAwayFromZero,
  toDecimalString,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { NotFoundProblem, ValidationProblem } from '../../common/problem-details/problem';
import { lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { definedOnly } from '../../common/validation/defined-only';
import { organisationClock } from '../organisations/organisation-clock';
import type {
  CostEntriesQueryDto,
  CostEntryDto,
  CostEntryPageDto,
  CreateCostEntryDto,
  CreateValueEntryDto,
  LedgerFilterDto,
  UpdateCostEntryDto,
  UpdateValueEntryDto,
  ValueEntriesQueryDto,
  ValueEntryDto,
  ValueEntryPageDto,
} from './dto/ledger-entry.dto';
import { CostEntryEntity, ValueEntryEntity } from './ledger.entity';
import { ledgerFilterSql, placeholderFor } from './ledger-filter';
import { labelId } from './vocabularies';

type Ledger = 'costs' | 'values';

/** How each ledger differs; everything else about an entry is shared. */
const LEDGERS = {
  costs: {
    table: 'cost_entries',
    entity: CostEntryEntity,
    label: 'cost entry',
    extraColumns: `e.category, e.hours::text AS hours`,
    typeFilter: { column: 'category', query: 'category' },
  },
  values: {
    table: 'value_entries',
    entity: ValueEntryEntity,
    label: 'value entry',
    extraColumns: `e.value_type, e.confidence::text AS confidence`,
    typeFilter: { column: 'value_type', query: 'valueType' },
  },
} as const;

interface EntryRow {
  id: string;
  date: string;
  initiative_id: string;
  initiative_code: string;
  channel: string;
  activity: string;
  amount: string;
  note: string;
  import_id: string | null;
  version: number;
  category?: CostEntryDto['category'];
  hours?: string | null;
  value_type?: ValueEntryDto['valueType'];
  confidence?: string;
}

/**
 * The cost and value ledgers (BRIEF, "Money and ROI"): one entry at a time. Every write is
 * audited (the entities are @Audited) and keeps the daily rollups right through the ledger
 * tables' triggers, in the same transaction.
 */
@Injectable()
export class LedgerEntriesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  listCosts(context: OrganisationContext, query: CostEntriesQueryDto): Promise<CostEntryPageDto> {
    return this.list(context, 'costs', query, query.category) as Promise<CostEntryPageDto>;
  }

  listValues(
    context: OrganisationContext,
    query: ValueEntriesQueryDto,
  ): Promise<ValueEntryPageDto> {
    return this.list(context, 'values', query, query.valueType) as Promise<ValueEntryPageDto>;
  }

  get(context: OrganisationContext, ledger: Ledger, id: string) {
    return this.scoped.inOrganisation(context, (manager) =>
      readEntry(manager, context, ledger, id),
    );
  }

  createCost(context: OrganisationContext, input: CreateCostEntryDto): Promise<CostEntryDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { minorUnits } = await organisationClock(manager, context.organisationId);
      const references = await resolveReferences(
        manager,
        context.organisationId,
        input,
        minorUnits,
      );
      const entry = manager.create(CostEntryEntity, {
        organisationId: context.organisationId,
        date: input.date,
        ...references,
        amount: input.amount,
        category: input.category,
        hours: input.hours ?? null,
        note: input.note ?? '',
        recordedByUserId: context.principal.userId ?? null,
      });
      const saved = await manager.save(entry);
      return readEntry(manager, context, 'costs', saved.id, minorUnits) as Promise<CostEntryDto>;
    });
  }

  createValue(context: OrganisationContext, input: CreateValueEntryDto): Promise<ValueEntryDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { minorUnits } = await organisationClock(manager, context.organisationId);
      const references = await resolveReferences(
        manager,
        context.organisationId,
        input,
        minorUnits,
      );
      const entry = manager.create(ValueEntryEntity, {
        organisationId: context.organisationId,
        date: input.date,
        ...references,
        amount: input.amount,
        valueType: input.valueType,
        confidence: input.confidence ?? '1',
        note: input.note ?? '',
        recordedByUserId: context.principal.userId ?? null,
      });
      const saved = await manager.save(entry);
      return readEntry(manager, context, 'values', saved.id, minorUnits) as Promise<ValueEntryDto>;
    });
  }

  update(
    context: OrganisationContext,
    ledger: Ledger,
    id: string,
    input: UpdateCostEntryDto | UpdateValueEntryDto,
  ) {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { entity, label } = LEDGERS[ledger];
      const entry = await lockRecord<CostEntryEntity | ValueEntryEntity>(
        manager,
        entity,
        context.organisationId,
        id,
        label,
      );
      await refuseStaleVersion(entry, input.version, label, () =>
        readEntry(manager, context, ledger, id),
      );
      const { minorUnits } = await organisationClock(manager, context.organisationId);
      const { version, channel, activity, initiativeId, amount, ...changes } = input;
      const references = await resolveReferences(
        manager,
        context.organisationId,
        { initiativeId, channel, activity, amount },
        minorUnits,
      );
      Object.assign(entry, definedOnly({ ...changes, ...references, amount }), {
        version: version + 1,
      });
      await manager.save(entry);
      return readEntry(manager, context, ledger, id, minorUnits);
    });
  }

  delete(context: OrganisationContext, ledger: Ledger, id: string): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { entity, label } = LEDGERS[ledger];
      const entry = await lockRecord<CostEntryEntity | ValueEntryEntity>(
        manager,
        entity,
        context.organisationId,
        id,
        label,
      );
      await manager.remove(entry);
    });
  }

  private list(
    context: OrganisationContext,
    ledger: Ledger,
    query: LedgerFilterDto,
    typeValue: string | undefined,
  ): Promise<CostEntryPageDto | ValueEntryPageDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { minorUnits } = await organisationClock(manager, context.organisationId);
      const filterParameters: unknown[] = [];
      const where = ledgerFilterSql(
        ledger,
        context.organisationId,
        query,
        typeValue,
        placeholderFor(filterParameters),
      );
      const sort = query.sort ?? '-date';
      const sortColumn = sort.endsWith('date') ? 'e.date' : 'e.amount';
      const descending = sort.startsWith('-');
      const parameters = [...filterParameters];
      let keyset = '';
      if (query.cursor) {
        const [sortKey, lastId] = decodeCursor(query.cursor, ['text', 'uuid']) as [string, string];
        refuseForgedSortKey(sortColumn, sortKey);
        parameters.push(sortKey, lastId);
        const cast = sortColumn === 'e.date' ? 'date' : 'numeric';
        keyset = ` AND (${sortColumn}, e.id) ${descending ? '<' : '>'} ($${parameters.length - 1}::${cast}, $${parameters.length}::uuid)`;
      }
      const direction = descending ? 'DESC' : 'ASC';
      parameters.push(query.limit + 1);
      const rows = (await manager.query(
        `${selectEntries(ledger)} WHERE ${where}${keyset}
          ORDER BY ${sortColumn} ${direction}, e.id ${direction} LIMIT $${parameters.length}`,
        parameters,
      )) as EntryRow[];
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor([sortColumn === 'e.date' ? last.date : last.amount, last.id])
          : null;
      const [totals] = (await manager.query(
        `SELECT count(*)::int AS count, coalesce(sum(e.amount), 0)::text AS amount
                ${ledger === 'values' ? ', coalesce(sum(e.amount * e.confidence), 0)::text AS risk_adjusted' : ''}
           FROM ${LEDGERS[ledger].table} e
           JOIN channels c ON c.id = e.channel_id
           JOIN activities a ON a.id = e.activity_id
          WHERE ${where}`,
        filterParameters,
      )) as { count: number; amount: string; risk_adjusted?: string }[];
      const money = (value: string) => roundHalfAwayFromZero(exactDecimal(value), minorUnits);
      return {
        items: page.map((row) => toDto(row, minorUnits)),
        nextCursor,
        totals: {
          count: totals?.count ?? 0,
          amount: money(totals?.amount ?? '0'),
          ...(ledger === 'values'
            ? { riskAdjustedAmount: money(totals?.risk_adjusted ?? '0') }
            : {}),
        },
      } as CostEntryPageDto | ValueEntryPageDto;
    });
  }
}

function selectEntries(ledger: Ledger): string {
  return `
    SELECT e.id, e.date::text AS date, e.initiative_id, i.code AS initiative_code,
           c.label AS channel, a.label AS activity, e.amount::text AS amount, e.note,
           e.import_id, e.version, ${LEDGERS[ledger].extraColumns}
      FROM ${LEDGERS[ledger].table} e
      JOIN initiatives i ON i.id = e.initiative_id
      JOIN channels c ON c.id = e.channel_id
      JOIN activities a ON a.id = e.activity_id`;
}

async function readEntry(
  manager: EntityManager,
  context: OrganisationContext,
  ledger: Ledger,
  id: string,
  minorUnits?: number,
): Promise<CostEntryDto | ValueEntryDto> {
  minorUnits ??= (await organisationClock(manager, context.organisationId)).minorUnits;
  const [row] = (await manager.query(
    `${selectEntries(ledger)} WHERE e.organisation_id = $1 AND e.id = $2`,
    [context.organisationId, id],
  )) as EntryRow[];
  if (!row) throw new NotFoundProblem(LEDGERS[ledger].label, id);
  return toDto(row, minorUnits);
}

function toDto(row: EntryRow, minorUnits: number): CostEntryDto | ValueEntryDto {
  const amount = exactDecimal(row.amount);
  const common = {
    id: row.id,
    date: row.date,
    initiativeId: row.initiative_id,
    initiativeCode: row.initiative_code,
    channel: row.channel,
    activity: row.activity,
    amount: roundHalfAwayFromZero(amount, minorUnits),
    note: row.note,
    importId: row.import_id,
    version: row.version,
  };
  if (row.value_type !== undefined) {
    const confidence = exactDecimal(row.confidence ?? '1');
    return {
      ...common,
      valueType: row.value_type,
      // '0.7500' as '0.75', '1.0000' as '1': confidence as a person writes it.
      confidence: toDecimalString(confidence),
      riskAdjustedAmount: roundHalfAwayFromZero(amount.mul(confidence), minorUnits),
    };
  }
  return {
    ...common,
    category: row.category as CostEntryDto['category'],
    hours: row.hours ?? null,
  };
}

/**
 * The initiative must be the organisation's, the amount must fit the organisation's currency, and
 * channel and activity labels resolve to their vocabularies (added on first use).
 */
async function resolveReferences(
  manager: EntityManager,
  organisationId: string,
  input: { initiativeId?: string; channel?: string; activity?: string; amount?: string },
  minorUnits: number,
): Promise<{ initiativeId?: string; channelId?: string; activityId?: string }> {
  const errors: { field: string; reason: string }[] = [];
  if (input.amount !== undefined) {
    const problem = ledgerAmountProblem(input.amount, minorUnits);
    if (problem) errors.push({ field: 'amount', reason: problem });
  }
  if (input.initiativeId !== undefined) {
    const rows = (await manager.query(
      `SELECT 1 FROM initiatives WHERE organisation_id = $1 AND id = $2`,
      [organisationId, input.initiativeId],
    )) as unknown[];
    if (rows.length === 0) {
      errors.push({ field: 'initiativeId', reason: 'is not an initiative of this organisation' });
    }
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
  return {
    ...(input.initiativeId !== undefined ? { initiativeId: input.initiativeId } : {}),
    ...(input.channel !== undefined
      ? { channelId: await labelId(manager, organisationId, 'channels', input.channel) }
      : {}),
    ...(input.activity !== undefined
      ? { activityId: await labelId(manager, organisationId, 'activities', input.activity) }
      : {}),
  };
}

/** A cursor's sort key must be what this API put there: a date, or an amount. */
function refuseForgedSortKey(sortColumn: string, sortKey: string): void {
  const valid = sortColumn === 'e.date' ? isIsoDate(sortKey) : DECIMAL_MONEY_PATTERN.test(sortKey);
  if (!valid) {
    throw new ValidationProblem([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  }
}
