import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { CreateOrganisationForm, monthOptions } from './CreateOrganisationForm';
import { type Organisation, useOrganisations } from './organisations.queries';
import { usePageTitle } from '../../ui/page-title';

export function OrganisationsPage() {
  usePageTitle('Organisations');
  const organisations = useOrganisations();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>Organisations</Title>
          <Text c="dimmed" size="sm">
            The organisations you belong to. Each keeps its own strategy cycles, plans and numbers.
          </Text>
        </div>
        <Group gap="sm">
          {(organisations.data?.items.length ?? 0) > 1 && (
            <Button component={Link} to="/portfolio" variant="light">
              Portfolio: side by side
            </Button>
          )}
          <Button onClick={() => setCreating(true)}>New organisation</Button>
        </Group>
      </Group>

      {organisations.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading organisations">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={44} />
          ))}
        </Stack>
      ) : organisations.isError ? (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : organisations.data.items.length === 0 ? (
        <EmptyState
          title="No organisations yet"
          action={<Button onClick={() => setCreating(true)}>Create the first one</Button>}
        >
          Create your organisation to start its first strategy cycle: assess where you stand, then
          plan, execute and measure what social media returns.
        </EmptyState>
      ) : (
        <OrganisationsTable items={organisations.data.items} />
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New organisation"
        size="lg"
      >
        <CreateOrganisationForm
          onCancel={() => setCreating(false)}
          onCreated={(organisation) => {
            setCreating(false);
            notifications.show({ color: 'green', message: `${organisation.name} was created` });
            void navigate(`/organisations/${organisation.id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}

function OrganisationsTable(props: { items: Organisation[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Organisations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Sector</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Fiscal year starts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((organisation) => (
            <Table.Tr key={organisation.id}>
              <Table.Td>
                <Group gap="xs">
                  <Anchor component={Link} to={`/organisations/${organisation.id}`} fw={600}>
                    {organisation.name}
                  </Anchor>
                  {organisation.isDemo && (
                    <Badge size="sm" variant="light" color="grape">
                      Demo
                    </Badge>
                  )}
                </Group>
                {organisation.description && (
                  <Text size="xs" c="dimmed" lineClamp={1} maw={520}>
                    {organisation.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{organisation.sector ?? '—'}</Table.Td>
              <Table.Td>{organisation.currency}</Table.Td>
              <Table.Td>
                {monthOptions[organisation.fiscalYearStartMonth - 1]?.label ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
