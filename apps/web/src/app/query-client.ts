import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/client';

/**
 * The app's one query cache: the provider hands it to the pages, and the router's loaders start a
 * page's first requests through it while the page's code is still on its way.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});
