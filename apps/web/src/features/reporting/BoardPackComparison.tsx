import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { formatPercent, type KpiStatus, type MissAttribution } from '@roi/domain';
import type { ReactNode } from 'react';
import { ErrorState } from '../../ui/ErrorState';
import { NUMERIC } from '../../ui/ChartOrTable';
import {
  type BoardPack,
  type BoardPackComparison,
  useBoardPackComparison,
} from './board-packs.queries';
import type { PackFormat } from './BoardPackFormat';
import { formatShare } from './report-format';
import { KpiStatusBadge, MissBadge } from './report-parts';

type Movement = BoardPackComparison['kpis'][number];
type Figures = NonNullable<BoardPackComparison['roi']>['before'];

/** What moved between the previous published pack and this one: ROI, KPIs, milestones. */
export function BoardPackComparisonPanel(props: { pack: BoardPack; format: PackFormat }) {
  const comparison = useBoardPackComparison(props.pack.id, props.pack.status === 'published');
  const previous = comparison.data?.previous;
  const title = previous ? `What moved since ${previous.title}` : 'What moved';
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="What moved since the previous pack"
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {comparison.isPending ? (
          <Skeleton height={80} />
        ) : comparison.isError ? (
          <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
        ) : !previous ? (
          <Text size="sm">
            This is the first published pack: there is no earlier one to compare it with.
          </Text>
        ) : (
          <Movements comparison={comparison.data} format={props.format} />
        )}
      </Stack>
    </Paper>
  );
}

function Movements(props: { comparison: BoardPackComparison; format: PackFormat }) {
  const { comparison, format } = props;
  const previous = comparison.previous;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Compared with the pack as of {format.day(previous?.asOf)}
        {previous?.publishedAt ? `, published ${format.dayOf(previous.publishedAt)}` : ''}.
      </Text>
      {comparison.roi && (
        <RoiMovement before={comparison.roi.before} after={comparison.roi.after} format={format} />
      )}
      <SimpleGrid cols={2} spacing="sm">
        {comparison.milestonesDelivered && (
          <Change
            label="Milestones delivered"
            before={String(comparison.milestonesDelivered.before)}
            after={String(comparison.milestonesDelivered.after)}
          />
        )}
        {comparison.milestonesMissed && (
          <Change
            label="Milestones missed"
            before={String(comparison.milestonesMissed.before)}
            after={String(comparison.milestonesMissed.after)}
          />
        )}
      </SimpleGrid>
      {comparison.kpis.length === 0 ? (
        <Text size="sm">No KPI changed status, progress or miss attribution.</Text>
      ) : (
        <KpiMovements kpis={comparison.kpis} />
      )}
    </Stack>
  );
}

function RoiMovement(props: { before: Figures; after: Figures; format: PackFormat }) {
  const { before, after } = props;
  const { money } = props.format;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Change
        label="ROI to date"
        before={formatPercent(before.roi)}
        after={formatPercent(after.roi)}
      />
      <Change
        label="Risk-adjusted ROI"
        before={formatPercent(before.riskAdjustedRoi)}
        after={formatPercent(after.riskAdjustedRoi)}
      />
      <Change label="Cost" before={money.format(before.cost)} after={money.format(after.cost)} />
      <Change label="Value" before={money.format(before.value)} after={money.format(after.value)} />
    </SimpleGrid>
  );
}

function Change(props: { label: string; before: string; after: string }) {
  const same = props.before === props.after;
  return (
    <div data-change={props.label}>
      <Text size="xs" tt="uppercase" fw={700} c="gray.7">
        {props.label}
      </Text>
      <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {same ? (
          `${props.after} (unchanged)`
        ) : (
          <>
            {props.before} → {props.after}
          </>
        )}
      </Text>
    </div>
  );
}

function KpiMovements(props: { kpis: Movement[] }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label="KPIs that moved" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th style={NUMERIC}>Progress</Table.Th>
            <Table.Th>Miss</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.kpis.map((kpi) => (
            <Table.Tr key={kpi.kpiId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {kpi.name}
                </Text>
                <Text size="xs" c="gray.7">
                  {kpi.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Before>
                  {kpi.statusBefore ? (
                    <KpiStatusBadge status={kpi.statusBefore as KpiStatus} />
                  ) : (
                    'new'
                  )}
                </Before>
                {kpi.statusAfter ? (
                  <KpiStatusBadge status={kpi.statusAfter as KpiStatus} />
                ) : (
                  'removed'
                )}
              </Table.Td>
              <Table.Td style={NUMERIC}>
                {formatShare(kpi.progressBefore)} → {formatShare(kpi.progressAfter)}
              </Table.Td>
              <Table.Td>
                <Before>
                  <MissBadge miss={kpi.missBefore as MissAttribution | null} />
                </Before>
                <MissBadge miss={kpi.missAfter as MissAttribution | null} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The earlier value, then an arrow to the later one. */
function Before(props: { children: ReactNode }) {
  return (
    <Text span size="sm" mr={6} style={{ whiteSpace: 'nowrap' }}>
      {props.children} →
    </Text>
  );
}
