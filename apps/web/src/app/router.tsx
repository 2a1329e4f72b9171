import { todayIn } from '@roi/domain';
import { createBrowserRouter, Navigate, type Params, useLocation } from 'react-router';
import { DASHBOARD_ASKED_FOR } from '../session/landing';
import { meQuery } from '../session/me.queries';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageLoader } from '../ui/PageLoader';
import { OrganisationRoute } from './OrganisationRoute';
import { commentsQuery } from '../features/collaboration/collaboration.queries';
import { cycleQuery, cyclesQuery } from '../features/cycles/cycles.queries';
import { currentCycleOf } from '../features/steps/current-cycle';
import { organisationQuery } from '../features/organisations/organisations.queries';
import { kpiQuery, objectiveQuery, strategyMapQuery } from '../features/plan/plan.queries';
import { onlyForNewParams, waitWhileOpening } from './first-load';
import { queryClient } from './query-client';
import { requires } from './route-access';
import { HomeRedirect, OrganisationFrontPage, RequireSession } from './RequireSession';

// Each page is loaded on first visit, and so is the signed-in frame (its menus, selects and
// navigation): the sign-in page's first load carries neither. The router fetches the frame and
// the page in parallel.
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

/**
 * A page's first requests start when its address is opened, beside the page's code and the
 * session request, instead of after both and the page's first render (the pages' own queries
 * then find the answer in the cache, or on its way). The query definitions are small and come
 * with the router, so the requests do not queue behind the page's code. A request refused (no
 * session, not a member) only leaves an error in the cache that the page's own query asks again
 * about when it mounts.
 *
 * When the app opens (nothing is on screen yet) the router also waits, briefly, for that data:
 * the first paint then holds the frame and the page's content, not placeholders that fill in
 * one render after another (each a long task while the person is already reading). A slow
 * answer is not waited for long (first-load.ts): the page then opens with its loading states.
 * Moving between pages never waits: the page on screen gives way at once to the next one's.
 */
const prefetching = (start: (orgId: string, params: Params) => Promise<unknown>) => ({
  loader: ({ params }: { params: Params }) =>
    params.orgId ? waitOnFirstLoad(start(params.orgId, params)) : null,
  shouldRevalidate: onlyForNewParams,
});

/** Until the router has shown its first page (its loaders then run before anything is drawn). */
let opening = true;
const waitOnFirstLoad = waitWhileOpening(() => opening);

function ToOrganisationFrontPage() {
  const { search } = useLocation();
  return (
    <Navigate to={{ pathname: '..', search }} relative="path" replace state={DASHBOARD_ASKED_FOR} />
  );
}

