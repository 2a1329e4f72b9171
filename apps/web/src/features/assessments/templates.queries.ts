import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type Template = Schemas['TemplateDto'];
export type QuestionInput = Schemas['QuestionInputDto'];
export type TemplateInput = Schemas['WriteTemplateDto'];

// The same key as `useTemplates` (the start-an-assessment form), so its list follows every change.
const templatesKey = (orgId: string) => ['assessment-templates', orgId] as const;

/** Writing, copying and editing (as the next version) the organisation's own templates. */
export function useTemplateActions() {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: templatesKey(orgId) });
  return {
    create: useMutation({
      mutationFn: (body: TemplateInput) =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessment-templates', {
            params: { path: { orgId } },
            body,
          }),
        ),
      onSuccess: refresh,
    }),
    copy: useMutation({
      mutationFn: (input: { templateId: string; name?: string }) =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/assessment-templates/{templateId}/copy', {
            params: { path: { orgId, templateId: input.templateId } },
            body: input.name ? { name: input.name } : {},
          }),
        ),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (input: { templateId: string; body: Schemas['UpdateTemplateDto'] }) =>
        unwrap(
          api.PUT('/api/v1/organisations/{orgId}/assessment-templates/{templateId}', {
            params: { path: { orgId, templateId: input.templateId } },
            body: input.body,
          }),
        ),
      onSuccess: refresh,
    }),
  };
}
