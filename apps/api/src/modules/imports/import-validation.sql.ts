import { DATE_RANGE } from '../../common/validation/input-rules';
import type { ImportKind } from './csv-formats';

/**
 * The set-based checks of staged rows, one pass per chunk of row numbers: every bad field of
 * every row becomes one `{row, column, reason}`, in row order then column order. Parameters:
 * $1 import id, $2 organisation id, $3 first row, $4 last row, $5 how many errors to return
 * (`total` counts them all). Written for PostgreSQL 15 (no pg_input_is_valid): each CASE tests
 * the shape with a pattern before any cast, and CASE evaluates its branches in order.
 */
export function validationQuery(kind: ImportKind, minorUnits: number): string {
  const checks = kind === 'kpi-measurements' ? measurementChecks() : ledgerChecks(kind, minorUnits);
  const reasons = checks.columns.map(([, reason], index) => `${reason} AS r${index + 1}`);
  const names = checks.columns.map((_, index) => `r${index + 1}`).join(', ');
  const unpivot = checks.columns
    .map(([column], index) => `(${index + 1}, '${column}', r${index + 1})`)
    .join(', ');
  // Each row's reasons are worked out once, side by side; only a row with at least one of them
  // is turned into one line per reason, so a good row costs one pass of the checks and no more.
  return `
    WITH staged AS (
      SELECT s.row_number, ${TRIMMED('f1')} AS f1, ${TRIMMED('f2')} AS f2, ${TRIMMED('f3')} AS f3,
             ${TRIMMED('f4')} AS f4, ${TRIMMED('f5')} AS f5, ${TRIMMED('f6')} AS f6,
             ${TRIMMED('f7')} AS f7, s.f8
        FROM import_staging s
       WHERE s.import_id = $1 AND s.row_number BETWEEN $3 AND $4
    ),
    found AS (${checks.from}),
    bad_rows AS (
      SELECT * FROM (SELECT row_number, ${reasons.join(', ')} FROM found OFFSET 0) AS checked
       WHERE num_nonnulls(${names}) > 0
    ),
    bad AS (
      SELECT bad_rows.row_number AS "row", c.ordinal, c.column_name AS "column", c.reason
        FROM bad_rows CROSS JOIN LATERAL (VALUES ${unpivot}) AS c (ordinal, column_name, reason)
       WHERE c.reason IS NOT NULL
    )
    SELECT "row", "column", reason, count(*) OVER () AS total FROM bad
     ORDER BY "row", ordinal LIMIT greatest($5::int, 1)`;
}

/** Trimmed as the API trims labels and codes (JavaScript's trim of the usual white space). */
const TRIMMED = (field: string) => `btrim(s.${field}, E' \\t\\r\\n\\f\\v')`;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not), within DATE_RANGE like any date. */
const dateReason = (field: string) => `
  CASE WHEN ${field} = '' THEN 'is required'
       WHEN ${field} !~ '^\\d{4}-\\d{2}-\\d{2}$' THEN 'must be a date written YYYY-MM-DD'
       WHEN substr(${field}, 1, 4)::int < 1 OR substr(${field}, 6, 2)::int NOT BETWEEN 1 AND 12
         OR substr(${field}, 9, 2)::int < 1
         OR substr(${field}, 9, 2)::int > extract(day FROM make_date(substr(${field}, 1, 4)::int,
              substr(${field}, 6, 2)::int, 1) + interval '1 month - 1 day')
         THEN 'is not a calendar date'
       WHEN ${field} COLLATE "C" NOT BETWEEN '${DATE_RANGE.earliest}' AND '${DATE_RANGE.latest}'
         THEN 'must be a date from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}' END`;

const labelReason = (field: string) => `
  CASE WHEN ${field} = '' THEN 'is required'
       WHEN length(${field}) > 64 THEN 'must be at most 64 characters' END`;

/** "Amounts are exact decimals with at most the currency's minor-unit digits and must be > 0." */
function amountReason(field: string, minorUnits: number) {
  const decimals = minorUnits > 0 ? `(\\.\\d{1,${minorUnits}})?` : '';
  return `
  CASE WHEN ${field} = '' THEN 'is required'
       WHEN ${field} ~ '^\\d+,\\d+$' THEN 'must use "." as the decimal point'
       WHEN ${field} ~ '^-' THEN 'must be greater than 0'
       WHEN ${field} ~ '^\\d{1,16}\\.\\d+$' AND ${field} !~ '^\\d{1,16}${decimals}$'
         THEN 'has more decimals than the currency''s ${minorUnits}'
       WHEN ${field} !~ '^\\d{1,16}(\\.\\d+)?$' THEN 'must be a decimal number such as 1250.50'
       WHEN ${field}::numeric = 0 THEN 'must be greater than 0' END`;
}

