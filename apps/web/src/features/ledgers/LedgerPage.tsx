import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
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
import { DeleteRecordDialog } from '../../ui/DeleteRecordDialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { formatDay } from '../../ui/plan-format';
import { useInitiatives } from '../plan/plan.queries';
import { type MoneyFormat, useMoney } from '../roi/money';
import { EntryForm } from './EntryForm';
import {
  COST_CATEGORIES,
  type CostEntry,
  exportUrl,
  type LedgerFilters,
  type LedgerKind,
  type LedgerSort,
  useCostEntries,
  useDeleteEntry,
  useValueEntries,
  useVocabulary,
  VALUE_TYPES,
  type ValueEntry,
} from './ledgers.queries';
import { usePageTitle } from '../../ui/page-title';

const NUMERIC = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;

export function CostsPage() {
  return <LedgerPage ledger="costs" />;
}

export function ValuesPage() {
  return <LedgerPage ledger="values" />;
}

const SORTS: { value: LedgerSort; label: string }[] = [
  { value: '-date', label: 'Newest first' },
  { value: 'date', label: 'Oldest first' },
  { value: '-amount', label: 'Largest first' },
  { value: 'amount', label: 'Smallest first' },
];

/** One ledger: its entries as the filter shows them, their totals, and adding or changing one. */
function LedgerPage(props: { ledger: LedgerKind }) {
  const { ledger } = props;
  const current = useOrganisation();
  const { money, error: moneyError } = useMoney();
  const initiatives = useInitiatives();
  const [filters, setFilters] = useState<LedgerFilters>({ sort: '-date' });
  const costs = useCostEntries(filters, ledger === 'costs');
  const values = useValueEntries(filters, ledger === 'values');
  const list = ledger === 'costs' ? costs : values;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const canRecord = current.can('ledgers.record');
  const initiativeOptions = (initiatives.data ?? []).map((initiative) => ({
    id: initiative.id,
    code: initiative.code,
    name: initiative.name,
  }));
  const entries: (CostEntry | ValueEntry)[] =
    ledger === 'costs'
      ? (costs.data?.pages.flatMap((page) => page.items) ?? [])
      : (values.data?.pages.flatMap((page) => page.items) ?? []);
  const totals = list.data?.pages[0]?.totals;
  const title = ledger === 'costs' ? 'Costs' : 'Values';
  usePageTitle(title);
  const filtered = Boolean(
    filters.from ||
    filters.to ||
    filters.initiativeId ||
    filters.channel ||
    filters.activity ||
    filters.kind,
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            Step 6 · Measure and adapt
          </Text>
          <Title order={2}>{title}</Title>
          <Text size="sm" c="dimmed">
            {ledger === 'costs'
              ? 'What the work cost: each amount dated, on an initiative, a channel and an activity.'
              : 'What the work brought in, each amount with how sure we are it came from this work.'}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            component="a"
            variant="light"
            href={exportUrl(current.organisationId, ledger, filters)}
          >
            Export CSV
          </Button>
          {canRecord && !adding && (
            <Button onClick={() => setAdding(true)}>
              Add {ledger === 'costs' ? 'a cost' : 'a value'}
            </Button>
          )}
        </Group>
      </Group>
      <Filters
        ledger={ledger}
        filters={filters}
        onChange={setFilters}
        initiatives={initiativeOptions}
      />
      {adding && money && (
        <Paper withBorder p="md" radius="md">
          <EntryForm
            ledger={ledger}
            initiatives={initiativeOptions}
            minorUnits={money.minorUnits}
            onDone={() => setAdding(false)}
          />
        </Paper>
      )}
      {list.isError || moneyError ? (
        <ErrorState error={list.error ?? moneyError} onRetry={() => void list.refetch()} />
      ) : list.isPending || !money ? (
        <Skeleton height={240} />
      ) : entries.length === 0 ? (
        <EmptyState
          title={filtered ? 'No entries match these filters' : `No ${ledger} recorded yet`}
        >
          {filtered
            ? 'Widen the dates or clear a filter.'
            : canRecord
              ? `Add ${ledger === 'costs' ? 'a cost' : 'a value'} above, or import a CSV.`
              : 'Entries appear here as people record them.'}
        </EmptyState>
      ) : (
        <>
          {totals && <Totals ledger={ledger} totals={totals} money={money} filtered={filtered} />}
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped aria-label={`${title} entries`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Initiative</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Activity</Table.Th>
                  <Table.Th>{ledger === 'costs' ? 'Category' : 'Value type'}</Table.Th>
                  <Table.Th style={NUMERIC}>Amount</Table.Th>
                  <Table.Th style={NUMERIC}>{ledger === 'costs' ? 'Hours' : 'Confidence'}</Table.Th>
                  {ledger === 'values' && <Table.Th style={NUMERIC}>Risk-adjusted</Table.Th>}
                  <Table.Th>Note</Table.Th>
                  {canRecord && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) =>
                  editing === entry.id ? (
                    <Table.Tr key={entry.id}>
                      <Table.Td colSpan={ledger === 'costs' ? 9 : 10}>
                        <EntryForm
                          ledger={ledger}
                          entry={entry}
                          initiatives={initiativeOptions}
                          minorUnits={money.minorUnits}
                          onDone={() => setEditing(null)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <EntryRow
                      key={entry.id}
                      ledger={ledger}
                      entry={entry}
                      money={money}
                      canRecord={canRecord}
                      onEdit={() => setEditing(entry.id)}
                    />
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="center">
            {list.hasNextPage ? (
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                All {entries.length} shown
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

const kindLabel = (ledger: LedgerKind, value: string) =>
  (ledger === 'costs' ? COST_CATEGORIES : VALUE_TYPES).find((option) => option.value === value)
    ?.label ?? value;

function EntryRow(props: {
  ledger: LedgerKind;
  entry: CostEntry | ValueEntry;
  money: MoneyFormat;
  canRecord: boolean;
  onEdit: () => void;
}) {
  const { entry, money, ledger } = props;
  const remove = useDeleteEntry(ledger);
  const [deleting, setDeleting] = useState(false);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(entry.date)}</Table.Td>
      <Table.Td>{entry.initiativeCode}</Table.Td>
      <Table.Td>{entry.channel}</Table.Td>
      <Table.Td>{entry.activity}</Table.Td>
      <Table.Td>
        {kindLabel(ledger, 'category' in entry ? entry.category : entry.valueType)}
      </Table.Td>
      <Table.Td style={NUMERIC}>{money.format(entry.amount)}</Table.Td>
      <Table.Td style={NUMERIC}>
        {'category' in entry ? (entry.hours ?? '—') : entry.confidence}
      </Table.Td>
      {'riskAdjustedAmount' in entry && (
        <Table.Td style={NUMERIC}>{money.format(entry.riskAdjustedAmount)}</Table.Td>
      )}
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {entry.note}
        </Text>
      </Table.Td>
      {props.canRecord && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={props.onEdit}>
              Edit
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => setDeleting(true)}
            >
              Delete
            </Button>
          </Group>
          <DeleteRecordDialog
            target={
              deleting
                ? {
                    type: ledger,
                    id: entry.id,
                    label: `the ${ledger === 'costs' ? 'cost' : 'value'} of ${money.format(entry.amount)} on ${formatDay(entry.date)}`,
                  }
                : null
            }
            remove={{
              mutateAsync: ({ id }) => remove.mutateAsync(id),
              isPending: remove.isPending,
            }}
            onClose={() => setDeleting(false)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function Totals(props: {
  ledger: LedgerKind;
  totals: { count: number; amount: string; riskAdjustedAmount?: string };
  money: MoneyFormat;
  filtered: boolean;
}) {
  const { totals, money } = props;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      aria-label="Totals of the entries shown"
      component="section"
    >
      <Group gap="xl">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {props.filtered ? 'Entries matching' : 'Entries'}
          </Text>
          <Text fw={600}>{totals.count.toLocaleString(money.locale)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Total
          </Text>
          <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {money.format(totals.amount)}
          </Text>
        </div>
        {totals.riskAdjustedAmount !== undefined && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Risk-adjusted total
            </Text>
            <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {money.format(totals.riskAdjustedAmount)}
            </Text>
          </div>
        )}
      </Group>
    </Paper>
  );
}

function Filters(props: {
  ledger: LedgerKind;
  filters: LedgerFilters;
  onChange: (filters: LedgerFilters) => void;
  initiatives: { id: string; code: string; name: string }[];
}) {
  const { filters, onChange } = props;
  const channels = useVocabulary('channels');
  const activities = useVocabulary('activities');
  const set = (patch: Partial<LedgerFilters>) => onChange({ ...filters, ...patch });
  const day = (which: 'from' | 'to') => (value: string) => {
    if (value === '' || isIsoDate(value)) set({ [which]: value || undefined });
  };
  const any =
    filters.from ||
    filters.to ||
    filters.initiativeId ||
    filters.channel ||
    filters.activity ||
    filters.kind;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="xs">
        <TextInput
          label="From"
          type="date"
          value={filters.from ?? ''}
          onChange={(event) => day('from')(event.currentTarget.value)}
        />
        <TextInput
          label="To"
          type="date"
          value={filters.to ?? ''}
          onChange={(event) => day('to')(event.currentTarget.value)}
        />
        <Select
          label="Initiative"
          placeholder="All"
          clearable
          searchable
          data={props.initiatives.map((initiative) => ({
            value: initiative.id,
            label: initiative.code,
          }))}
          value={filters.initiativeId ?? null}
          onChange={(value) => set({ initiativeId: value ?? undefined })}
        />
        <Select
          label="Channel"
          placeholder="All"
          clearable
          searchable
          data={[...new Set((channels.data ?? []).map((channel) => channel.label))]}
          value={filters.channel ?? null}
          onChange={(value) => set({ channel: value ?? undefined })}
        />
        <Select
          label="Activity"
          placeholder="All"
          clearable
          searchable
          data={[...new Set((activities.data ?? []).map((activity) => activity.label))]}
          value={filters.activity ?? null}
          onChange={(value) => set({ activity: value ?? undefined })}
        />
        <Select
          label={props.ledger === 'costs' ? 'Category' : 'Value type'}
          placeholder="All"
          clearable
          data={props.ledger === 'costs' ? COST_CATEGORIES : VALUE_TYPES}
          value={filters.kind ?? null}
          onChange={(value) => set({ kind: value ?? undefined })}
        />
        <Select
          label="Sort"
          data={SORTS}
          allowDeselect={false}
          value={filters.sort}
          onChange={(value) => value && set({ sort: value as LedgerSort })}
        />
        {any && (
          <Anchor
            component="button"
            size="sm"
            onClick={() => onChange({ sort: filters.sort })}
            style={{ alignSelf: 'end' }}
            mb={8}
          >
            Clear filters
          </Anchor>
        )}
      </SimpleGrid>
    </Paper>
  );
}
