import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { assignableRoles, ROLE_LABELS, type Role } from '@roi/domain';
import { ApiProblem } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { NoAccessPage } from '../../ui/NoAccessPage';
import {
  type Invitation,
  type Member,
  useChangeRole,
  useInvitations,
  useInvite,
  useMembers,
  useRemoveMember,
  useResendInvitation,
  useRevokeInvitation,
} from './members.queries';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const roleOptions = (roles: readonly Role[]) =>
  roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function MembersPage() {
  usePageTitle('Members and invitations');
  const current = useOrganisation();
  const members = useMembers();
  const managesMembers = current.can('members.manage') ?? false;
  const managesInvitations = current.can('invitations.manage') ?? false;
  if (!current.can('members.read')) return <NoAccessPage permission="members.read" />;
  return (
    <Stack>
      <div>
        <Title order={2}>Members and invitations</Title>
        <Text c="dimmed" size="sm">
          Who takes part in the strategy, and with which role.
        </Text>
      </div>
      {managesInvitations && <InviteForm assignable={assignableRoles(current.membership.role)} />}
      {members.isPending ? (
        <Skeleton height={160} />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <MembersTable
          members={members.data}
          editable={managesMembers}
          assignable={assignableRoles(current.membership.role)}
        />
      )}
      {managesInvitations && <InvitationsSection />}
    </Stack>
  );
}

function MembersTable(props: { members: Member[]; editable: boolean; assignable: Role[] }) {
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const report = (error: unknown) =>
    notifications.show({
      color: 'red',
      title: 'Not done',
      message: error instanceof Error ? error.message : 'Try again.',
    });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            {props.editable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.members.map((member) => {
            const manageable = props.editable && props.assignable.includes(member.role);
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={600}>{member.name}</Text>
                    {member.external && (
                      <Badge size="sm" color="orange" variant="light">
                        External
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {manageable ? (
                    <Select
                      aria-label={`Role of ${member.name}`}
                      data={roleOptions(props.assignable)}
                      value={member.role}
                      allowDeselect={false}
                      w={240}
                      onChange={(role) =>
                        role &&
                        changeRole
                          .mutateAsync({
                            membershipId: member.id,
                            role: role as Role,
                            version: member.version,
                          })
                          .catch(report)
                      }
                    />
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </Table.Td>
                {props.editable && (
                  <Table.Td>
                    {manageable && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutateAsync(member.id).catch(report)}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InviteForm(props: { assignable: Role[] }) {
  const invite = useInvite();
  const form = useForm({
    initialValues: { email: '', role: 'contributor' as Role },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await invite.mutateAsync(values);
      notifications.show({ color: 'green', message: `Invitation sent to ${values.email}` });
      form.reset();
    } catch (error) {
      if (error instanceof ApiProblem && !error.problem.errors?.length) {
        form.setErrors({ email: error.message });
      } else {
        showProblemInForm(form, error, 'email');
      }
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Invite someone">
        <Group align="flex-end">
          <TextInput
            label="Invite by email"
            placeholder="name@example.org"
            w={320}
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            data={roleOptions(props.assignable)}
            allowDeselect={false}
            w={240}
            {...form.getInputProps('role')}
          />
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

const statusColour: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'gray',
  expired: 'orange',
};

function InvitationsSection() {
  const invitations = useInvitations();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  if (invitations.isPending) return <Skeleton height={80} />;
  if (invitations.isError)
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Invitations
      </Title>
      {invitations.data.length === 0 ? (
        <EmptyState title="No invitations yet">
          Invite your leadership team, programme managers and consultants.
        </EmptyState>
      ) : (
        <Table verticalSpacing="xs" aria-label="Invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{ROLE_LABELS[invitation.role]}</Table.Td>
                <Table.Td>
                  <Badge color={statusColour[invitation.status]} variant="light">
                    {invitation.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{new Date(invitation.expiresAt).toLocaleDateString()}</Table.Td>
                <Table.Td>
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <Group gap={4}>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => void resend.mutateAsync(invitation.id)}
                      >
                        Resend
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void revoke.mutateAsync(invitation.id)}
                      >
                        Revoke
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
