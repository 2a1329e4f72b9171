import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { useMe } from '../features/accounts/accounts.queries';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageLoader } from '../ui/PageLoader';
import { useCurrentOrganisation } from './current-organisation';

/**
 * The pages of one organisation open only for its members. An organisation the cached profile
 * does not list yet (just joined, or created elsewhere) is looked up once more before the page
 * says it is not there: the same answer as the API's 404.
 */
export function OrganisationRoute() {
  const { orgId } = useParams();
  const me = useMe();
  const current = useCurrentOrganisation();
  const missing = !current && me.isSuccess;
  const { refetch } = me;
  useEffect(() => {
    if (missing) void refetch();
  }, [missing, orgId, refetch]);
  if (current) return <Outlet />;
  if (me.isFetching) return <PageLoader />;
  return <NotFoundPage />;
}
