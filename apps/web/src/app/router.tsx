import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../ui/NotFoundPage';
import { OrganisationRoute } from './OrganisationRoute';
import { HomeRedirect, RequireSession } from './RequireSession';
import { Shell } from './Shell';

// Each page is loaded on first visit, so the first load carries only the shell.
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

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
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
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
            path: 'profile',
            ...page(async () => ({
              Component: (await import('../features/accounts/ProfilePage')).ProfilePage,
            })),
          },
          {
            path: 'organisations/:orgId',
            element: <OrganisationRoute />,
            children: [
              {
                index: true,
                ...page(async () => ({
                  Component: (await import('../features/organisations/OrganisationOverviewPage'))
                    .OrganisationOverviewPage,
                })),
              },
              {
                path: 'settings',
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
                path: 'assessments/:assessmentId',
                ...page(async () => ({
                  Component: (await import('../features/assessments/AssessmentPage'))
                    .AssessmentPage,
                })),
              },
              {
                path: 'steps/:stepKey',
                ...page(async () => ({
                  Component: (await import('../features/steps/StepPage')).StepPage,
                })),
              },
              {
                path: 'members',
                ...page(async () => ({
                  Component: (await import('../features/members/MembersPage')).MembersPage,
                })),
              },
              {
                path: 'api-keys',
                ...page(async () => ({
                  Component: (await import('../features/api-keys/ApiKeysPage')).ApiKeysPage,
                })),
              },
              {
                path: 'audit-log',
                ...page(async () => ({
                  Component: (await import('../features/audit/AuditLogPage')).AuditLogPage,
                })),
              },
              {
                path: 'outbox',
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
