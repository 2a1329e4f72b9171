import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { CreateOrganisationForm, monthOptions } from './CreateOrganisationForm';
import { type Organisation, useOrganisations } from './organisations.queries';
import { RenameOrganisationForm } from './RenameOrganisationForm';

export function OrganisationsPage() {
  const organisations = useOrganisations();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Organisation | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>Organisations</Title>
          <Text c="dimmed" size="sm">
            Each organisation keeps its own strategy cycles, plans and numbers.
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>New organisation</Button>
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
        <OrganisationsTable items={organisations.data.items} onRename={setRenaming} />
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
          }}
        />
      </Modal>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title="Rename">
        {renaming && (
          <RenameOrganisationForm organisation={renaming} onDone={() => setRenaming(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function OrganisationsTable(props: {
  items: Organisation[];
  onRename: (organisation: Organisation) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Organisations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Sector</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Fiscal year starts</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((organisation) => (
            <Table.Tr key={organisation.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={600}>{organisation.name}</Text>
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
              <Table.Td>
                <Tooltip label="Rename">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Rename ${organisation.name}`}
                    onClick={() => props.onRename(organisation)}
                  >
                    ✎
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
