import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type Milestone = Schemas['MilestoneDto'];
export type CheckIn = Schemas['CheckInDto'];
export type Timeline = Schemas['TimelineDto'];
export type TimelineInitiative = Schemas['TimelineInitiativeDto'];
export type TimelineMilestone = Schemas['TimelineMilestoneDto'];
export type BurnUpPoint = Schemas['BurnUpPointDto'];
export type MilestoneView = 'mine' | 'overdue' | 'due-soon' | 'at-risk';

/** Every execution query lives under ['execution', orgId, ...]: live changes refresh them all. */
export const executionKeys = {
  all: (orgId: string) => ['execution', orgId] as const,
  milestones: (orgId: string) => ['execution', orgId, 'milestones'] as const,
  milestone: (orgId: string, id: string) => ['execution', orgId, 'milestones', id] as const,
  checkIns: (orgId: string, id: string) => ['execution', orgId, 'check-ins', id] as const,
  view: (orgId: string, view: MilestoneView) => ['execution', orgId, 'views', view] as const,
  timeline: (orgId: string, from?: string, to?: string) =>
    ['execution', orgId, 'timeline', from ?? '', to ?? ''] as const,
  burnUp: (orgId: string, from?: string, to?: string) =>
    ['execution', orgId, 'burn-up', from ?? '', to ?? ''] as const,
};

const inOrganisation = (orgId: string) => ({ params: { path: { orgId } } });

export function useMilestones(initiativeId?: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: [...executionKeys.milestones(orgId), initiativeId ?? 'all'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/milestones', {
          params: { path: { orgId }, query: initiativeId ? { initiativeId } : {} },
        }),
      ),
  });
}

export function fetchMilestone(orgId: string, milestoneId: string) {
  return unwrap(
    api.GET('/api/v1/organisations/{orgId}/milestones/{milestoneId}', {
      params: { path: { orgId, milestoneId } },
    }),
  );
}

export function useMilestone(milestoneId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: executionKeys.milestone(orgId, milestoneId),
    queryFn: () => fetchMilestone(orgId, milestoneId),
  });
}

export function useCheckIns(milestoneId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: executionKeys.checkIns(orgId, milestoneId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/milestones/{milestoneId}/check-ins', {
          params: { path: { orgId, milestoneId } },
        }),
      ),
  });
}

export function useMilestoneView(view: MilestoneView, enabled = true) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: executionKeys.view(orgId, view),
    enabled,
    queryFn: () => {
      switch (view) {
        case 'mine':
          return unwrap(
            api.GET('/api/v1/organisations/{orgId}/milestones/views/mine', inOrganisation(orgId)),
          );
        case 'overdue':
          return unwrap(
            api.GET(
              '/api/v1/organisations/{orgId}/milestones/views/overdue',
              inOrganisation(orgId),
            ),
          );
        case 'due-soon':
          return unwrap(
            api.GET('/api/v1/organisations/{orgId}/milestones/views/due-soon', {
              params: { path: { orgId }, query: { days: 14 } },
            }),
          );
        case 'at-risk':
          return unwrap(
            api.GET(
              '/api/v1/organisations/{orgId}/milestones/views/at-risk',
              inOrganisation(orgId),
            ),
          );
      }
    },
  });
}

export function useTimeline(from?: string, to?: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: executionKeys.timeline(orgId, from, to),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/timeline', {
          params: { path: { orgId }, query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } },
        }),
      ),
  });
}

export function useBurnUp(from?: string, to?: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: executionKeys.burnUp(orgId, from, to),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/burn-up', {
          params: { path: { orgId }, query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } },
        }),
      ),
  });
}

/** A change to execution also recolours the strategy map, so both are refreshed. */
function useExecutionChange<Input, Output>(change: (input: Input) => Promise<Output>) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: executionKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: ['plan', orgId] });
    },
  });
}

export const useCreateMilestone = () => {
  const orgId = useOrganisationId();
  return useExecutionChange((body: Schemas['CreateMilestoneDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/milestones', { ...inOrganisation(orgId), body }),
    ),
  );
};

export const useUpdateMilestone = () => {
  const orgId = useOrganisationId();
  return useExecutionChange(({ id, ...body }: { id: string } & Schemas['UpdateMilestoneDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/milestones/{milestoneId}', {
        params: { path: { orgId, milestoneId: id } },
        body,
      }),
    ),
  );
};

export const useRecordCheckIn = (milestoneId: string) => {
  const orgId = useOrganisationId();
  return useExecutionChange((body: Schemas['CreateCheckInDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/milestones/{milestoneId}/check-ins', {
        params: { path: { orgId, milestoneId } },
        body,
      }),
    ),
  );
};

export function useSendWeeklyDigest() {
  const orgId = useOrganisationId();

  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/organisations/{orgId}/digests/weekly', inOrganisation(orgId))),
  });
}

/** Deletes a milestone; `cascade` also deletes the milestones that depend on it. */
export const useDeleteMilestone = () => {
  const orgId = useOrganisationId();
  return useExecutionChange((input: { type: 'milestones'; id: string; cascade: boolean }) =>
    unwrap(
      api.DELETE('/api/v1/organisations/{orgId}/milestones/{milestoneId}', {
        params: {
          path: { orgId, milestoneId: input.id },
          query: input.cascade ? { cascade: true } : {},
        },
      }),
    ),
  );
};
