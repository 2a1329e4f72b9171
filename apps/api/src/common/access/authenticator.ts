import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole } from '@roi/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Environment } from '../../config/environment';
import { UnauthenticatedProblem } from '../problem-details/problem';
import { hashToken } from '../security/tokens';
import type { Principal } from './request-context';

export const SESSION_COOKIE = 'roi_session';
export const CSRF_COOKIE = 'csrf_token';

/** Finds who is calling: an API key in the Authorization header, else the session cookie. */
@Injectable()
export class Authenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * One statement, no transaction (see the one-statement-authentication migration). On an
   * organisation route, `organisationId` (a UUID) is the route's: a session's principal then
   * carries the caller's role there, or none when they are not a member.
   */
  async authenticate(request: Request, organisationId?: string): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.apiKey(authorization);
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return token ? this.session(token, organisationId) : undefined;
  }

  private async session(token: string, organisationId?: string): Promise<Principal | undefined> {
    const idleMinutes = this.config.get('SESSION_IDLE_MINUTES', { infer: true });
    const rows: { session_id: string; user_id: string; csrf_token: string; role: string | null }[] =
      await this.dataSource.query(`SELECT * FROM authenticate_session($1, $2, $3)`, [
        hashToken(token),
        idleMinutes,
        organisationId ?? null,
      ]);
    const session = rows[0];
    return session
      ? {
          kind: 'session',
          userId: session.user_id,
          sessionId: session.session_id,
          csrfToken: session.csrf_token,
          membershipRole: isRole(session.role) ? session.role : undefined,
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
    const rows: { api_key_id: string; organisation_id: string; role: string }[] =
      await this.dataSource.query(`SELECT * FROM authenticate_api_key($1)`, [hashToken(match[1])]);
    const key = rows[0];
    if (!key || !isRole(key.role)) {
      throw new UnauthenticatedProblem('This API key is unknown, revoked or expired.');
    }
    return {
      kind: 'api-key',
      apiKeyId: key.api_key_id,
      apiKeyOrganisationId: key.organisation_id,
      apiKeyRole: key.role,
    };
  }
}
