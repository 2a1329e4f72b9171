import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';

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

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationInput) =>
      unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationInput) =>
      unwrap(
        api.PATCH('/api/v1/organisations/{organisationId}', {
          params: { path: { organisationId: id } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
