import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ROLE_LABELS } from '@roi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { meKey, useMe } from '../../session/me.queries';
import { AuthLayout } from '../accounts/AuthLayout';
import { usePageTitle } from '../../ui/page-title';

/** Where an invitation link lands: see what is offered, sign in or sign up, and accept. */
export function InvitationPage() {
  const token = useParams().token ?? '';
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async (accepted) => {
      await queryClient.invalidateQueries({ queryKey: meKey });
      await navigate(`/organisations/${accepted.organisationId}`);
    },
  });
  usePageTitle(preview.data ? `Join ${preview.data.organisationName}` : 'Invitation');
  if (preview.isPending || me.isPending) return <PageLoader />;
  if (preview.isError) {
    return (
      <AuthLayout title="Invitation">
        <ErrorState error={preview.error} />
      </AuthLayout>
    );
  }
  const invitation = preview.data;
  const here = `/invitations/${token}`;
  return (
    <AuthLayout title={`Join ${invitation.organisationName}`}>
      <Stack>
        <Text>
          You are invited as <b>{ROLE_LABELS[invitation.role]}</b>. The invitation is for{' '}
          <b>{invitation.email}</b>.
        </Text>
        {invitation.status !== 'pending' ? (
          <Alert color="orange" title={`This invitation is ${invitation.status}`}>
            Ask whoever invited you for a new one.
          </Alert>
        ) : me.data ? (
          <>
            {me.data.user.email !== invitation.email && (
              <Alert color="orange" title="Signed in as someone else">
                You are signed in as {me.data.user.email}. Sign in as {invitation.email} to accept.
              </Alert>
            )}
            {accept.isError && <ErrorState error={accept.error} />}
            <Button
              onClick={() => accept.mutate()}
              loading={accept.isPending}
              disabled={me.data.user.email !== invitation.email}
            >
              Accept and join
            </Button>
          </>
        ) : (
          <Group grow>
            <Button
              component={Link}
              to={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            >
              Create an account
            </Button>
            <Button
              component={Link}
              variant="default"
              to={`/sign-in?next=${encodeURIComponent(here)}`}
            >
              Sign in
            </Button>
          </Group>
        )}
      </Stack>
    </AuthLayout>
  );
}