export const router = createBrowserRouter([
  {
    path: 'sign-in',
    ...page(async () => ({
      Component: (await import('../features/accounts/SignInPage')).SignInPage,
    })),
  },
  {
    path: 'sign-up',
    ...page(async () => ({
      Component: (await import('../features/accounts/SignUpPage')).SignUpPage,
    })),
  },
  {
    path: 'invitations/:token',
    ...page(async () => ({
      Component: (await import('../features/invitations/InvitationPage')).InvitationPage,
    })),
  },
  {
    // Someone without an account (a board member who never signs in) reads a shared pack here.
    path: 'shared/board-packs/:token',
    ...page(async () => ({
      Component: (await import('../features/reporting/SharedBoardPackPage')).SharedBoardPackPage,
    })),
  },
  {
    // A senior manager without an account answers an assessment here, through a response link.
    path: 'respond/:token',
    ...page(async () => ({
      Component: (await import('../features/assessments/RespondPage')).RespondPage,
    })),
  },
  {
    element: <RequireSession />,
    // Who is signed in decides what the frame shows: asked as the router is made.
    loader: () => waitOnFirstLoad(queryClient.prefetchQuery(meQuery)),
    shouldRevalidate: onlyForNewParams,
    HydrateFallback: PageLoader,
    children: [
      {
        ...page(async () => ({ Component: (await import('./Shell')).Shell })),
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'organisations',
            ...page(async () => ({
              Component: (await import('../features/organisations/OrganisationsPage'))
                .OrganisationsPage,
            })),
          },
          {
            path: 'portfolio',
            ...page(async () => ({
              Component: (await import('../features/reporting/PortfolioPage')).PortfolioPage,
            })),
          },
          {
            path: 'profile',
            ...page(async () => ({
              Component: (await import('../features/accounts/ProfilePage')).ProfilePage,
            })),
          },
          {
            path: 'organisations/:orgId',
            element: <OrganisationRoute />,
            // What the nav's six steps need: the cycles, the organisation's time zone, and
            // then the current cycle with the steps' statuses.
            ...prefetching(async (orgId) => {
              const [cycles, organisation] = await Promise.all([
                queryClient.fetchQuery(cyclesQuery(orgId)),
                queryClient.fetchQuery(organisationQuery(orgId)),
              ]);
              const current = currentCycleOf(cycles, todayIn(organisation.timeZone));
              if (current) await queryClient.prefetchQuery(cycleQuery(orgId, current.id));
            }),
            children: [
              {
                // The executive dashboard is the organisation's front page (without a strategy
                // cycle it shows the organisation's overview and leads to the cycles); a member
                // whose role starts elsewhere (session/landing.ts) lands on their own page.
                element: <OrganisationFrontPage />,
                children: [
                  {
                    index: true,
                    ...page(async () => ({
                      Component: (await import('../features/reporting/DashboardPage'))
                        .DashboardPage,
                    })),
                  },
                ],
              },
              // One address for the dashboard: an older link keeps its cycle, date and interval.
              { path: 'dashboard', element: <ToOrganisationFrontPage /> },
              {
                path: 'board-packs',
                ...page(async () => ({
                  Component: (await import('../features/reporting/BoardPacksPage')).BoardPacksPage,
                })),
              },
              {
                path: 'board-packs/:packId',
                ...page(async () => ({
                  Component: (await import('../features/reporting/BoardPackPage')).BoardPackPage,
                })),
              },
              {
                path: 'settings',
                ...requires('organisation.update'),
                ...page(async () => ({
                  Component: (await import('../features/organisations/OrganisationSettingsPage'))
                    .OrganisationSettingsPage,
                })),
              },
              {
                path: 'cycles',
                ...page(async () => ({
                  Component: (await import('../features/cycles/CyclesPage')).CyclesPage,
                })),
              },
              {
                path: 'cycles/:cycleId',
                ...page(async () => ({
                  Component: (await import('../features/cycles/RoadmapPage')).RoadmapPage,
                })),
              },
              {
                path: 'assessments',
                ...page(async () => ({
                  Component: (await import('../features/assessments/AssessmentsPage'))
                    .AssessmentsPage,
                })),
              },
              {
                path: 'assessment-templates',
                ...page(async () => ({
                  Component: (await import('../features/assessments/TemplatesPage')).TemplatesPage,
                })),
              },
              {
                path: 'assessments/:assessmentId',
                ...page(async () => ({
                  Component: (await import('../features/assessments/AssessmentPage'))
                    .AssessmentPage,
                })),
              },
              {
                // The plan and execution pages share one live connection to the plan's changes.
                ...page(async () => ({
                  Component: (await import('../features/collaboration/PlanLiveLayout'))
                    .PlanLiveLayout,
                })),
                children: [
                  {
                    path: 'plan',
                    ...prefetching((orgId) => queryClient.prefetchQuery(strategyMapQuery(orgId))),
                    ...page(async () => ({
                      Component: (await import('../features/strategy-map/StrategyMapPage'))
                        .StrategyMapPage,
                    })),
                  },
                  {
                    path: 'plan/print',
                    ...page(async () => ({
                      Component: (await import('../features/strategy-map/StrategyPrintPage'))
                        .StrategyPrintPage,
                    })),
                  },
                  {
                    path: 'plan/kpis/:kpiId',
                    // The KPI, then the objective its breadcrumb names; beside them its discussion.
                    ...prefetching(async (orgId, { kpiId = '' }) => {
                      const discussion = queryClient.prefetchQuery(
                        commentsQuery(orgId, 'kpi', kpiId),
                      );
                      const kpi = await queryClient.fetchQuery(kpiQuery(orgId, kpiId));
                      await queryClient.prefetchQuery(objectiveQuery(orgId, kpi.objectiveId));
                      await discussion;
                    }),
                    ...page(async () => ({
                      Component: (await import('../features/kpis/KpiPage')).KpiPage,
                    })),
                  },
                  {
                    path: 'plan/versions',
                    ...page(async () => ({
                      Component: (await import('../features/plan-versions/PlanVersionsPage'))
                        .PlanVersionsPage,
                    })),
                  },
                  {
                    path: 'plan/learning',
                    ...page(async () => ({
                      Component: (await import('../features/initiatives/LearningLogPage'))
                        .LearningLogPage,
                    })),
                  },
                  {
                    path: 'execution',
                    ...page(async () => ({
                      Component: (await import('../features/execution/ExecutionPage'))
                        .ExecutionPage,
                    })),
                  },
                  {
                    path: 'execution/timeline',
                    ...page(async () => ({
                      Component: (await import('../features/execution/TimelinePage')).TimelinePage,
                    })),
                  },
                  {
                    path: 'accountability',
                    ...page(async () => ({
                      Component: (await import('../features/accountability/AccountabilityMapPage'))
                        .AccountabilityMapPage,
                    })),
                  },
                ],
              },
              {
                // Step 6, "Measure and adapt": the ledgers, imports and the ROI page.
                path: 'roi',
                ...page(async () => ({
                  Component: (await import('../features/roi/RoiPage')).RoiPage,
                })),
              },
              {
                path: 'ledgers/costs',
                ...page(async () => ({
                  Component: (await import('../features/ledgers/LedgerPage')).CostsPage,
                })),
              },
              {
                path: 'ledgers/values',
                ...page(async () => ({
                  Component: (await import('../features/ledgers/LedgerPage')).ValuesPage,
                })),
              },
              {
                path: 'ledgers/labels',
                ...requires('ledgers.manage'),
                ...page(async () => ({
                  Component: (await import('../features/ledgers/VocabulariesPage'))
                    .VocabulariesPage,
                })),
              },
              {
                path: 'imports',
                ...page(async () => ({
                  Component: (await import('../features/imports/ImportsPage')).ImportsPage,
                })),
              },
              {
                // The six steps of the current cycle, each its workspace.
                path: 'steps/:stepKey',
                ...page(async () => ({
                  Component: (await import('../features/steps/StepPage')).StepPage,
                })),
              },
              {
                path: 'members',
                ...requires('members.read'),
                ...page(async () => ({
                  Component: (await import('../features/members/MembersPage')).MembersPage,
                })),
              },
              {
                path: 'api-keys',
                ...requires('api-keys.manage'),
                ...page(async () => ({
                  Component: (await import('../features/api-keys/ApiKeysPage')).ApiKeysPage,
                })),
              },
              {
                path: 'audit-log',
                ...requires('audit.read'),
                ...page(async () => ({
                  Component: (await import('../features/audit/AuditLogPage')).AuditLogPage,
                })),
              },
              {
                path: 'outbox',
                ...requires('outbox.read'),
                ...page(async () => ({
                  Component: (await import('../features/mail/OutboxPage')).OutboxPage,
                })),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// A first page without loaders (signing in) is shown as the router is made.
if (router.state.initialized) opening = false;
else {
  const stopWatching = router.subscribe((state) => {
    if (!state.initialized) return;
    opening = false;
    stopWatching();
  });
}
