import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys (issue 11: "every POST that creates a record takes an Idempotency-Key
 * header"; draft-ietf-httpapi-idempotency-key-header). One row per organisation, caller and key:
 * the request that holds it (`claim`, a fencing token), whether its create has committed, and
 * once it is done the answer to replay. Rows are kept 24 hours; an expired row is ignored (a new
 * request with the same key takes it over) and purged by `purge_expired_idempotency_keys()`.
 */
export class IdempotencyKeys1795464000000 implements MigrationInterface {
  name = 'IdempotencyKeys1795464000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    await sql(`
      CREATE TABLE idempotency_keys (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        -- The user's or the API key's id: a key belongs to whoever sent it.
        principal uuid NOT NULL,
        key varchar(255) NOT NULL CHECK (key ~ '^[ -~]{1,255}$'),
        method varchar(10) NOT NULL,
        path text NOT NULL,
        -- SHA-256 of the canonical request; null until a streamed (multipart) body has been read.
        request_hash char(64),
        status varchar(16) NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'done')),
        -- Changes whenever another request takes the key over: the create of a request whose
        -- claim is no longer the row's is rolled back.
        claim uuid NOT NULL,
        -- A request in progress past this is taken for dead (its process stopped).
        locked_until timestamptz NOT NULL,
        -- Set in the create's own transaction, just before it commits.
        committed_at timestamptz,
        response_status smallint,
        response_content_type varchar(100),
        -- json, not jsonb: a replay sends back the very bytes of the first answer.
        response_body json,
        -- An answer that shows a secret once (an API key, a link's token) is never kept.
        answer_withheld boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, principal, key),
        CHECK ((status = 'done') = (response_status IS NOT NULL)),
        CHECK (NOT answer_withheld OR response_body IS NULL)
      )`);
    await sql(`CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at)`);
    await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO roi_app`);
    await sql(`ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY`);
    await sql(`
      CREATE POLICY idempotency_keys_scoped ON idempotency_keys
      USING (organisation_id = app_organisation_id())
      WITH CHECK (organisation_id = app_organisation_id())`);

    // The purge works for no organisation in particular and under row-level security would see
    // none: this function deletes expired keys, a batch at a time, and can do nothing else.
    await sql(`
      CREATE FUNCTION purge_expired_idempotency_keys(batch integer) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH expired AS (
          SELECT organisation_id, principal, key FROM idempotency_keys
           WHERE expires_at <= now()
           LIMIT least(greatest(batch, 1), 10000)
           FOR UPDATE SKIP LOCKED
        ), deleted AS (
          DELETE FROM idempotency_keys k USING expired e
           WHERE (k.organisation_id, k.principal, k.key) = (e.organisation_id, e.principal, e.key)
          RETURNING 1
        )
        SELECT count(*)::integer FROM deleted
      $$`);
    await sql(`REVOKE ALL ON FUNCTION purge_expired_idempotency_keys(integer) FROM PUBLIC`);
    await sql(`GRANT EXECUTE ON FUNCTION purge_expired_idempotency_keys(integer) TO roi_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION purge_expired_idempotency_keys(integer)`);
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
