import { Navigate, Outlet, useLocation } from 'react-router';
import { organisationLanding } from '../session/landing';
import { useMe } from '../session/me.queries';
import { ErrorState } from '../ui/ErrorState';
import { PageLoader } from '../ui/PageLoader';

/** Pages behind it need a signed-in person; anyone else is sent to sign in, and back after. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <Outlet />;
}

/**
 * The start page: the first organisation the person belongs to (its board packs for a board
 * member), or the list to create one.
 */
export function HomeRedirect() {
  const first = useMe().data?.memberships[0];
  return (
    <Navigate
      to={first ? organisationLanding(first.organisationId, first.role) : '/organisations'}
      replace
    />
  );
}