function ledgerChecks(kind: 'costs' | 'values', minorUnits: number) {
  const typeColumn = kind === 'costs' ? 'category' : 'value_type';
  const types =
    kind === 'costs'
      ? ['labour', 'media', 'tools', 'agency', 'other']
      : ['revenue', 'cost_saving', 'retention', 'pipeline', 'other'];
  const seventh: [string, string] =
    kind === 'costs'
      ? [
          'hours',
          `CASE WHEN f7 = '' THEN NULL
              WHEN f7 ~ '^-' THEN 'must be 0 or more'
              WHEN f7 ~ '^\\d+,\\d+$' THEN 'must use "." as the decimal point'
              WHEN f7 !~ '^\\d{1,10}(\\.\\d+)?$' THEN 'must be a number of hours such as 7.5'
              WHEN f7 !~ '^\\d{1,10}(\\.\\d{1,2})?$' THEN 'must have at most 2 decimals' END`,
        ]
      : [
          'confidence',
          `CASE WHEN f7 = '' THEN NULL
              WHEN f7 ~ '^\\d+,\\d+$' THEN 'must use "." as the decimal point'
              WHEN f7 !~ '^-?\\d{1,6}(\\.\\d+)?$' THEN 'must be a number from 0 to 1 such as 0.75'
              WHEN f7::numeric < 0 OR f7::numeric > 1 THEN 'must be between 0 and 1'
              WHEN f7 !~ '^\\d(\\.\\d{1,4})?$' THEN 'must have at most 4 decimals' END`,
        ];
  return {
    from: `
      SELECT staged.*, i.id AS initiative_id FROM staged
        LEFT JOIN initiatives i ON i.organisation_id = $2 AND i.code = staged.f2`,
    columns: [
      ['date', dateReason('f1')],
      [
        'initiative',
        `CASE WHEN f2 = '' THEN 'is required'
            WHEN initiative_id IS NULL THEN 'is not the code of an initiative of this organisation' END`,
      ],
      ['channel', labelReason('f3')],
      ['activity', labelReason('f4')],
      [
        typeColumn,
        `CASE WHEN f5 = '' THEN 'is required'
            WHEN lower(f5) NOT IN (${types.map((type) => `'${type}'`).join(', ')})
            THEN 'must be one of ${types.join(', ')}' END`,
      ],
      ['amount', amountReason('f6', minorUnits)],
      seventh,
      ['note', `CASE WHEN length(f8) > 2000 THEN 'must be at most 2000 characters' END`],
    ] satisfies [string, string][],
  };
}

function measurementChecks() {
  return {
    from: `
      SELECT staged.*, k.id AS kpi_id, COALESCE(twice.rows, 1) AS same_day_rows,
             EXISTS (SELECT 1 FROM kpi_measurements m
                      WHERE m.kpi_id = k.id AND m.date::text = staged.f2) AS already_stored
        FROM staged
        LEFT JOIN kpis k ON k.organisation_id = $2 AND k.code = staged.f1
        -- Over the whole file, not only this chunk: the same KPI and day twice is a bad row.
        LEFT JOIN (SELECT ${TRIMMED('f1')} AS kpi, ${TRIMMED('f2')} AS day, count(*) AS rows
                     FROM import_staging s WHERE s.import_id = $1
                    GROUP BY 1, 2 HAVING count(*) > 1) AS twice
          ON twice.kpi = staged.f1 AND twice.day = staged.f2`,
    columns: [
      [
        'kpi',
        `CASE WHEN f1 = '' THEN 'is required'
            WHEN kpi_id IS NULL THEN 'is not the code of a KPI of this organisation' END`,
      ],
      [
        'date',
        `COALESCE(${dateReason('f2')},
            CASE WHEN kpi_id IS NOT NULL AND already_stored
                   THEN 'already has a measurement of this KPI'
                 WHEN kpi_id IS NOT NULL AND same_day_rows > 1
                   THEN 'has another row of this file for the same KPI' END)`,
      ],
      [
        'value',
        `CASE WHEN f3 = '' THEN 'is required'
            WHEN f3 ~ '^-?\\d+,\\d+$' THEN 'must use "." as the decimal point'
            WHEN f3 !~ '^-?\\d{1,30}(\\.\\d{1,30})?$' THEN 'must be a number such as 64.2' END`,
      ],
    ] satisfies [string, string][],
  };
}
