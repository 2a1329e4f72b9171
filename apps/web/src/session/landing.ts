import type { Role } from '@roi/domain';

/**
 * Where a member starts inside an organisation, relative to `/organisations/{id}`: a board member
 * reads the published board packs (issue 14: "board members land on the packs"), a program
 * manager and a contributor their own milestones (issue 13: "the program manager's milestones"),
 * everyone else the executive dashboard, the organisation's front page (''). Used by the start
 * page and by the organisation's index.
 */
export function landingPathFor(role: Role): string {
  switch (role) {
    case 'board_member':
      return 'board-packs';
    case 'program_manager':
    case 'contributor':
      return 'execution?view=mine';
    default:
      return '';
  }
}

/** The whole address of a member's start page in an organisation. */
export function organisationLanding(organisationId: string, role: Role): string {
  const path = landingPathFor(role);
  return `/organisations/${organisationId}${path ? `/${path}` : ''}`;
}

/**
 * The navigation state of a link that asks for the dashboard itself (the nav's "Dashboard"): the
 * organisation's index then shows the dashboard to everyone, even those who start elsewhere.
 */
export const DASHBOARD_ASKED_FOR = { dashboard: true } as const;

/**
 * Whether an arrival at the organisation's index asks for the dashboard rather than the member's
 * start page: the nav's link says so in its state, and a dashboard view in the address (a cycle,
 * a date, an interval) is a dashboard someone chose.
 */
export function asksForDashboard(location: { search: string; state: unknown }): boolean {
  const state = location.state as { dashboard?: unknown } | null | undefined;
  return state?.dashboard === true || location.search.replace(/^\?/, '') !== '';
}
