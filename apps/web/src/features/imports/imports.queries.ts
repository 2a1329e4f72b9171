import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';
import { ledgerKeys } from '../ledgers/ledgers.queries';
import { roiKeys } from '../roi/roi.queries';
import type { ImportKind } from './csv-preview';

export type ImportJob = Schemas['ImportDto'];
export type ImportRowError = Schemas['ImportRowErrorDto'];

export const importKeys = {
  all: (orgId: string) => ['imports', orgId] as const,
  list: (orgId: string) => ['imports', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['imports', orgId, 'one', id] as const,
};

const finished = (job: ImportJob | undefined) =>
  job?.status === 'succeeded' || job?.status === 'failed';

export function useImports() {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: importKeys.list(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/imports', {
          params: { path: { orgId }, query: { limit: 20 } },
        }),
      ),
  });
}

/** One import, asked again every second until it has succeeded or failed. */
export function useImportJob(id: string | null) {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.one(orgId, id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => {
      const job = await unwrap(
        api.GET('/api/v1/organisations/{orgId}/imports/{importId}', {
          params: { path: { orgId, importId: id ?? '' } },
        }),
      );
      if (finished(job)) {
        // What it imported shows in the ledgers, the ROI figures and the list of imports.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: importKeys.list(orgId) }),
          queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
          queryClient.invalidateQueries({ queryKey: roiKeys.all(orgId) }),
        ]);
      }
      return job;
    },
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

export function useStartImport() {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ImportKind; file: File; confirmDuplicate: boolean }) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/imports', {
          params: { path: { orgId } },
          body: {
            kind: input.kind,
            // The generated type names a binary field a string; the multipart body carries the file.
            file: input.file as unknown as string,
            confirmDuplicate: input.confirmDuplicate ? 'true' : 'false',
          },
          // The kind goes first so the API knows the format before the file streams in.
          bodySerializer: (body) => {
            const form = new FormData();
            form.append('kind', body.kind);
            form.append('confirmDuplicate', body.confirmDuplicate ?? 'false');
            form.append('file', input.file, input.file.name);
            return form;
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.list(orgId) }),
  });
}
