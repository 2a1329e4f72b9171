import { useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { asksForDashboard, landingPathFor, organisationLanding } from '../session/landing';
import { useMe } from '../session/me.queries';
import { useOrganisation } from '../session/organisation';
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
 * The start page: the first organisation the person belongs to, on their role's first page (the
 * board packs for a board member, their milestones for a program manager), or the list to create
 * one.
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

/**
 * The organisation's index: the dashboard, except that a member whose role starts elsewhere (a
 * board member, a program manager) opening the organisation lands on their own page. The nav's
 * Dashboard link still opens the dashboard for them, and once it is open, changing its view (which
 * rewrites the address) keeps it: the choice is made when the page is entered.
 */
export function OrganisationFrontPage() {
  // Another organisation is entered afresh, with the role held there.
  return <FrontPageOf key={useOrganisation().organisationId} />;
}

function FrontPageOf() {
  const { role } = useOrganisation();
  const location = useLocation();
  const [landing] = useState(() => (asksForDashboard(location) ? '' : landingPathFor(role)));
  if (landing) return <Navigate to={landing} replace />;
  return <Outlet />;
}
