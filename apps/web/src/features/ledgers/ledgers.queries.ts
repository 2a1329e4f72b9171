import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';
import { roiKeys } from '../roi/roi.queries';

export type CostEntry = Schemas['CostEntryDto'];
export type ValueEntry = Schemas['ValueEntryDto'];
export type CostInput = Schemas['CreateCostEntryDto'];
export type ValueInput = Schemas['CreateValueEntryDto'];
export type VocabularyLabel = Schemas['VocabularyLabelDto'];
export type CostCategory = CostEntry['category'];
export type ValueType = ValueEntry['valueType'];

export type LedgerKind = 'costs' | 'values';
export type Vocabulary = 'channels' | 'activities';

export const COST_CATEGORIES: { value: CostCategory; label: string }[] = [
  { value: 'labour', label: 'Labour' },
  { value: 'media', label: 'Media' },
  { value: 'tools', label: 'Tools' },
  { value: 'agency', label: 'Agency' },
  { value: 'other', label: 'Other' },
];

export const VALUE_TYPES: { value: ValueType; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'cost_saving', label: 'Cost saving' },
  { value: 'retention', label: 'Retention' },
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'other', label: 'Other' },
];

export type LedgerSort = 'date' | '-date' | 'amount' | '-amount';

/** What a ledger page filters by; the same filters go to its CSV export. */
export interface LedgerFilters {
  from?: string;
  to?: string;
  initiativeId?: string;
  channel?: string;
  activity?: string;
  /** The category of a cost, or the value type of a value. */
  kind?: string;
  sort: LedgerSort;
}

export const ledgerKeys = {
  all: (orgId: string) => ['ledgers', orgId] as const,
  list: (orgId: string, ledger: LedgerKind, filters: LedgerFilters) =>
    ['ledgers', orgId, ledger, 'list', filters] as const,
  vocabulary: (orgId: string, vocabulary: Vocabulary) =>
    ['ledgers', orgId, 'vocabulary', vocabulary] as const,
};

/** The list and export query of a filter: only what is set. */
export function filterQuery(ledger: LedgerKind, filters: LedgerFilters) {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.initiativeId ? { initiativeId: filters.initiativeId } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.activity ? { activity: filters.activity } : {}),
    ...(filters.kind ? { [ledger === 'costs' ? 'category' : 'valueType']: filters.kind } : {}),
  };
}

/** The address of a ledger's CSV export with the filters on screen. */
export function exportUrl(orgId: string, ledger: LedgerKind, filters: LedgerFilters): string {
  const query = new URLSearchParams(filterQuery(ledger, filters) as Record<string, string>);
  const search = query.toString();
  return `/api/v1/organisations/${orgId}/exports/${ledger}.csv${search ? `?${search}` : ''}`;
}

const PAGE_SIZE = 50;

