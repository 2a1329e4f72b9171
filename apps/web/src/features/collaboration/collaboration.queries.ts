import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { planKeys } from '../plan/plan.queries';
import { useOrganisationId } from '../../session/organisation';

export type Comment = Schemas['CommentDto'];
export type CommentSubject = Comment['subjectType'];
export type PlanVersion = Schemas['PlanVersionDto'];
export type PlanVersionDetail = Schemas['PlanVersionDetailDto'];
export type PlanDiff = Schemas['PlanDiffDto'];

const keys = {
  comments: (orgId: string, subjectType: string, subjectId: string) =>
    [...planKeys.area(orgId, 'comments'), subjectType, subjectId] as const,
  versions: (orgId: string) => planKeys.area(orgId, 'versions'),
  version: (orgId: string, number: number) =>
    [...planKeys.area(orgId, 'versions'), number] as const,
  compare: (orgId: string, from: string, to: string) =>
    [...planKeys.area(orgId, 'versions'), 'compare', from, to] as const,
  learning: (orgId: string) => planKeys.area(orgId, 'learning'),
};

export const commentsQuery = (orgId: string, subjectType: CommentSubject, subjectId: string) =>
  queryOptions({
    queryKey: keys.comments(orgId, subjectType, subjectId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/plan-comments', {
          params: { path: { orgId }, query: { subjectType, subjectId } },
        }),
      ),
  });

export function useComments(subjectType: CommentSubject, subjectId: string) {
  return useQuery(commentsQuery(useOrganisationId(), subjectType, subjectId));
}

function useCollaborationChange<Input, Output>(change: (input: Input) => Promise<Output>) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.all(orgId) }),
  });
}

export const usePostComment = () => {
  const orgId = useOrganisationId();
  return useCollaborationChange((body: Schemas['CreateCommentDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/plan-comments', {
        params: { path: { orgId } },
        body,
      }),
    ),
  );
};

export const useResolveComment = () => {
  const orgId = useOrganisationId();
  return useCollaborationChange(({ id, ...body }: { id: string } & Schemas['ResolveCommentDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/plan-comments/{commentId}', {
        params: { path: { orgId, commentId: id } },
        body,
      }),
    ),
  );
};

export function usePlanVersions() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.versions(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/plan-versions', { params: { path: { orgId } } }),
      ),
  });
}

export function usePlanVersion(number: number | null) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.version(orgId, number ?? 0),
    enabled: number !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/plan-versions/{number}', {
          params: { path: { orgId, number: number ?? 0 } },
        }),
      ),
  });
}

/** What changed from one version (or the draft) to another; `draft` is the plan as it is now. */
export function usePlanComparison(from: string | null, to: string | null) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.compare(orgId, from ?? '', to ?? ''),
    enabled: Boolean(from && to && from !== to),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/plan-versions/compare', {
          params: { path: { orgId }, query: { from: from ?? '', to: to ?? '' } },
        }),
      ),
  });
}

export const useSubmitPlan = () => {
  const orgId = useOrganisationId();
  return useCollaborationChange((body: Schemas['SubmitPlanDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/plan-versions', {
        params: { path: { orgId } },
        body,
      }),
    ),
  );
};

export const useDecidePlan = () => {
  const orgId = useOrganisationId();
  return useCollaborationChange(
    (input: { number: number; decision: 'approve' | 'reject' } & Schemas['DecidePlanDto']) => {
      const options = {
        params: { path: { orgId, number: input.number } },
        body: { version: input.version, ...(input.note ? { note: input.note } : {}) },
      };
      return unwrap(
        input.decision === 'approve'
          ? api.POST('/api/v1/organisations/{orgId}/plan-versions/{number}/approve', options)
          : api.POST('/api/v1/organisations/{orgId}/plan-versions/{number}/reject', options),
      );
    },
  );
};

/** Every experiment with its hypothesis, criteria, outcome and lessons, failures included. */
export function useLearningLog() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.learning(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/learning-log', { params: { path: { orgId } } }),
      ),
  });
}
