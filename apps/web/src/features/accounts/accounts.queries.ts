import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { type Me, meKey } from '../../session/me.queries';

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
