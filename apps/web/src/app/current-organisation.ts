import { can, type Permission } from '@roi/domain';
import { useParams } from 'react-router';
import { type MyMembership, useMe } from '../features/accounts/accounts.queries';

export interface CurrentOrganisation {
  membership: MyMembership;
  /** What the UI offers follows the same permission table the API enforces. */
  can(permission: Permission): boolean;
}

/** The organisation in the address (`/organisations/:orgId/...`) and the caller's role in it. */
export function useCurrentOrganisation(): CurrentOrganisation | undefined {
  const { orgId } = useParams();
  const membership = useMe().data?.memberships.find(
    (candidate) => candidate.organisationId === orgId,
  );
  return membership && { membership, can: (permission) => can(membership.role, permission) };
}
