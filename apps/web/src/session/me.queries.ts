import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiProblem, type Schemas, unwrap } from '../api/client';

export type Me = Schemas['MeDto'];
export type MyMembership = Schemas['MyMembershipDto'];

export const meKey = ['me'] as const;

/** The signed-in person and their organisations; null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await unwrap(api.GET('/api/v1/auth/me'));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
