import type { Role } from '@roi/domain';

/**
 * Where a member starts inside an organisation, relative to `/organisations/{id}`: a board member
 * reads the published board packs (issue 14: "board members land on the packs"), everyone else
 * the organisation's overview (''). Used by the start page and the organisation's index.
 */
export function landingPathFor(role: Role): string {
  return role === 'board_member' ? 'board-packs' : '';
}

/** The whole address of a member's start page in an organisation. */
export function organisationLanding(organisationId: string, role: Role): string {
  const path = landingPathFor(role);
  return `/organisations/${organisationId}${path ? `/${path}` : ''}`;
}
