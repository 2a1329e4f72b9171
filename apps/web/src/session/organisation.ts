import { can, type Permission, type Role } from '@roi/domain';
import { createContext, useContext } from 'react';
import type { MyMembership } from './me.queries';

/**
 * The organisation a page works in: provided once, by the organisation route (app/), and read by
 * every page and query hook below it, so no feature reads the address or passes the id along.
 */
export interface CurrentOrganisation {
  organisationId: string;
  membership: MyMembership;
  role: Role;
  /** What the UI offers follows the same permission table the API enforces. */
  can(permission: Permission): boolean;
}

export function currentOrganisation(membership: MyMembership): CurrentOrganisation {
  return {
    organisationId: membership.organisationId,
    membership,
    role: membership.role,
    can: (permission) => can(membership.role, permission),
  };
}

export const OrganisationContext = createContext<CurrentOrganisation | null>(null);

/** The current organisation; only pages under the organisation route may ask. */
export function useOrganisation(): CurrentOrganisation {
  const current = useContext(OrganisationContext);
  if (!current) throw new Error('useOrganisation() is used outside an organisation route');
  return current;
}

/** The current organisation's id, as the API's `{orgId}` path parameter wants it. */
export const useOrganisationId = (): string => useOrganisation().organisationId;
