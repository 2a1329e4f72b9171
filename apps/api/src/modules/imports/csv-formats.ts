import type { Permission } from '@roi/domain';

/**
 * The three CSV formats of issue 12, shared by imports and exports so that an export re-imports
 * unchanged: a header row, then one row per entry, `,` separated, RFC 4180 quoting, UTF-8.
 */
export const IMPORT_KINDS = ['costs', 'values', 'kpi-measurements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const CSV_COLUMNS: Record<ImportKind, readonly string[]> = {
  costs: ['date', 'initiative', 'channel', 'activity', 'category', 'amount', 'hours', 'note'],
  values: [
    'date',
    'initiative',
    'channel',
    'activity',
    'value_type',
    'amount',
    'confidence',
    'note',
  ],
  'kpi-measurements': ['kpi', 'date', 'value'],
};

/** Who may import each kind: money goes in the ledgers, measurements are execution. */
export const IMPORT_PERMISSION: Record<ImportKind, Permission> = {
  costs: 'ledgers.record',
  values: 'ledgers.record',
  'kpi-measurements': 'execution.update',
};

/** Bounds that keep a hostile file from costing memory: every refusal names one of them. */
export const MAX_FIELD_CHARACTERS = 10_000;
export const MAX_COLUMNS = 64;
/** The stored errors of a failed import (its error count is the total). */
export const MAX_STORED_ERRORS = 1_000;

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}
