import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { NoAccessPage } from '../../ui/NoAccessPage';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const ENTITY_TYPES = ['organisation', 'membership', 'invitation', 'api_key'];

export function AuditLogPage() {
  usePageTitle('Audit log');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const [entityType, setEntityType] = useState<string | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit-log', orgId, entityType],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/audit-log', {
          params: {
            path: { orgId },
            query: {
              limit: 50,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(entityType ? { entityType } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (!current.can('audit.read')) return <NoAccessPage permission="audit.read" />;
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const exportUrl = `/api/v1/organisations/${orgId}/audit-log/export.csv${entityType ? `?entityType=${entityType}` : ''}`;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Audit log</Title>
          <Text c="dimmed" size="sm">
            Every change: who made it, when, and each field before and after.
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label="Record"
            placeholder="All records"
            clearable
            data={ENTITY_TYPES}
            value={entityType}
            onChange={setEntityType}
            w={200}
          />
          <Button component="a" href={exportUrl} variant="light">
            Export CSV
          </Button>
        </Group>
      </Group>
      {log.isPending ? (
        <Skeleton height={200} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Changes appear here as people work.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{new Date(entry.occurredAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    {entry.actorName ?? (entry.actorApiKeyId ? 'API key' : 'system')}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{entry.action}</Badge> {entry.entityType}
                  </Table.Td>
                  <Table.Td>
                    {Object.entries(entry.changes).map(([field, change]) => (
                      <Text key={field} size="xs">
                        <b>{field}</b>: <Code>{JSON.stringify(change.before ?? null)}</Code> →{' '}
                        <Code>{JSON.stringify(change.after ?? null)}</Code>
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Anchor component="button" onClick={() => void log.fetchNextPage()}>
          Show older changes
        </Anchor>
      )}
    </Stack>
  );
}
