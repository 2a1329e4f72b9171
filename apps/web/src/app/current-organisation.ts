import { useParams } from 'react-router';
import { useMe } from '../session/me.queries';
import { type CurrentOrganisation, currentOrganisation } from '../session/organisation';

/**
 * The organisation in the address (`/organisations/:orgId/...`) and the caller's role in it. Only
 * the app's frame reads the address: the organisation route provides the result to every page
 * below it (`useOrganisation()`), and the shell, which sits above that route, asks here.
 */
export function useOrganisationInAddress(): CurrentOrganisation | undefined {
  const { orgId } = useParams();
  const membership = useMe().data?.memberships.find(
    (candidate) => candidate.organisationId === orgId,
  );
  return membership && currentOrganisation(membership);
}
