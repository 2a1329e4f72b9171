import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type AccountabilityMap = Schemas['AccountabilityMapDto'];
export type MappedPerson = Schemas['AccountabilityPersonDto'];
export type MappedInitiative = Schemas['AccountabilityInitiativeDto'];
export type AccountabilityGap = Schemas['AccountabilityGapDto'];

/**
 * The map reads initiatives and their milestones: kept under the execution area, which every
 * plan change and every live change to initiatives and milestones refreshes (ui/live-events.ts,
 * plan.queries.ts), so a holder changed here or elsewhere shows without a reload.
 */
export const accountabilityKeys = {
  map: (orgId: string) => ['execution', orgId, 'accountability-map'] as const,
};

export function useAccountabilityMap() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: accountabilityKeys.map(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/accountability-map', {
          params: { path: { orgId } },
        }),
      ),
  });
}
