import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type RoiReport = Schemas['RoiReportDto'];
export type RoiGroup = Schemas['RoiGroupDto'];
export type RoiInterval = Schemas['RoiIntervalDto'];
export type RoiFigures = Schemas['RoiFiguresDto'];
export type Reallocation = Schemas['ReallocationDto'];
export type ReallocationItem = Schemas['ReallocationItemDto'];

export type RoiGrouping = 'initiative' | 'objective' | 'channel' | 'activity';
export type RoiIntervalKind = 'month' | 'quarter';

/** A period of days, both inclusive; left out, the API takes the current fiscal year. */
export interface Period {
  from?: string;
  to?: string;
}

/** Every ROI query lives under ['roi', orgId]: a ledger change or an import refreshes them all. */
export const roiKeys = {
  all: (orgId: string) => ['roi', orgId] as const,
  report: (orgId: string, period: Period, groupBy: RoiGrouping, interval: RoiIntervalKind) =>
    ['roi', orgId, 'report', period.from ?? '', period.to ?? '', groupBy, interval] as const,
  reallocation: (orgId: string, period: Period) =>
    ['roi', orgId, 'reallocation', period.from ?? '', period.to ?? ''] as const,
};

const periodQuery = (period: Period) => ({
  ...(period.from ? { from: period.from } : {}),
  ...(period.to ? { to: period.to } : {}),
});

export function useRoiReport(period: Period, groupBy: RoiGrouping, interval: RoiIntervalKind) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: roiKeys.report(orgId, period, groupBy, interval),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/roi', {
          params: { path: { orgId }, query: { ...periodQuery(period), groupBy, interval } },
        }),
      ),
    // Changing the period keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useReallocation(period: Period) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: roiKeys.reallocation(orgId, period),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/reallocation', {
          params: { path: { orgId }, query: periodQuery(period) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
