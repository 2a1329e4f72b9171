import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, type Schemas, unwrap } from '../../api/client';

export type Me = Schemas['MeDto'];
export type MyMembership = Schemas['MyMembershipDto'];

export const meKey = ['me'] as const;

/** The signed-in person and their organisations; null when nobody is signed in. */
export function useMe() {
  return useQuery({
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
}

/**
 * Signing in, up or out changes everything the pages know: forget it all, and take the person
 * the answer names (or nobody) as who is signed in now, before the next page asks.
 */
function useSessionChange<Input>(change: (input: Input) => Promise<Me | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
  });
}

export const useSignIn = () =>
  useSessionChange((body: Schemas['SignInDto']) =>
    unwrap(api.POST('/api/v1/auth/sign-in', { body })),
  );

export const useSignUp = () =>
  useSessionChange((body: Schemas['SignUpDto']) =>
    unwrap(api.POST('/api/v1/auth/sign-up', { body })),
  );

export const useSignOut = () =>
  useSessionChange(async () => {
    await unwrap(api.POST('/api/v1/auth/sign-out'));
    return null;
  });

export const useSignOutEverywhere = () =>
  useSessionChange(async () => {
    await unwrap(api.POST('/api/v1/auth/sign-out-everywhere'));
    return null;
  });

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Schemas['ChangePasswordDto']) =>
      unwrap(api.POST('/api/v1/auth/change-password', { body })),
  });
}
