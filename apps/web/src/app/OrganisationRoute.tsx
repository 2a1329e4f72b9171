import { useEffect, useMemo } from 'react';
import { Outlet, useMatches, useParams } from 'react-router';
import { useMe } from '../session/me.queries';
import { currentOrganisation, OrganisationContext } from '../session/organisation';
import { NoAccessPage } from '../ui/NoAccessPage';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageLoader } from '../ui/PageLoader';
import { missingPermission } from './route-access';

/**
 * The pages of one organisation open only for its members, and receive it (with the member's role
 * and `can()`) from here. An organisation the cached profile does not list yet (just joined, or
 * created elsewhere) is looked up once more before the page says it is not there: the same answer
 * as the API's 404. A page whose route requires a permission the role lacks (`requires()` in the
 * router) says the member has no access to it, the same answer as the API's 403.
 */
export function OrganisationRoute() {
  const { orgId } = useParams();
  const me = useMe();
  const matches = useMatches();
  const membership = me.data?.memberships.find((candidate) => candidate.organisationId === orgId);
  const current = useMemo(() => membership && currentOrganisation(membership), [membership]);
  const missing = !current && me.isSuccess;
  const { refetch } = me;
  useEffect(() => {
    if (missing) void refetch();
  }, [missing, orgId, refetch]);
  if (current) {
    const denied = missingPermission(
      matches.map((match) => match.handle),
      current.can,
    );
    return (
      <OrganisationContext.Provider value={current}>
        {denied ? <NoAccessPage permission={denied} /> : <Outlet />}
      </OrganisationContext.Provider>
    );
  }
  if (me.isFetching) return <PageLoader />;
  return <NotFoundPage />;
}
