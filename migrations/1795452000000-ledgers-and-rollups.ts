import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 6's money (BRIEF, "Money and ROI"): the cost and value ledgers, the per-organisation
 * vocabularies of channels and activities they are booked against, daily rollups that keep every
 * ROI query proportional to days and groups rather than to ledger rows, and CSV imports with their
 * staging table.
 */
const TENANT_TABLES = ['channels', 'activities', 'cost_entries', 'value_entries', 'imports'];

/**
 * The rollups (by day, and by calendar month) are kept by statement-level triggers over transition tables, so one API write and a
 * million-row `INSERT ... SELECT` of an import both update them in the same transaction, set-based.
 * Each ledger row counts in four rollup dimensions: the organisation, its initiative, its channel
 * and its activity (`key_id` is the organisation's id for the first). A rollup whose entries were
 * all deleted stays with zero counts; readers skip it.
 */
function rollupDelta(table: 'cost_entries' | 'value_entries', rows: string, sign: '+' | '-') {
  const cost = table === 'cost_entries' ? `${sign}amount` : '0';
  const value = table === 'value_entries' ? `${sign}amount` : '0';
  const riskAdjusted = table === 'value_entries' ? `${sign}(amount * confidence)` : '0';
  const costCount = table === 'cost_entries' ? `${sign}1` : '0';
  const valueCount = table === 'value_entries' ? `${sign}1` : '0';
  return `
    SELECT organisation_id, 'organisation' AS dimension, organisation_id AS key_id, date AS day,
           ${cost} AS cost, ${value} AS value, ${riskAdjusted} AS risk_adjusted_value,
           ${costCount} AS cost_entries, ${valueCount} AS value_entries FROM ${rows}
    UNION ALL
    SELECT organisation_id, 'initiative', initiative_id, date, ${cost}, ${value}, ${riskAdjusted},
           ${costCount}, ${valueCount} FROM ${rows}
    UNION ALL
    SELECT organisation_id, 'channel', channel_id, date, ${cost}, ${value}, ${riskAdjusted},
           ${costCount}, ${valueCount} FROM ${rows}
    UNION ALL
    SELECT organisation_id, 'activity', activity_id, date, ${cost}, ${value}, ${riskAdjusted},
           ${costCount}, ${valueCount} FROM ${rows}`;
}

/** What a statement changed in the rollups: the new rows added, the old ones taken away. */
export function rollupDeltas(table: 'cost_entries' | 'value_entries', operation: string): string {
  return operation === 'INSERT'
    ? rollupDelta(table, 'new_rows', '+')
    : operation === 'DELETE'
      ? rollupDelta(table, 'old_rows', '-')
      : `${rollupDelta(table, 'new_rows', '+')} UNION ALL ${rollupDelta(table, 'old_rows', '-')}`;
}

export function rollupFunction(table: 'cost_entries' | 'value_entries', operation: string): string {
  const deltas = rollupDeltas(table, operation);
  // Sorted so that concurrent writers lock rollup rows in one order and never deadlock.
  const upsert = (target: string, bucket: string, bucketColumn: string) => `
      INSERT INTO ${target} AS r
        (organisation_id, dimension, key_id, ${bucketColumn}, cost, value, risk_adjusted_value,
         cost_entries, value_entries)
      SELECT organisation_id, dimension, key_id, ${bucket}, sum(cost), sum(value),
             sum(risk_adjusted_value), sum(cost_entries), sum(value_entries)
        FROM (${deltas}) AS delta
       GROUP BY organisation_id, dimension, key_id, ${bucket}
       ORDER BY organisation_id, dimension, ${bucket}, key_id
      ON CONFLICT (organisation_id, dimension, ${bucketColumn}, key_id) DO UPDATE SET
        cost = r.cost + excluded.cost,
        value = r.value + excluded.value,
        risk_adjusted_value = r.risk_adjusted_value + excluded.risk_adjusted_value,
        cost_entries = r.cost_entries + excluded.cost_entries,
        value_entries = r.value_entries + excluded.value_entries;`;
  return `
    CREATE FUNCTION ${table}_rollup_${operation.toLowerCase()}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      ${upsert('ledger_rollups', 'day', 'day')}
      ${upsert('ledger_monthly_rollups', "date_trunc('month', day)::date", 'month')}
      RETURN NULL;
    END $$`;
}

