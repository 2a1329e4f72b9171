import { createBrowserRouter, Navigate } from 'react-router';
import { Shell } from './Shell';
import { NotFoundPage } from '../ui/NotFoundPage';

// Each feature's page is loaded on first visit, so the first load carries only the shell.
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/organisations" replace /> },
      {
        path: 'organisations',
        lazy: async () => ({
          Component: (await import('../features/organisations/OrganisationsPage'))
            .OrganisationsPage,
        }),
      },
      {
        path: 'steps/:stepKey',
        lazy: async () => ({
          Component: (await import('../features/steps/StepPage')).StepPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
