/**
 * The three CSV formats of the ledgers and KPI measurements (issue 12): a header row, then one
 * row per entry, `,` separated, RFC 4180 quoting, UTF-8 with or without a BOM, `.` as the decimal
 * point, ISO dates. Imports check files against these headers and exports write them, so an
 * export re-imports unchanged; the web app's import wizard previews a file against them too.
 */
export const IMPORT_KINDS = ['costs', 'values', 'kpi-measurements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const CSV_COLUMNS: Readonly<Record<ImportKind, readonly string[]>> = {
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

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}
