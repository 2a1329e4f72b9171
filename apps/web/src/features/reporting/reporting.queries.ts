import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type Dashboard = Schemas['DashboardDto'];
export type DashboardKpis = Schemas['DashboardKpisDto'];
export type DashboardRoi = Schemas['DashboardRoiDto'];
export type ReportKpi = Schemas['ReportKpiDto'];
export type RoadmapStep = Schemas['RoadmapStepDto'];
export type MilestoneSummary = Schemas['MilestoneSummaryDto'];
export type Maturity = Schemas['MaturityDto'];
export type KpiStatusCounts = Schemas['KpiStatusCountsDto'];
export type MissCounts = Schemas['MissCountsDto'];
export type OpenChallenge = Schemas['OpenChallengeDto'];
export type ExperimentLesson = Schemas['ExperimentLessonDto'];
export type BudgetLine = Schemas['BudgetLineDto'];
export type Portfolio = Schemas['PortfolioDto'];
export type PortfolioOrganisation = Schemas['PortfolioOrganisationDto'];
export type CycleChoice = Schemas['CycleSummaryDto'];

export type DashboardInterval = 'month' | 'quarter';

/** What the dashboard is asked for; each left out lets the API choose (the running cycle, today). */
export interface DashboardView {
  cycleId?: string;
  asOf?: string;
  interval: DashboardInterval;
}

/**
 * Every report of an organisation lives under ['reporting', orgId], so a change that moves its
 * figures can refresh them all at once; the portfolio spans organisations and sits apart.
 */
export const reportingKeys = {
  all: (orgId: string) => ['reporting', orgId] as const,
  dashboard: (orgId: string, view: DashboardView) =>
    ['reporting', orgId, 'dashboard', view.cycleId ?? '', view.asOf ?? '', view.interval] as const,
  portfolio: () => ['reporting', 'portfolio'] as const,
};

/** The whole dashboard in one request: every section of the first view comes from it. */
export function useDashboard(view: DashboardView) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: reportingKeys.dashboard(orgId, view),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/dashboard', {
          params: {
            path: { orgId },
            query: {
              ...(view.cycleId ? { cycleId: view.cycleId } : {}),
              ...(view.asOf ? { asOf: view.asOf } : {}),
              interval: view.interval,
            },
          },
        }),
      ),
    // Another cycle, date or interval keeps the figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/**
 * The organisation's cycles for the dashboard's cycle picker, asked for only once the picker is
 * opened (the first view needs the dashboard alone). Under the cycles page's own key, so both
 * share one cached list and a new cycle refreshes both.
 */
export function useCycleChoices(enabled: boolean) {
  const orgId = useOrganisationId();
  return useQuery({
    queryKey: ['cycles', orgId] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/cycles', { params: { path: { orgId } } })),
    enabled,
  });
}

/** The caller's organisations side by side, for a person who serves several. */
export function usePortfolio() {
  return useQuery({
    queryKey: reportingKeys.portfolio(),
    queryFn: () => unwrap(api.GET('/api/v1/portfolio')),
  });
}
