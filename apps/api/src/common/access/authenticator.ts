import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole } from '@roi/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Environment } from '../../config/environment';
import { UnauthenticatedProblem } from '../problem-details/problem';
import { hashToken } from '../security/tokens';
import { setScope } from '../tenancy/scoped-database';
import type { Principal } from './request-context';

export const SESSION_COOKIE = 'roi_session';
export const CSRF_COOKIE = 'csrf_token';

// Writing "last seen" on every request would make every read a write; once a minute is plenty
// for idle expiry measured in hours.
const LAST_SEEN_RESOLUTION = "interval '1 minute'";

/** Finds who is calling: an API key in the Authorization header, else the session cookie. */
@Injectable()
export class Authenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async authenticate(request: Request): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.apiKey(authorization);
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return token ? this.session(token) : undefined;
  }

  private async session(token: string): Promise<Principal | undefined> {
    const idleMinutes = this.config.get('SESSION_IDLE_MINUTES', { infer: true });
    const rows: { id: string; user_id: string; csrf_token: string }[] = await this.dataSource.query(
      // A CTE so the driver answers rows, as for a SELECT (a bare UPDATE answers [rows, count]).
      `WITH seen AS (
         UPDATE sessions
            SET last_seen_at = CASE WHEN last_seen_at < now() - ${LAST_SEEN_RESOLUTION}
                                    THEN now() ELSE last_seen_at END
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
            AND last_seen_at > now() - make_interval(mins => $2::int)
          RETURNING id, user_id, csrf_token)
       SELECT * FROM seen`,
      [hashToken(token), idleMinutes],
    );
    const session = rows[0];
    return session
      ? {
          kind: 'session',
          userId: session.user_id,
          sessionId: session.id,
          csrfToken: session.csrf_token,
        }
      : undefined;
  }

  /**
   * A presented key that is unknown, revoked or expired is refused outright (401), never treated
   * as "signed out": a script must learn at once that its key no longer works.
   */
  private async apiKey(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      throw new UnauthenticatedProblem('Send an API key as "Authorization: Bearer <key>".');
    const keyHash = hashToken(match[1]);
    const key = await this.dataSource.transaction(async (manager) => {
      await setScope(manager, { apiKeyHash: keyHash });
      const rows: { id: string; organisation_id: string; role: string }[] = await manager.query(
        `SELECT id, organisation_id, role FROM api_keys
          WHERE key_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [keyHash],
      );
      const found = rows[0];
      if (found) {
        await setScope(manager, { organisationId: found.organisation_id, apiKeyHash: keyHash });
        await manager.query(
          `UPDATE api_keys SET last_used_at = now()
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_SEEN_RESOLUTION})`,
          [found.id],
        );
      }
      return found;
    });
    if (!key || !isRole(key.role)) {
      throw new UnauthenticatedProblem('This API key is unknown, revoked or expired.');
    }
    return {
      kind: 'api-key',
      apiKeyId: key.id,
      apiKeyOrganisationId: key.organisation_id,
      apiKeyRole: key.role,
    };
  }
}
