import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type Cycle = Schemas['CycleDto'];
export type Step = Schemas['StepDto'];

const keys = {
  list: (orgId: string) => ['cycles', orgId] as const,
  detail: (orgId: string, cycleId: string) => ['cycles', orgId, cycleId] as const,
};

/** The organisation's cycles; also started by the router when an organisation's page opens. */
export const cyclesQuery = (orgId: string) =>
  queryOptions({
    queryKey: keys.list(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/cycles', { params: { path: { orgId } } })),
  });

export function useCycles() {
  return useQuery(cyclesQuery(useOrganisationId()));
}

/** One cycle with its steps; also started by the router for the nav's current cycle. */
export const cycleQuery = (orgId: string, cycleId: string) =>
  queryOptions({
    queryKey: keys.detail(orgId, cycleId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/cycles/{cycleId}', {
          params: { path: { orgId, cycleId } },
        }),
      ),
  });

/** One cycle with its steps; `enabled: false` waits until the cycle is known. */
export function useCycle(cycleId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...cycleQuery(useOrganisationId(), cycleId),
    enabled: options.enabled ?? true,
  });
}

export function useCreateCycle() {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCycleDto']) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/cycles', { params: { path: { orgId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.list(orgId) }),
  });
}

/**
 * Every change to a roadmap answers with the whole cycle, which replaces the cached one; on a
 * conflict the cycle is fetched again so the page shows what the other person did.
 */
export function useRoadmapChange<Input>(cycleId: string, change: (input: Input) => Promise<Cycle>) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (cycle) => queryClient.setQueryData(keys.detail(orgId, cycleId), cycle),
    onError: () => queryClient.invalidateQueries({ queryKey: keys.detail(orgId, cycleId) }),
  });
}

export function roadmapActions(orgId: string, cycleId: string) {
  const path = { orgId, cycleId };
  return {
    tick: (input: { stepId: string; criterionId: string; done: boolean; version: number }) =>
      unwrap(
        api.PATCH(
          '/api/v1/organisations/{orgId}/cycles/{cycleId}/steps/{stepId}/criteria/{criterionId}',
          {
            params: { path: { ...path, stepId: input.stepId, criterionId: input.criterionId } },
            body: { done: input.done, version: input.version },
          },
        ),
      ),
    addCriterion: (input: { stepId: string; text: string }) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/cycles/{cycleId}/steps/{stepId}/criteria', {
          params: { path: { ...path, stepId: input.stepId } },
          body: { text: input.text },
        }),
      ),
    updateStep: (input: { stepId: string } & Schemas['UpdateStepDto']) => {
      const { stepId, ...body } = input;
      return unwrap(
        api.PATCH('/api/v1/organisations/{orgId}/cycles/{cycleId}/steps/{stepId}', {
          params: { path: { ...path, stepId } },
          body,
        }),
      );
    },
    signOff: (input: { stepId: string; version: number }) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/cycles/{cycleId}/steps/{stepId}/sign-off', {
          params: { path: { ...path, stepId: input.stepId } },
          body: { version: input.version },
        }),
      ),
    reopen: (input: { stepId: string; reason: string; version: number }) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/cycles/{cycleId}/steps/{stepId}/reopen', {
          params: { path: { ...path, stepId: input.stepId } },
          body: { reason: input.reason, version: input.version },
        }),
      ),
  };
}
