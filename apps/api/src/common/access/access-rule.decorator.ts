import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiParam } from '@nestjs/swagger';
import type { Permission } from '@roi/domain';
import {
  asOrganisationContext,
  asPersonContext,
  type OrganisationContext,
  type PersonContext,
  type RequestContext,
} from './request-context';

/**
 * Every route declares who may call it, with exactly one of these; a route that declares none
 * stops the API at start (see RouteTable). Organisation routes carry `:orgId` in their path.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission; peopleOnly?: boolean };

export const ACCESS_RULE = 'roi:access-rule';

/** Anyone, signed in or not (health, sign-in, an invitation's public view). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in person, in no particular organisation (their profile, their organisations). */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule),
    ApiCookieAuth('session'),
  );

/**
 * A member of `:orgId` (or an API key of it) whose role has the permission; `peopleOnly` for
 * what only a person can do (answer an assessment, leave), where an API key gets 403.
 */
export const Requires = (permission: Permission, options: { peopleOnly?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'permission', permission, ...options } satisfies AccessRule),
    ApiCookieAuth('session'),
    ApiBearerAuth('api-key'),
    ApiParam({
      name: 'orgId',
      description: `The organisation; the caller needs \`${permission}\` (docs/permissions.md).`,
      schema: { type: 'string', format: 'uuid' },
    }),
  );

const contextOf = (execution: ExecutionContext): RequestContext =>
  execution.switchToHttp().getRequest<{ context: RequestContext }>().context;

/** On an organisation route: the organisation, the caller and their role, as the guard checked. */
export const InOrganisation = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): OrganisationContext =>
    asOrganisationContext(contextOf(execution)),
);

/** On a signed-in route: the person and their session. */
export const Person = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): PersonContext =>
    asPersonContext(contextOf(execution)),
);
