import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupDeltas, rollupFunction } from './1795452000000-ledgers-and-rollups';

const TABLES = ['cost_entries', 'value_entries'] as const;
const OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'] as const;
const SUMS = ['cost', 'value', 'risk_adjusted_value', 'cost_entries', 'value_entries'];

/**
 * The rollup triggers group a statement's rows by day once and add the months up from those
 * days, instead of grouping all the rows twice (by day, then by month). A million-row import
 * touches some hundred thousand (day, key) groups but has millions of delta rows (four per
 * ledger row): the second pass over the delta rows was a third of the trigger's time.
 */
function groupedOnceFunction(
  table: (typeof TABLES)[number],
  operation: (typeof OPERATIONS)[number],
): string {
  const deltas = rollupDeltas(table, operation);
  const sums = (from: string) => SUMS.map((sum) => `sum(${from}${sum}) AS ${sum}`).join(', ');
  const addUp = SUMS.map((sum) => `${sum} = r.${sum} + excluded.${sum}`).join(', ');
  // Both upserts sorted as before, so concurrent writers lock rollup rows in one order.
  return `
    CREATE OR REPLACE FUNCTION ${table}_rollup_${operation.toLowerCase()}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      WITH daily AS MATERIALIZED (
        SELECT organisation_id, dimension, key_id, day, ${sums('')}
          FROM (${deltas}) AS delta
         GROUP BY organisation_id, dimension, key_id, day
      ),
      days AS (
        INSERT INTO ledger_rollups AS r
          (organisation_id, dimension, key_id, day, ${SUMS.join(', ')})
        SELECT organisation_id, dimension, key_id, day, ${SUMS.join(', ')} FROM daily
         ORDER BY organisation_id, dimension, day, key_id
        ON CONFLICT (organisation_id, dimension, day, key_id) DO UPDATE SET ${addUp}
      )
      INSERT INTO ledger_monthly_rollups AS r
        (organisation_id, dimension, key_id, month, ${SUMS.join(', ')})
      SELECT organisation_id, dimension, key_id, date_trunc('month', day)::date, ${sums('daily.')}
        FROM daily
       GROUP BY organisation_id, dimension, key_id, date_trunc('month', day)::date
       ORDER BY organisation_id, dimension, date_trunc('month', day)::date, key_id
      ON CONFLICT (organisation_id, dimension, month, key_id) DO UPDATE SET ${addUp};
      RETURN NULL;
    END $$`;
}

export class RollupsGroupedOnce1795480000000 implements MigrationInterface {
  name = 'RollupsGroupedOnce1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(groupedOnceFunction(table, operation));
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const operation of OPERATIONS) {
        await queryRunner.query(
          rollupFunction(table, operation).replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'),
        );
      }
    }
  }
}
