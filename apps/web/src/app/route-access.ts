import type { Permission } from '@roi/domain';

/** What a route of the router says about who may open it (its `handle`). */
export interface RouteAccess {
  requires: Permission;
}

/**
 * Marks a route as open only to roles holding `permission`: spread into the route beside its
 * path. The organisation route checks it once for every page (`missingPermission`), with the
 * permission table the navigation and the API use.
 */
export function requires(permission: Permission): { handle: RouteAccess } {
  return { handle: { requires: permission } };
}

function isRouteAccess(handle: unknown): handle is RouteAccess {
  return typeof handle === 'object' && handle !== null && 'requires' in handle;
}

/**
 * The first permission the matched routes require that the member's role does not hold, or null
 * when the page is theirs to open. Handles other than route access are ignored.
 */
export function missingPermission(
  handles: readonly unknown[],
  can: (permission: Permission) => boolean,
): Permission | null {
  for (const handle of handles) {
    if (isRouteAccess(handle) && !can(handle.requires)) return handle.requires;
  }
  return null;
}
