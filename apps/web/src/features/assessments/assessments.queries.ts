import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type Assessment = Schemas['AssessmentDto'];
export type Question = Schemas['QuestionDto'];
export type Results = Schemas['ResultsDto'];
export type Answer = Schemas['AnswerDto'];
export type SubmittedAnswer = Schemas['SubmittedAnswerDto'];
export type Finding = Schemas['FindingDto'];
export type NewFinding = Schemas['CreateFindingDto'];

const keys = {
  all: (orgId: string) => ['assessments', orgId] as const,
  detail: (orgId: string, id: string) => ['assessments', orgId, id] as const,
  results: (orgId: string, id: string) => ['assessments', orgId, id, 'results'] as const,
  answers: (orgId: string, id: string) => ['assessments', orgId, id, 'answers'] as const,
  findings: (orgId: string, id: string) => ['assessments', orgId, id, 'findings'] as const,
};

export function useTemplates() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: ['assessment-templates', orgId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessment-templates', {
          params: { path: { orgId } },
        }),
      ),
  });
}

export function useAssessments() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.all(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/assessments', { params: { path: { orgId } } })),
  });
}

export function useAssessment(assessmentId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.detail(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

export function useResults(assessmentId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.results(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}/results', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

/** Every submitted answer, with the id a finding cites it by. */
export function useSubmittedAnswers(assessmentId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.answers(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}/answers', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

export function useFindings(assessmentId: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.findings(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}/findings', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

export function useRecordFinding(assessmentId: string) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewFinding) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/findings', {
          params: { path: { orgId, assessmentId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: keys.findings(orgId, assessmentId) }),
  });
}

export function useStartAssessment() {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateAssessmentDto']) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/assessments', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all(orgId) }),
  });
}

/** Saving, submitting and closing all answer with the assessment; its results follow. */
export function useAssessmentActions(assessmentId: string) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  const path = { orgId, assessmentId };
  const settle = async (assessment: Assessment) => {
    queryClient.setQueryData(keys.detail(orgId, assessmentId), assessment);
    await queryClient.invalidateQueries({ queryKey: keys.results(orgId, assessmentId) });
    await queryClient.invalidateQueries({ queryKey: keys.answers(orgId, assessmentId) });
    await queryClient.invalidateQueries({ queryKey: keys.all(orgId), exact: true });
  };
  return {
    save: useMutation({
      mutationFn: (answers: Answer[]) =>
        unwrap(
          api.PUT('/api/v1/organisations/{orgId}/assessments/{assessmentId}/my-response', {
            params: { path },
            body: { answers },
          }),
        ),
      onSuccess: settle,
    }),
    submit: useMutation({
      mutationFn: () =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/my-response/submit', {
            params: { path },
          }),
        ),
      onSuccess: settle,
    }),
    close: useMutation({
      mutationFn: () =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessments/{assessmentId}/close', {
            params: { path },
          }),
        ),
      onSuccess: async (assessment: Assessment) => {
        // Closing turns the assessment's number answers into baseline figures.
        await queryClient.invalidateQueries({ queryKey: ['baseline-figures', orgId] });
        await settle(assessment);
      },
    }),
  };
}
