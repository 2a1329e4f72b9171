import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { meKey } from '../../session/me.queries';
import { useOrganisationId } from '../../session/organisation';

export type Organisation = Schemas['OrganisationDto'];
export type CreateOrganisationInput = Schemas['CreateOrganisationDto'];
export type UpdateOrganisationInput = Schemas['UpdateOrganisationDto'];

const keys = {
  all: ['organisations'] as const,
  list: () => [...keys.all, 'list'] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
};

export function useOrganisations() {
  return useQuery({
    queryKey: keys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 100 } } })),
  });
}

/** The organisation's record; also started by the router when an organisation's page opens. */
export const organisationQuery = (orgId: string) =>
  queryOptions({
    queryKey: keys.detail(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}', { params: { path: { orgId } } })),
  });

export function useOrganisationRecord() {
  return useQuery(organisationQuery(useOrganisationId()));
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationInput) =>
      unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.all });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useUpdateOrganisation() {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationInput) =>
      unwrap(api.PATCH('/api/v1/organisations/{orgId}', { params: { path: { orgId } }, body })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.all });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