export class LedgersAndRollups1795452000000 implements MigrationInterface {
  name = 'LedgersAndRollups1795452000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    const tenant = `organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE`;
    const stamps = `
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()`;

    // "Matched case-insensitively after trimming; a new label keeps its first spelling."
    for (const vocabulary of ['channels', 'activities']) {
      await sql(`
        CREATE TABLE ${vocabulary} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          ${tenant},
          label varchar(64) NOT NULL CHECK (length(btrim(label)) > 0 AND label = btrim(label)),
          match_key varchar(64) GENERATED ALWAYS AS (lower(label)) STORED,
          ${stamps},
          UNIQUE (organisation_id, match_key)
        )`);
    }

    await sql(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        kind varchar(24) NOT NULL CHECK (kind IN ('costs', 'values', 'kpi-measurements')),
        status varchar(16) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        file_name varchar(255) NOT NULL DEFAULT '',
        file_size bigint NOT NULL DEFAULT 0,
        -- SHA-256 of the file's bytes: the same file imported twice needs a confirmation.
        content_hash char(64) NOT NULL,
        confirmed_duplicate boolean NOT NULL DEFAULT false,
        rows_total integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        -- The first 1,000 bad rows: [{row, column, reason}].
        errors jsonb NOT NULL DEFAULT '[]',
        -- Why a job failed as a whole (not a bad row): e.g. its staged rows were lost.
        failure varchar(2000),
        attempts integer NOT NULL DEFAULT 0,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        started_at timestamptz,
        finished_at timestamptz,
        ${stamps}
      )`);

    const ledgerColumns = `
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${tenant},
        date date NOT NULL,
        initiative_id uuid NOT NULL REFERENCES initiatives (id),
        channel_id uuid NOT NULL REFERENCES channels (id),
        activity_id uuid NOT NULL REFERENCES activities (id),
        -- In the organisation's currency, exact; its minor-unit digits are checked by the API.
        amount numeric(20, 4) NOT NULL CHECK (amount > 0),
        note varchar(2000) NOT NULL DEFAULT '',
        import_id uuid REFERENCES imports (id) ON DELETE SET NULL,
        recorded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,`;
    await sql(`
      CREATE TABLE cost_entries (
        ${ledgerColumns}
        category varchar(16) NOT NULL
          CHECK (category IN ('labour', 'media', 'tools', 'agency', 'other')),
        hours numeric(12, 2) CHECK (hours >= 0),
        ${stamps}
      )`);
    await sql(`
      CREATE TABLE value_entries (
        ${ledgerColumns}
        value_type varchar(16) NOT NULL
          CHECK (value_type IN ('revenue', 'cost_saving', 'retention', 'pipeline', 'other')),
        confidence numeric(5, 4) NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
        ${stamps}
      )`);

    await sql(`
      CREATE TABLE ledger_rollups (
        ${tenant},
        dimension varchar(16) NOT NULL
          CHECK (dimension IN ('organisation', 'initiative', 'channel', 'activity')),
        key_id uuid NOT NULL,
        day date NOT NULL,
        cost numeric NOT NULL DEFAULT 0,
        value numeric NOT NULL DEFAULT 0,
        risk_adjusted_value numeric NOT NULL DEFAULT 0,
        cost_entries integer NOT NULL DEFAULT 0,
        value_entries integer NOT NULL DEFAULT 0,
        PRIMARY KEY (organisation_id, dimension, day, key_id)
      )`);
    // The same sums by calendar month: a year's report reads 12 rows per group instead of 365.
    await sql(`
      CREATE TABLE ledger_monthly_rollups (
        ${tenant},
        dimension varchar(16) NOT NULL
          CHECK (dimension IN ('organisation', 'initiative', 'channel', 'activity')),
        key_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        cost numeric NOT NULL DEFAULT 0,
        value numeric NOT NULL DEFAULT 0,
        risk_adjusted_value numeric NOT NULL DEFAULT 0,
        cost_entries integer NOT NULL DEFAULT 0,
        value_entries integer NOT NULL DEFAULT 0,
        PRIMARY KEY (organisation_id, dimension, month, key_id)
      )`);

    // COPY FROM refuses tables under row-level security, so the staging table has none: the API
    // reaches its rows only by an import id it has just read (under RLS) from `imports`. Unlogged:
    // a crash of PostgreSQL empties it, and the import then fails cleanly instead of half-importing.
    await sql(`
      CREATE UNLOGGED TABLE import_staging (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        -- The data row's number, counting from 1 after the header; its fields as the file held them.
        row_number integer NOT NULL,
        f1 text, f2 text, f3 text, f4 text, f5 text, f6 text, f7 text, f8 text,
        PRIMARY KEY (import_id, row_number)
      )`);
    await sql(`GRANT SELECT, INSERT, DELETE ON import_staging TO roi_app`);

    await sql(`CREATE INDEX cost_entries_list_idx ON cost_entries (organisation_id, date, id)`);
    await sql(`CREATE INDEX cost_entries_initiative_idx ON cost_entries (initiative_id)`);
    await sql(`CREATE INDEX cost_entries_channel_idx ON cost_entries (channel_id)`);
    await sql(`CREATE INDEX cost_entries_activity_idx ON cost_entries (activity_id)`);
    await sql(`CREATE INDEX cost_entries_import_idx ON cost_entries (import_id)`);
    await sql(`CREATE INDEX value_entries_list_idx ON value_entries (organisation_id, date, id)`);
    await sql(`CREATE INDEX value_entries_initiative_idx ON value_entries (initiative_id)`);
    await sql(`CREATE INDEX value_entries_channel_idx ON value_entries (channel_id)`);
    await sql(`CREATE INDEX value_entries_activity_idx ON value_entries (activity_id)`);
    await sql(`CREATE INDEX value_entries_import_idx ON value_entries (import_id)`);
    await sql(`CREATE INDEX imports_list_idx ON imports (organisation_id, created_at DESC, id)`);
    await sql(
      `CREATE INDEX imports_content_hash_idx ON imports (organisation_id, kind, content_hash)`,
    );

    for (const table of ['cost_entries', 'value_entries'] as const) {
      for (const operation of ['INSERT', 'UPDATE', 'DELETE']) {
        await sql(rollupFunction(table, operation));
        const transition =
          operation === 'INSERT'
            ? 'NEW TABLE AS new_rows'
            : operation === 'DELETE'
              ? 'OLD TABLE AS old_rows'
              : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
        await sql(`
          CREATE TRIGGER ${table}_rollup_${operation.toLowerCase()}
          AFTER ${operation} ON ${table} REFERENCING ${transition}
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rollup_${operation.toLowerCase()}()`);
      }
    }

    for (const table of [...TENANT_TABLES, 'ledger_rollups', 'ledger_monthly_rollups']) {
      if (!table.includes('rollups')) {
        await sql(`
          CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
      }
      await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO roi_app`);
      await sql(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await sql(`
        CREATE POLICY ${table}_scoped ON ${table}
        USING (organisation_id = app_organisation_id())
        WITH CHECK (organisation_id = app_organisation_id())`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`DROP TABLE import_staging`);
    await sql(`DROP TABLE ledger_rollups`);
    await sql(`DROP TABLE ledger_monthly_rollups`);
    await sql(`DROP TABLE cost_entries`);
    await sql(`DROP TABLE value_entries`);
    await sql(`DROP TABLE imports`);
    await sql(`DROP TABLE activities`);
    await sql(`DROP TABLE channels`);
    for (const table of ['cost_entries', 'value_entries']) {
      for (const operation of ['insert', 'update', 'delete']) {
        await sql(`DROP FUNCTION ${table}_rollup_${operation}()`);
      }
    }
  }
}
