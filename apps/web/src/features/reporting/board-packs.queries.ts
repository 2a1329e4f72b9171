import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type BoardPack = Schemas['BoardPackDto'];
export type BoardPackSummary = Schemas['BoardPackSummaryDto'];
export type BoardPackContent = Schemas['BoardPackContentDto'];
export type BoardPackComparison = Schemas['BoardPackComparisonDto'];
export type ShareLink = Schemas['ShareLinkDto'];
export type CreatedShareLink = Schemas['CreatedShareLinkDto'];
export type NewBoardPack = Schemas['CreateBoardPackDto'];
export type Commentary = Schemas['CommentaryDto'];

/** Every pack query of an organisation lives under ['board-packs', orgId]. */
export const boardPackKeys = {
  all: (orgId: string) => ['board-packs', orgId] as const,
  list: (orgId: string) => ['board-packs', orgId, 'list'] as const,
  detail: (orgId: string, packId: string) => ['board-packs', orgId, 'pack', packId] as const,
  comparison: (orgId: string, packId: string) =>
    ['board-packs', orgId, 'pack', packId, 'comparison'] as const,
  shareLinks: (orgId: string, packId: string) =>
    ['board-packs', orgId, 'pack', packId, 'share-links'] as const,
  shared: (token: string) => ['shared-board-pack', token] as const,
};

/** The API's address of a published pack's download, for a plain link. */
export const packDownloadPath = (orgId: string, packId: string, format: 'pdf' | 'xlsx') =>
  `/api/v1/organisations/${orgId}/board-packs/${packId}/pack.${format}`;

/** The shared pack's PDF, for someone without an account. */
export const sharedPackPdfPath = (token: string) =>
  `/api/v1/shared/board-packs/${encodeURIComponent(token)}/pack.pdf`;

export function useBoardPacks() {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: boardPackKeys.list(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/board-packs', { params: { path: { orgId } } })),
  });
}

export function fetchBoardPack(orgId: string, packId: string): Promise<BoardPack> {
  return unwrap(
    api.GET('/api/v1/organisations/{orgId}/board-packs/{packId}', {
      params: { path: { orgId, packId } },
    }),
  );
}

export function useBoardPack(packId: string) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: boardPackKeys.detail(orgId, packId),
    queryFn: () => fetchBoardPack(orgId, packId),
    // A draft is computed afresh on every read; a published pack never changes.
    refetchOnWindowFocus: false,
  });
}

export function useCreateBoardPack() {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewBoardPack) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/board-packs', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: (pack) => {
      queryClient.setQueryData(boardPackKeys.detail(orgId, pack.id), pack);
      void queryClient.invalidateQueries({ queryKey: boardPackKeys.list(orgId) });
    },
  });
}

/** Changes to one pack: its commentary, publishing it, deleting a draft. */
export function useBoardPackActions(packId: string) {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  const path = { params: { path: { orgId, packId } } };
  const settle = (pack: BoardPack) => {
    queryClient.setQueryData(boardPackKeys.detail(orgId, packId), pack);
    void queryClient.invalidateQueries({ queryKey: boardPackKeys.list(orgId) });
  };
  return {
    saveCommentary: useMutation({
      mutationFn: (input: { commentary: Partial<Commentary>; version: number }) =>
        unwrap(
          api.PATCH('/api/v1/organisations/{orgId}/board-packs/{packId}', { ...path, body: input }),
        ),
      onSuccess: settle,
    }),
    publish: useMutation({
      mutationFn: () =>
        unwrap(api.POST('/api/v1/organisations/{orgId}/board-packs/{packId}/publish', path)),
      onSuccess: (pack) => {
        settle(pack);
        void queryClient.invalidateQueries({
          queryKey: boardPackKeys.comparison(orgId, packId),
        });
      },
    }),
    remove: useMutation({
      mutationFn: () =>
        unwrap(api.DELETE('/api/v1/organisations/{orgId}/board-packs/{packId}', path)),
      onSuccess: () => {
        queryClient.removeQueries({ queryKey: boardPackKeys.detail(orgId, packId) });
        void queryClient.invalidateQueries({ queryKey: boardPackKeys.list(orgId) });
      },
    }),
  };
}

/** What moved since the previous published pack; only asked of a published pack. */
export function useBoardPackComparison(packId: string, enabled: boolean) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: boardPackKeys.comparison(orgId, packId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/board-packs/{packId}/comparison', {
          params: { path: { orgId, packId } },
        }),
      ),
    enabled,
  });
}

export function useShareLinks(packId: string, enabled: boolean) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: boardPackKeys.shareLinks(orgId, packId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/board-packs/{packId}/share-links', {
          params: { path: { orgId, packId } },
        }),
      ),
    enabled,
  });
}

export function useShareLinkActions(packId: string) {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: boardPackKeys.shareLinks(orgId, packId) });
  return {
    create: useMutation({
      mutationFn: (expiresInDays: number) =>
        unwrap(
          api.POST('/api/v1/organisations/{orgId}/board-packs/{packId}/share-links', {
            params: { path: { orgId, packId } },
            body: { expiresInDays },
          }),
        ),
      onSuccess: () => void refresh(),
    }),
    revoke: useMutation({
      mutationFn: (linkId: string) =>
        unwrap(
          api.DELETE('/api/v1/organisations/{orgId}/board-packs/{packId}/share-links/{linkId}', {
            params: { path: { orgId, packId, linkId } },
          }),
        ),
      onSettled: () => void refresh(),
    }),
  };
}

/**
 * The pack a share link opens, without a session: the token in the address is the only key, so
 * this needs no organisation (and asks for none).
 */
export function useSharedBoardPack(token: string) {
  return useQuery({
    queryKey: boardPackKeys.shared(token),
    queryFn: () =>
      unwrap(api.GET('/api/v1/shared/board-packs/{token}', { params: { path: { token } } })),
    // 404 and 410 are answers, not hiccups: asking again would not change them.
    retry: false,
    refetchOnWindowFocus: false,
  });
}
