import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Role } from '@roi/domain';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import {
  ForbiddenProblem,
  NotFoundProblem,
  UnauthenticatedProblem,
} from '../problem-details/problem';
import { originOf } from '../http/origin';
import { sameSecret } from '../security/tokens';
import { ACCESS_RULE, type AccessRule } from './access-rule.decorator';
import { Authenticator, CSRF_COOKIE } from './authenticator';
import type { Principal, RequestContext } from './request-context';

type ContextualRequest = Request & { id?: string; context?: RequestContext };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place that decides whether a request may go on: who is calling, whether a cookie-borne
 * write is genuine (CSRF), and for organisation routes whether the caller belongs to `:orgId`
 * with a role that has the route's permission. Another organisation's id answers 404, exactly
 * like one that does not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    const request = execution.switchToHttp().getRequest<ContextualRequest>();
    const context: RequestContext = { requestId: request.id ? String(request.id) : undefined };
    request.context = context;
    // RouteTable refuses to start with an undeclared route; this only guards against a bug there.
    if (!rule) throw new ForbiddenProblem('This route declares no access rule.');

    const writes = !SAFE_METHODS.has(request.method);
    if (writes) refuseForeignOrigin(request);
    const routeOrganisation = rule.kind === 'permission' ? request.params.orgId : undefined;
    if (rule.kind === 'permission' && typeof routeOrganisation !== 'string') {
      throw new Error(`${request.path}: a permission rule needs :orgId in the route's path`);
    }
    const organisationId =
      typeof routeOrganisation === 'string' && isUUID(routeOrganisation)
        ? routeOrganisation
        : undefined;
    // On an organisation route the caller's role there comes with the session, in one statement.
    const principal = await this.authenticator.authenticate(request, organisationId);
    context.principal = principal;
    // A public route does not act on the session's authority (sign-in works with a stale one).
    if (rule.kind === 'public') return true;
    if (principal?.kind === 'session' && writes) checkCsrfToken(request, principal);
    if (!principal) throw new UnauthenticatedProblem();
    if (rule.kind === 'signed-in') {
      if (principal.kind === 'api-key') {
        throw new ForbiddenProblem('API keys act within their organisation only.');
      }
      return true;
    }

    const role = organisationId ? roleIn(organisationId, principal) : undefined;
    if (!organisationId || !role) {
      throw new NotFoundProblem('organisation', String(routeOrganisation));
    }
    if (rule.peopleOnly && principal.kind === 'api-key') {
      throw new ForbiddenProblem('Only a person can do this, not an API key.');
    }
    if (!can(role, rule.permission)) {
      throw new ForbiddenProblem(`Your role (${role}) does not allow this (${rule.permission}).`);
    }
    context.organisationId = organisationId;
    context.role = role;
    return true;
  }
}

/** The caller's role in the organisation: an API key's own, or the session's membership. */
function roleIn(organisationId: string, principal: Principal): Role | undefined {
  if (principal.kind === 'api-key') {
    return principal.apiKeyOrganisationId === organisationId ? principal.apiKeyRole : undefined;
  }
  return principal.membershipRole;
}

/**
 * Browsers say where a request comes from; a write from another site is refused whatever it
 * carries. (Clients that are not browsers send neither header and are judged by their key.)
 */
function refuseForeignOrigin(request: Request): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new ForbiddenProblem('Requests from other sites are refused.');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== originOf(request)) {
    throw new ForbiddenProblem('Requests from other sites are refused.');
  }
}

/** A write authenticated by cookie must echo the csrf_token cookie in X-CSRF-Token. */
function checkCsrfToken(request: Request, principal: Principal): void {
  const header = request.headers['x-csrf-token'];
  const cookie = (request.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE];
  if (
    typeof header !== 'string' ||
    typeof cookie !== 'string' ||
    !principal.csrfToken ||
    !sameSecret(header, cookie) ||
    !sameSecret(cookie, principal.csrfToken)
  ) {
    throw new ForbiddenProblem(
      'Missing or wrong X-CSRF-Token: send the value of the csrf_token cookie with every change.',
    );
  }
}
