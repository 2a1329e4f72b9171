import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
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
import { assignableRoles, ROLE_LABELS, type Role } from '@roi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { NoAccessPage } from '../../ui/NoAccessPage';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const keysOf = (orgId: string) => ['api-keys', orgId] as const;

export function ApiKeysPage() {
  usePageTitle('API keys');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<Schemas['CreatedApiKeyDto'] | null>(null);
  const keys = useQuery({
    queryKey: keysOf(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/api-keys', { params: { path: { orgId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keysOf(orgId) });
  const create = useMutation({
    mutationFn: (body: Schemas['CreateApiKeyDto']) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/api-keys', { params: { path: { orgId } }, body }),
      ),
    onSuccess: (created) => {
      setShown(created);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (apiKeyId: string) =>
      unwrap(
        api.POST('/api/v1/organisations/{orgId}/api-keys/{apiKeyId}/revoke', {
          params: { path: { orgId, apiKeyId } },
        }),
      ),
    onSettled: refresh,
  });
  const form = useForm({
    initialValues: { name: '', role: 'contributor' as Role },
    validate: {
      name: (value) => (value.trim() ? null : 'Name the key after the system that uses it'),
    },
  });
  if (!current.can('api-keys.manage')) return <NoAccessPage permission="api-keys.manage" />;
  const roles = assignableRoles(current.membership.role);

  const submit = form.onSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset();
    } catch (error) {
      showProblemInForm(form, error, 'name');
    }
  });

  return (
    <Stack>
      <div>
        <Title order={2}>API keys</Title>
        <Text c="dimmed" size="sm">
          For systems that push measurements and read reports: send{' '}
          <Code>Authorization: Bearer &lt;key&gt;</Code>.
        </Text>
      </div>
      {shown && (
        <Alert
          color="green"
          title={`Key "${shown.apiKey.name}" created`}
          withCloseButton
          onClose={() => setShown(null)}
        >
          <Text size="sm">Copy it now: it is shown this once and never again.</Text>
          <Group mt="xs">
            <Code data-testid="new-api-key">{shown.key}</Code>
            <CopyButton value={shown.key}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label="New API key">
          <Group align="flex-end">
            <TextInput
              label="Name"
              placeholder="CRM measurement sync"
              w={300}
              {...form.getInputProps('name')}
            />
            <Select
              label="Acts as"
              data={roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              allowDeselect={false}
              w={240}
              {...form.getInputProps('role')}
            />
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </form>
      </Paper>
      {keys.isPending ? (
        <Skeleton height={120} />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys">
          Create one for each system, so each can be revoked alone.
        </EmptyState>
      ) : (
        <Table verticalSpacing="sm" aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Acts as</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td fw={600}>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>{ROLE_LABELS[key.role]}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={key.status === 'active' ? 'green' : 'gray'}>
                    {key.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : 'never'}
                </Table.Td>
                <Table.Td>
                  {key.status === 'active' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void revoke.mutateAsync(key.id)}
                    >
                      Revoke
                    </Button>
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
