import type { ImportKind, Permission } from '@roi/domain';

export { CSV_COLUMNS, IMPORT_KINDS, type ImportKind, isImportKind } from '@roi/domain';

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

export interface RowError {
  row: number;
  column: string;
  reason: string;
}