export function useCostEntries(filters: LedgerFilters, enabled = true) {
  const orgId = useOrganisationId();
  return useInfiniteQuery({
    queryKey: ledgerKeys.list(orgId, 'costs', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/cost-entries', {
          params: {
            path: { orgId },
            query: {
              ...filterQuery('costs', filters),
              sort: filters.sort,
              limit: PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useValueEntries(filters: LedgerFilters, enabled = true) {
  const orgId = useOrganisationId();
  return useInfiniteQuery({
    queryKey: ledgerKeys.list(orgId, 'values', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/value-entries', {
          params: {
            path: { orgId },
            query: {
              ...filterQuery('values', filters),
              sort: filters.sort,
              limit: PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const fetchCostEntry = (orgId: string, entryId: string) =>
  unwrap(
    api.GET('/api/v1/organisations/{orgId}/cost-entries/{entryId}', {
      params: { path: { orgId, entryId } },
    }),
  );

export const fetchValueEntry = (orgId: string, entryId: string) =>
  unwrap(
    api.GET('/api/v1/organisations/{orgId}/value-entries/{entryId}', {
      params: { path: { orgId, entryId } },
    }),
  );

/** After any ledger change the lists, their totals and every ROI figure are out of date. */
function useLedgerChanged() {
  const orgId = useOrganisationId();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
      queryClient.invalidateQueries({ queryKey: roiKeys.all(orgId) }),
    ]);
  };
}

export function useSaveCostEntry() {
  const orgId = useOrganisationId();
  const changed = useLedgerChanged();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: CostInput }) =>
      input.id
        ? unwrap(
            api.PATCH('/api/v1/organisations/{orgId}/cost-entries/{entryId}', {
              params: { path: { orgId, entryId: input.id } },
              body: { ...input.body, version: input.version ?? 0 },
            }),
          )
        : unwrap(
            api.POST('/api/v1/organisations/{orgId}/cost-entries', {
              params: { path: { orgId } },
              body: input.body,
            }),
          ),
    onSuccess: changed,
  });
}

export function useSaveValueEntry() {
  const orgId = useOrganisationId();
  const changed = useLedgerChanged();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: ValueInput }) =>
      input.id
        ? unwrap(
            api.PATCH('/api/v1/organisations/{orgId}/value-entries/{entryId}', {
              params: { path: { orgId, entryId: input.id } },
              body: { ...input.body, version: input.version ?? 0 },
            }),
          )
        : unwrap(
            api.POST('/api/v1/organisations/{orgId}/value-entries', {
              params: { path: { orgId } },
              body: input.body,
            }),
          ),
    onSuccess: changed,
  });
}

export function useDeleteEntry(ledger: LedgerKind) {
  const orgId = useOrganisationId();
  const changed = useLedgerChanged();
  return useMutation({
    mutationFn: (entryId: string) =>
      ledger === 'costs'
        ? unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/cost-entries/{entryId}', {
              params: { path: { orgId, entryId } },
            }),
          )
        : unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/value-entries/{entryId}', {
              params: { path: { orgId, entryId } },
            }),
          ),
    onSuccess: changed,
  });
}

export function useVocabulary(vocabulary: Vocabulary) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: ledgerKeys.vocabulary(orgId, vocabulary),
    queryFn: () =>
      vocabulary === 'channels'
        ? unwrap(api.GET('/api/v1/organisations/{orgId}/channels', { params: { path: { orgId } } }))
        : unwrap(
            api.GET('/api/v1/organisations/{orgId}/activities', { params: { path: { orgId } } }),
          ),
  });
}

export function useRenameLabel(vocabulary: Vocabulary) {
  const orgId = useOrganisationId();
  const changed = useLedgerChanged();
  return useMutation({
    mutationFn: (input: { id: string; label: string; version: number }) =>
      vocabulary === 'channels'
        ? unwrap(
            api.PATCH('/api/v1/organisations/{orgId}/channels/{channelId}', {
              params: { path: { orgId, channelId: input.id } },
              body: { label: input.label, version: input.version },
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/organisations/{orgId}/activities/{activityId}', {
              params: { path: { orgId, activityId: input.id } },
              body: { label: input.label, version: input.version },
            }),
          ),
    onSuccess: changed,
  });
}

export function useMergeLabel(vocabulary: Vocabulary) {
  const orgId = useOrganisationId();
  const changed = useLedgerChanged();
  return useMutation({
    mutationFn: (input: { id: string; intoId: string }) =>
      vocabulary === 'channels'
        ? unwrap(
            api.POST('/api/v1/organisations/{orgId}/channels/{channelId}/merge', {
              params: { path: { orgId, channelId: input.id } },
              body: { intoId: input.intoId },
            }),
          )
        : unwrap(
            api.POST('/api/v1/organisations/{orgId}/activities/{activityId}/merge', {
              params: { path: { orgId, activityId: input.id } },
              body: { intoId: input.intoId },
            }),
          ),
    onSuccess: changed,
  });
}
