import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LiveBadge } from '../../ui/LiveBadge';
import { formatDay, MILESTONE_STATUS } from '../../ui/plan-format';
import { type Timeline, useBurnUp, useTimeline } from './execution.queries';
import { MilestoneDrawer } from './MilestoneDrawer';
import { SMALL_SCREEN } from './MilestoneTable';
import { milestoneColour, TimelineChart } from './TimelineChart';
import { TimelineList } from './TimelineList';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

/** The programme over time: the initiatives and milestones on a timeline, and the burn-up. */
export function TimelinePage() {
  usePageTitle('Timeline and burn-up');
  const orgId = useOrganisationId();
  const canEdit = useOrganisation().can('plan.edit');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period = from && to && from <= to ? { from, to } : { from: undefined, to: undefined };
  const timeline = useTimeline(period.from, period.to);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  // A chart of months does not fit a phone: there the timeline is a list.
  const small = useMediaQuery(SMALL_SCREEN);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={2}>Timeline and burn-up</Title>
            <LiveBadge />
          </Group>
          <Text c="dimmed" size="sm">
            {timeline.data
              ? `${formatDay(timeline.data.from)} to ${formatDay(timeline.data.to)}`
              : 'The current strategy cycle'}{' '}
            ·{' '}
            <Anchor component={Link} to={`/organisations/${orgId}/execution`} size="sm">
              Milestone lists
            </Anchor>
          </Text>
        </div>
        <Group gap="xs">
          <TextInput
            label="From"
            type="date"
            size="xs"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            label="To"
            type="date"
            size="xs"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={from && to && to < from ? 'Before the start' : undefined}
          />
        </Group>
      </Group>
      <Paper withBorder p="md" component="section" aria-label="Timeline">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            Timeline
          </Title>
          {!small && <TimelineLegend />}
        </Group>
        {timeline.isPending ? (
          <Skeleton height={320} />
        ) : timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : timeline.data.initiatives.length === 0 ? (
          <EmptyState title="Nothing on the timeline">
            No initiative runs in this period and no milestone is due in it.
            {canEdit && ' Add initiatives and milestones on the strategy map.'}
          </EmptyState>
        ) : small ? (
          <TimelineList timeline={timeline.data} onOpenMilestone={setMilestoneId} />
        ) : (
          <Tabs defaultValue="chart" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="chart">Chart</Tabs.Tab>
              <Tabs.Tab value="table">Table</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart" pt="md">
              <div style={{ overflowX: 'auto' }}>
                <div style={{ minWidth: 900 }}>
                  <TimelineChart timeline={timeline.data} onOpenMilestone={setMilestoneId} />
                </div>
              </div>
              <Dependencies timeline={timeline.data} />
            </Tabs.Panel>
            <Tabs.Panel value="table" pt="md">
              <TimelineTable timeline={timeline.data} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Paper>
      <BurnUp from={period.from} to={period.to} />
      <MilestoneDrawer milestoneId={milestoneId} onClose={() => setMilestoneId(null)} />
    </Stack>
  );
}

function TimelineLegend() {
  const items = [
    { label: 'Planned', colour: 'gray' },
    { label: 'In progress', colour: 'blue' },
    { label: 'At risk', colour: 'orange' },
    { label: 'Done', colour: 'green' },
    { label: 'Missed', colour: 'red' },
  ];
  return (
    <Group gap="sm" aria-label="Legend">
      {items.map((item) => (
        <Group key={item.label} gap={4} wrap="nowrap">
          <span
            aria-hidden
            style={{
              width: 9,
              height: 9,
              transform: 'rotate(45deg)',
              background: `var(--mantine-color-${item.colour}-6)`,
            }}
          />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        → depends on · bars coloured by initiative health
      </Text>
    </Group>
  );
}

/** The dependencies in words, for whoever cannot follow the arrows. */
function Dependencies(props: { timeline: Timeline }) {
  const milestones = props.timeline.initiatives.flatMap((initiative) =>
    initiative.milestones.map((milestone) => ({ ...milestone, code: initiative.code })),
  );
  const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
  const links = milestones.flatMap((milestone) =>
    milestone.dependsOn.map((id) => ({ before: byId.get(id), after: milestone })),
  );
  if (links.length === 0) return null;
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={600}>
        Dependencies
      </Text>
      <List size="sm" spacing={2}>
        {links.map(({ before, after }) => (
          <List.Item key={`${before?.id ?? 'outside'}-${after.id}`}>
            {before ? `${before.code}: ${before.title}` : 'A milestone outside this period'} →{' '}
            {after.code}: {after.title}
            {before && before.status !== 'done' && before.dueDate > after.dueDate && (
              <Text span c="red" size="sm">
                {' '}
                (due after the milestone that needs it)
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function TimelineTable(props: { timeline: Timeline }) {
  const titles = new Map(
    props.timeline.initiatives.flatMap((initiative) =>
      initiative.milestones.map((milestone) => [milestone.id, milestone.title] as const),
    ),
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Timeline" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Initiative</Table.Th>
            <Table.Th>Runs</Table.Th>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Depends on</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.timeline.initiatives.flatMap((initiative) =>
            (initiative.milestones.length ? initiative.milestones : [null]).map(
              (milestone, index) => (
                <Table.Tr key={`${initiative.id}-${milestone?.id ?? 'none'}`}>
                  <Table.Td>{index === 0 ? `${initiative.code} ${initiative.name}` : ''}</Table.Td>
                  <Table.Td>
                    {index === 0
                      ? `${formatDay(initiative.startsOn)} to ${formatDay(initiative.endsOn)}`
                      : ''}
                  </Table.Td>
                  <Table.Td>{milestone?.title ?? '—'}</Table.Td>
                  <Table.Td>{milestone ? formatDay(milestone.dueDate) : ''}</Table.Td>
                  <Table.Td>
                    {milestone && (
                      <Badge size="sm" variant="light" color={milestoneColour(milestone)}>
                        {MILESTONE_STATUS[milestone.status]?.label}
                        {milestone.atRisk ? ', at risk' : ''}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {milestone?.dependsOn
                      .map((id) => titles.get(id) ?? 'a milestone outside this period')
                      .join('; ')}
                  </Table.Td>
                </Table.Tr>
              ),
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Milestones done against milestones due, over time: the gap is the work behind plan. */
function BurnUp(props: { from?: string; to?: string }) {
  const burnUp = useBurnUp(props.from, props.to);
  const canEdit = useOrganisation().can('plan.edit');
  return (
    <Paper withBorder p="md" component="section" aria-label="Burn-up">
      <Title order={3} size="h4" mb="xs">
        Burn-up
      </Title>
      {burnUp.isPending ? (
        <Skeleton height={260} />
      ) : burnUp.isError ? (
        <ErrorState error={burnUp.error} onRetry={() => void burnUp.refetch()} />
      ) : burnUp.data.length === 0 || burnUp.data.every((point) => point.planned === 0) ? (
        <EmptyState title="Nothing planned in this period">
          The burn-up counts milestones due and done
          {canEdit
            ? '; add milestones with due dates in the period.'
            : ' in the period, and none is due in it.'}
        </EmptyState>
      ) : (
        <Tabs defaultValue="chart" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="chart">Chart</Tabs.Tab>
            <Tabs.Tab value="table">Table</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="chart" pt="md">
            <LineChart
              h={260}
              data={burnUp.data.map((point) => ({ ...point, label: formatDay(point.date) }))}
              dataKey="label"
              series={[
                { name: 'planned', label: 'Due (planned)', color: 'gray.6' },
                { name: 'done', label: 'Done', color: 'green.6' },
              ]}
              curveType="stepAfter"
              withLegend
              withDots={false}
              yAxisProps={{ allowDecimals: false }}
              xAxisLabel="Date"
              yAxisLabel="Milestones"
              aria-label="Milestones due and done over time"
            />
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="md">
            <Table.ScrollContainer minWidth={360}>
              <Table aria-label="Burn-up" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th ta="right">Due (planned)</Table.Th>
                    <Table.Th ta="right">Done</Table.Th>
                    <Table.Th ta="right">Behind</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {burnUp.data.map((point) => (
                    <Table.Tr key={point.date}>
                      <Table.Td>{formatDay(point.date)}</Table.Td>
                      <Table.Td ta="right">{point.planned}</Table.Td>
                      <Table.Td ta="right">{point.done}</Table.Td>
                      <Table.Td ta="right">{Math.max(0, point.planned - point.done)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Tabs.Panel>
        </Tabs>
      )}
    </Paper>
  );
}
