import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { passwordProblem } from '@roi/domain';
import { useNavigate } from 'react-router';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { useMe } from '../../session/me.queries';
import { useChangePassword, useSignOutEverywhere } from './accounts.queries';
import { usePageTitle } from '../../ui/page-title';

export function ProfilePage() {
  usePageTitle('Your profile');
  const me = useMe().data;
  const changePassword = useChangePassword();
  const signOutEverywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => {
        const problem = passwordProblem(value);
        return problem ? asFieldMessage(problem) : null;
      },
    },
  });
  if (!me) return null;

  const submit = form.onSubmit(async (values) => {
    try {
      await changePassword.mutateAsync(values);
      form.reset();
      notifications.show({
        color: 'green',
        message: 'Password changed; your other sessions were signed out',
      });
    } catch (error) {
      showProblemInForm(form, error, 'currentPassword');
    }
  });

  return (
    <Stack maw={560}>
      <Title order={2}>Your profile</Title>
      <Paper withBorder p="lg">
        <Text fw={600}>{me.user.name}</Text>
        <Text c="dimmed">{me.user.email}</Text>
        <Text size="sm" mt="sm">
          Member of {me.memberships.length} organisation{me.memberships.length === 1 ? '' : 's'}.
        </Text>
      </Paper>
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate aria-label="Change password">
          <Stack>
            <Title order={3} size="h4">
              Change password
            </Title>
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <Group>
              <Button type="submit" loading={changePassword.isPending}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg">
        <Stack align="flex-start">
          <Title order={3} size="h4">
            Sessions
          </Title>
          <Text size="sm" c="dimmed">
            Lost a device, or signed in on a shared computer? Sign out of every browser at once.
          </Text>
          <Button
            color="red"
            variant="light"
            loading={signOutEverywhere.isPending}
            onClick={async () => {
              await signOutEverywhere.mutateAsync(undefined);
              await navigate('/sign-in');
            }}
          >
            Sign out everywhere
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
