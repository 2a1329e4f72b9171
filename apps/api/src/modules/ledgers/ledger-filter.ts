import type { LedgerFilterDto } from './dto/ledger-entry.dto';

/** How a value enters SQL: a `$n` parameter for a query, an escaped literal for COPY. */
export type SqlValue = (value: string) => string;

/** Binds values as `$n` parameters, appended to `parameters` in order. */
export function placeholderFor(parameters: unknown[]): SqlValue {
  return (value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
}

const TYPE_COLUMN = { costs: 'category', values: 'value_type' } as const;

/**
 * The conditions of a ledger's list and of its CSV export: the same filters for both, so an
 * export holds exactly what the list shows. Expects the entry as `e`, its channel as `c` and its
 * activity as `a`; `typeValue` is the category (costs) or the value type (values).
 */
export function ledgerFilterSql(
  ledger: 'costs' | 'values',
  organisationId: string,
  query: Pick<LedgerFilterDto, 'from' | 'to' | 'initiativeId' | 'channel' | 'activity'>,
  typeValue: string | undefined,
  value: SqlValue,
): string {
  const conditions = [`e.organisation_id = ${value(organisationId)}::uuid`];
  if (query.from) conditions.push(`e.date >= ${value(query.from)}::date`);
  if (query.to) conditions.push(`e.date <= ${value(query.to)}::date`);
  if (query.initiativeId) conditions.push(`e.initiative_id = ${value(query.initiativeId)}::uuid`);
  if (query.channel) conditions.push(`c.match_key = lower(${value(query.channel)})`);
  if (query.activity) conditions.push(`a.match_key = lower(${value(query.activity)})`);
  if (typeValue) conditions.push(`e.${TYPE_COLUMN[ledger]} = ${value(typeValue)}`);
  return conditions.join(' AND ');
}
