import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authentication in one statement (issue 11: "each organisation request uses one transaction
 * instead of the guard's plus the service's"). The access guard used to read the session, then
 * open a transaction of its own to read the caller's membership under row-level security, before
 * the service opened the request's real transaction: four round trips per request for nothing
 * the service could not have waited for.
 *
 * Each function below answers only for the secret it is given: the caller's role in an
 * organisation is found from a live session's token hash, never from a user id, and a key's row
 * from the key's own hash; so bypassing row-level security here shows nobody anything they could
 * not already see with the secret in hand. Both are exactly the statements the API ran before.
 */
export class OneStatementAuthentication1795472000000 implements MigrationInterface {
  name = 'OneStatementAuthentication1795472000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (statement: string) => queryRunner.query(statement);
    // "last seen" is written at most once a minute, or every read would be a write.
    await sql(`
      CREATE FUNCTION authenticate_session(token_hash bpchar, idle_minutes integer, organisation uuid)
      RETURNS TABLE (session_id uuid, user_id uuid, csrf_token text, role text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH seen AS (
          UPDATE sessions s
             SET last_seen_at = CASE WHEN s.last_seen_at < now() - interval '1 minute'
                                     THEN now() ELSE s.last_seen_at END
           WHERE s.token_hash = authenticate_session.token_hash
             AND s.revoked_at IS NULL AND s.expires_at > now()
             AND s.last_seen_at > now() - make_interval(mins => idle_minutes)
          RETURNING s.id, s.user_id, s.csrf_token
        )
        SELECT seen.id, seen.user_id, seen.csrf_token::text,
               (SELECT m.role::text FROM memberships m
                 WHERE m.organisation_id = organisation AND m.user_id = seen.user_id)
          FROM seen
      $$`);
    await sql(`
      CREATE FUNCTION authenticate_api_key(key_hash bpchar)
      RETURNS TABLE (api_key_id uuid, organisation_id uuid, role text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH found AS (
          SELECT k.id, k.organisation_id, k.role, k.last_used_at FROM api_keys k
           WHERE k.key_hash = authenticate_api_key.key_hash
             AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
        ), touched AS (
          -- Only when a minute has passed: concurrent requests with one key never queue on its row.
          UPDATE api_keys k SET last_used_at = now()
            FROM found
           WHERE k.id = found.id
             AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
        )
        SELECT found.id, found.organisation_id, found.role::text FROM found
      $$`);
    for (const signature of [
      'authenticate_session(bpchar, integer, uuid)',
      'authenticate_api_key(bpchar)',
    ]) {
      await sql(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await sql(`GRANT EXECUTE ON FUNCTION ${signature} TO roi_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION authenticate_api_key(bpchar)`);
    await queryRunner.query(`DROP FUNCTION authenticate_session(bpchar, integer, uuid)`);
  }
}
