import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import type { Answer } from './assessments.queries';
import { useOrganisationId } from '../../session/organisation';

export type Respondent = Schemas['RespondentDto'];
export type CreatedResponseLink = Schemas['CreatedResponseLinkDto'];
export type Reminder = Schemas['ReminderDto'];
export type BaselineFigure = Schemas['BaselineFigureDto'];
export type ResponseLinkView = Schemas['ResponseLinkViewDto'];

// Under the assessment's own key, so whatever refreshes the assessment refreshes these too.
export const respondentsKey = (orgId: string, assessmentId: string) =>
  ['assessments', orgId, assessmentId, 'respondents'] as const;

export function useRespondents(assessmentId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: respondentsKey(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}/respondents', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

/** Asking members, creating links, reminding and removing: each answers with the new list. */
export function useRespondentActions(assessmentId: string) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  const path = { orgId, assessmentId };
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: respondentsKey(orgId, assessmentId) });
  return {
    askMembers: useMutation({
      mutationFn: (userIds: string[]) =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/respondents', {
            params: { path },
            body: { userIds },
          }),
        ),
      onSuccess: (respondents) =>
        queryClient.setQueryData(respondentsKey(orgId, assessmentId), respondents),
    }),
    remove: useMutation({
      mutationFn: (respondentId: string) =>
        unwrap(
          api.DELETE(
            '/api/v1/organisations/{orgId}/assessments/{assessmentId}/respondents/{respondentId}',
            { params: { path: { ...path, respondentId } } },
          ),
        ),
      onSettled: refresh,
    }),
    createLink: useMutation({
      mutationFn: (body: Schemas['CreateResponseLinkDto']) =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/response-links', {
            params: { path },
            body,
          }),
        ),
      onSuccess: refresh,
    }),
    remind: useMutation({
      mutationFn: () =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/reminders', {
            params: { path },
          }),
        ),
      onSuccess: refresh,
    }),
  };
}

export function useBaselineFigures(cycleId?: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: ['baseline-figures', orgId, cycleId ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/baseline-figures', {
          params: { path: { orgId }, query: cycleId ? { cycleId } : {} },
        }),
      ),
  });
}

const linkKey = (token: string) => ['response-link', token] as const;

/** What a response link opens, for someone without an account. */
export function useResponseLink(token: string) {
  return useQuery({
    queryKey: linkKey(token),
    queryFn: () =>
      unwrap(api.GET('/api/v1/response-links/{token}', { params: { path: { token } } })),
    retry: false,
    // The holder's draft lives in the form; refetching would not change what they typed.
    refetchOnWindowFocus: false,
  });
}

export function useResponseLinkActions(token: string) {
  const queryClient = useQueryClient();
  const settle = (view: ResponseLinkView) => queryClient.setQueryData(linkKey(token), view);
  return {
    save: useMutation({
      mutationFn: (answers: Answer[]) =>
        unwrap(
          api.PUT('/api/v1/response-links/{token}/response', {
            params: { path: { token } },
            body: { answers },
          }),
        ),
      onSuccess: settle,
    }),
    submit: useMutation({
      mutationFn: () =>
        unwrap(api.POST('/api/v1/response-links/{token}/submit', { params: { path: { token } } })),
      onSuccess: settle,
    }),
  };
}
