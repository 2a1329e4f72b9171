import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { NoAccessPage } from '../../ui/NoAccessPage';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

/** What the product mailed; without an SMTP server this is where invitations can be read. */
export function OutboxPage() {
  usePageTitle('Mail outbox');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const outbox = useQuery({
    queryKey: ['outbox', orgId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/outbox', { params: { path: { orgId } } })),
  });
  if (!current.can('outbox.read')) return <NoAccessPage permission="outbox.read" />;
  return (
    <Stack maw={820}>
      <div>
        <Title order={2}>Mail outbox</Title>
        <Text c="dimmed" size="sm">
          Mail sent for this organisation, newest first.
        </Text>
      </div>
      {outbox.isPending ? (
        <Skeleton height={120} />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <EmptyState title="No mail yet">Invitations you send appear here.</EmptyState>
      ) : (
        outbox.data.map((message) => (
          <Paper
            key={message.id}
            withBorder
            p="md"
            component="article"
            aria-label={message.subject}
          >
            <Text fw={600}>{message.subject}</Text>
            <Text size="xs" c="dimmed">
              To {message.recipient} · {new Date(message.createdAt).toLocaleString()}
            </Text>
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}
