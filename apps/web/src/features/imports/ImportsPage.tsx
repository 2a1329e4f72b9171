import {
  Anchor,
  Badge,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isIsoDate } from '@roi/domain';
import { useState } from 'react';
import { useOrganisation } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { IMPORT_KIND_LABEL, type ImportKind } from './csv-preview';
import { ImportWizard, statusText } from './ImportWizard';
import { useImports } from './imports.queries';
import { usePageTitle } from '../../ui/page-title';

const STATUS_COLOUR: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

/** Bring costs, values and KPI measurements in from CSV, and take them out the same way. */
export function ImportsPage() {
  usePageTitle('Imports and exports');
  const current = useOrganisation();
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          Step 6 · Measure and adapt
        </Text>
        <Title order={2}>Imports and exports</Title>
      </div>
      {current.can('ledgers.record') && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Import a CSV file">
          <Title order={3} size="h4" mb="sm">
            Import a CSV file
          </Title>
          <ImportWizard />
        </Paper>
      )}
      <Exports />
      <PastImports />
    </Stack>
  );
}

function Exports() {
  const current = useOrganisation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = new URLSearchParams({
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
  }).toString();
  const href = (kind: ImportKind) =>
    `/api/v1/organisations/${current.organisationId}/exports/${kind}.csv${query ? `?${query}` : ''}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Export">
      <Title order={3} size="h4">
        Export
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        In the import formats, so an export imports back unchanged. The ledger pages export what
        their filters show.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="From"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          w={160}
        />
        <TextInput
          label="To"
          type="date"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          w={160}
        />
        {(['costs', 'values', 'kpi-measurements'] as const).map((kind) => (
          <Anchor key={kind} href={href(kind)} download mb={8}>
            {IMPORT_KIND_LABEL[kind]} CSV
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}

function PastImports() {
  const imports = useImports();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Past imports">
      <Title order={3} size="h4" mb="sm">
        Past imports
      </Title>
      {imports.isPending ? (
        <Skeleton height={120} />
      ) : imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.items.length === 0 ? (
        <EmptyState title="No imports yet">
          Files imported here are listed with their outcome.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Past imports" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Rows</Table.Th>
                <Table.Th ta="right">Problems</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {new Date(item.createdAt).toLocaleString()}
                  </Table.Td>
                  <Table.Td>{IMPORT_KIND_LABEL[item.kind]}</Table.Td>
                  <Table.Td>{item.fileName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOUR[item.status]} variant="light">
                      {statusText(item.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {item.rowsImported.toLocaleString('en-GB')} /{' '}
                    {item.rowsTotal.toLocaleString('en-GB')}
                  </Table.Td>
                  <Table.Td ta="right">{item.errorCount.toLocaleString('en-GB')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
