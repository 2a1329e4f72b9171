import type { Role } from '@roi/domain';

/** Who is calling: a signed-in person (through a session) or a system (through an API key). */
export interface Principal {
  kind: 'session' | 'api-key';
  userId?: string;
  sessionId?: string;
  csrfToken?: string;
  apiKeyId?: string;
  /** For an API key: the organisation it belongs to and the role it acts with. */
  apiKeyOrganisationId?: string;
  apiKeyRole?: Role;
  /**
   * For a session on an organisation route: the person's role in the route's organisation, read
   * with the session itself; undefined when they are not a member.
   */
  membershipRole?: Role;
}

/** Everything a service needs to know about the request, set by the AccessGuard. */
export interface RequestContext {
  requestId?: string;
  principal?: Principal;
  /** Set on organisation routes, once membership (or the API key's organisation) is checked. */
  organisationId?: string;
  role?: Role;
}

/** The context of an organisation route: the guard has checked membership and permission. */
export interface OrganisationContext extends RequestContext {
  principal: Principal;
  organisationId: string;
  role: Role;
}

/** The context of a route for a signed-in person (never an API key). */
export interface PersonContext extends RequestContext {
  principal: Principal & { kind: 'session'; userId: string; sessionId: string; csrfToken: string };
}

export function asOrganisationContext(context: RequestContext): OrganisationContext {
  if (!context.principal || !context.organisationId || !context.role) {
    throw new Error('Not an organisation route: declare it with @Requires(permission)');
  }
  return context as OrganisationContext;
}

export function asPersonContext(context: RequestContext): PersonContext {
  const principal = context.principal;
  if (principal?.kind !== 'session' || !principal.userId || !principal.sessionId) {
    throw new Error('Not a signed-in route: declare it with @SignedIn()');
  }
  return context as PersonContext;
}
