import {
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import type { KpiStatus, MissAttribution } from '@roi/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { NUMERIC } from '../../ui/ChartOrTable';
import { formatNumber, HEALTH, MILESTONE_STATUS } from '../../ui/plan-format';
import { formatReportDay, formatShare } from './report-format';
import type { KpiStatusCounts, MissCounts, ReportKpi, RoadmapStep } from './reporting.queries';

/**
 * The parts the dashboard and the board packs share, so a KPI, a step or a miss reads the same in
 * both: the miss attribution badge and what it means, the KPI table, the KPI status counts, the
 * roadmap strip and the split of misses.
 */

/**
 * Badge text colours that read at WCAG AA (4.5:1) on their colour's light tint: Mantine's own
 * light-variant text (and even its darkest green, orange, teal and yellow) does not.
 */
export const TONE_TEXT: Record<string, string> = {
  green: '#1f6b32',
  orange: '#9c3a06',
  red: '#b02525',
  teal: '#06614a',
  yellow: '#7a4b00',
  gray: '#343a40',
  dark: '#212529',
  blue: '#1864ab',
  violet: '#5f3dc4',
  indigo: '#364fc7',
  grape: '#862e9c',
};

/** A light badge of a colour whose text stays readable on its tint. */
export function ToneBadge(props: {
  colour: string;
  children: ReactNode;
  size?: MantineSize;
  title?: string;
  'data-miss'?: string;
}) {
  const { colour, children, ...rest } = props;
  return (
    <Badge
      variant="light"
      color={colour}
      c={TONE_TEXT[colour] ?? TONE_TEXT.dark}
      style={{ flexShrink: 0 }}
      {...rest}
    >
      {children}
    </Badge>
  );
}

/**
 * Miss attribution (BRIEF, "Reviews and board packs"): who answers first for a KPI at risk or off
 * track. The colours are dark shades so the badge text stays readable on its light background.
 */
export const MISS_ATTRIBUTION: Record<
  MissAttribution,
  { label: string; colour: string; meaning: string; answers: string }
> = {
  execution: {
    label: 'Execution',
    colour: 'orange',
    meaning: 'The plan was not carried out as agreed: a milestone due by now was missed or late.',
    answers: "the initiatives' responsible people",
  },
  strategy: {
    label: 'Strategy',
    colour: 'violet',
    meaning: 'The plan was carried out (or nothing was due yet) and the KPI still lags.',
    answers: "the initiatives' accountable people",
  },
  unplanned: {
    label: 'Unplanned',
    colour: 'gray',
    meaning: "No initiative serves the KPI's objective.",
    answers: 'nobody yet: the plan has no initiative for it',
  },
};

/** The order misses are listed and stacked in: where to look first, then the gap in the plan. */
export const MISS_ORDER: MissAttribution[] = ['execution', 'strategy', 'unplanned'];

export function MissBadge(props: { miss: MissAttribution | null | undefined }) {
  if (!props.miss) return <Text span>—</Text>;
  const miss = MISS_ATTRIBUTION[props.miss];
  return (
    <ToneBadge colour={miss.colour} title={miss.meaning} data-miss={props.miss}>
      {miss.label}
    </ToneBadge>
  );
}

export function KpiStatusBadge(props: { status: KpiStatus }) {
  const health = HEALTH[props.status];
  return <ToneBadge colour={health.colour}>{health.label}</ToneBadge>;
}

/** The three attributions with a line each on what they mean and who answers. */
export function MissLegend() {
  return (
    <Stack gap={6}>
      {MISS_ORDER.map((key) => (
        <Group key={key} gap="xs" wrap="nowrap" align="flex-start">
          <Box w={116} style={{ flexShrink: 0 }}>
            <MissBadge miss={key} />
          </Box>
          <Text size="sm">
            {MISS_ATTRIBUTION[key].meaning}{' '}
            <Text span size="sm" c="dimmed">
              Answers first: {MISS_ATTRIBUTION[key].answers}.
            </Text>
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Both sides answer for results: the split says where to look first, never that the other side
        is excused.
      </Text>
    </Stack>
  );
}

const STATUS_COUNTS: { key: keyof KpiStatusCounts; status: KpiStatus }[] = [
  { key: 'onTrack', status: 'on_track' },
  { key: 'atRisk', status: 'at_risk' },
  { key: 'offTrack', status: 'off_track' },
  { key: 'noData', status: 'no_data' },
];

/** How many KPIs are on track, at risk, off track and without data, as large figures. */
export function KpiStatusCountTiles(props: { counts: KpiStatusCounts; size?: 'lg' | 'sm' }) {
  const large = props.size !== 'sm';
  return (
    <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
      {STATUS_COUNTS.map(({ key, status }) => {
        const health = HEALTH[status];
        return (
          <Paper
            key={key}
            p={large ? 'sm' : 6}
            radius="md"
            bg={`${health.colour}.0`}
            data-kpi-count={status}
            style={{ borderLeft: `4px solid var(--mantine-color-${health.colour}-7)` }}
          >
            <Text
              fz={large ? 40 : 22}
              fw={700}
              lh={1.1}
              c={TONE_TEXT[health.colour]}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {props.counts[key]}
            </Text>
            <Text size={large ? 'sm' : 'xs'} fw={600} c={TONE_TEXT[health.colour]}>
              {health.label}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** A KPI's progress against where it should be by now, as a bar with a mark at the expected. */
function ProgressAgainstExpected(props: { kpi: ReportKpi }) {
  const { kpi } = props;
  const colour = HEALTH[kpi.status].colour;
  const clamp = (ratio: number) => Math.min(1, Math.max(0, ratio)) * 100;
  return (
    <Stack gap={4} miw={150}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <b>{formatShare(kpi.progress)}</b>{' '}
        <Text span size="sm" c="dimmed">
          of {formatShare(kpi.expected)} expected
        </Text>
      </Text>
      <Box
        aria-hidden
        pos="relative"
        h={8}
        bg="gray.2"
        style={{ borderRadius: 4, overflow: 'visible' }}
      >
        {kpi.progress !== null && (
          <Box h={8} w={`${clamp(kpi.progress)}%`} bg={`${colour}.7`} style={{ borderRadius: 4 }} />
        )}
        <Box
          pos="absolute"
          top={-3}
          left={`calc(${clamp(kpi.expected)}% - 1px)`}
          w={2}
          h={14}
          bg="dark.6"
        />
      </Box>
    </Stack>
  );
}

function currentValue(kpi: ReportKpi): string {
  return kpi.current === null ? 'no measurement' : formatNumber(kpi.current, kpi.unit);
}

function LateMilestones(props: { kpi: ReportKpi }) {
  if (props.kpi.lateMilestones.length === 0) return <Text size="sm">—</Text>;
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0} m={0}>
      {props.kpi.lateMilestones.map((milestone) => (
        <List.Item key={milestone.id}>
          <Text size="sm" span fw={500}>
            {milestone.title}
          </Text>{' '}
          <Text size="xs" span c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {milestone.initiativeCode} · due {formatReportDay(milestone.dueDate)} ·{' '}
            {milestone.status === 'done' && milestone.doneOn
              ? `done ${formatReportDay(milestone.doneOn)}`
              : (MILESTONE_STATUS[milestone.status]?.label.toLowerCase() ?? milestone.status)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function KpiName(props: { kpi: ReportKpi; href?: string }) {
  const { kpi } = props;
  return (
    <>
      {props.href ? (
        <Anchor component={Link} to={props.href} size="sm" fw={600}>
          {kpi.name}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {kpi.name}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {kpi.code} · now {currentValue(kpi)}, target {kpi.target.toLocaleString('en-GB')} by{' '}
        {formatReportDay(kpi.targetDate)}
      </Text>
    </>
  );
}

const answerers = (kpi: ReportKpi) =>
  kpi.answerable.length > 0 ? kpi.answerable.map((person) => person.name).join('; ') : '—';

/** On a phone each KPI is a card, read top to bottom, instead of a row to scroll sideways. */
function KpiCards(props: {
  kpis: ReportKpi[];
  label: string;
  kpiHref?: (kpi: ReportKpi) => string;
}) {
  return (
    <Stack
      gap="sm"
      component="ul"
      aria-label={props.label}
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      hiddenFrom="md"
    >
      {props.kpis.map((kpi) => (
        <Paper key={kpi.kpiId} component="li" withBorder p="sm" radius="md" data-kpi={kpi.code}>
          <Stack gap={6}>
            <div>
              <KpiName kpi={kpi} href={props.kpiHref?.(kpi)} />
            </div>
            <Group gap="xs">
              <KpiStatusBadge status={kpi.status} />
              {kpi.miss && <MissBadge miss={kpi.miss} />}
            </Group>
            <ProgressAgainstExpected kpi={kpi} />
            {kpi.miss && (
              <Text size="xs" c="dimmed">
                {MISS_ATTRIBUTION[kpi.miss].meaning}
              </Text>
            )}
            <Text size="sm">
              <Text span size="sm" fw={600}>
                Answers first:
              </Text>{' '}
              {answerers(kpi)}
            </Text>
            {kpi.lateMilestones.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  Milestones not carried out as agreed
                </Text>
                <LateMilestones kpi={kpi} />
              </div>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * KPIs with their status, progress against expected, miss attribution, who answers first and the
 * milestones behind an execution miss: a table from a laptop up, cards on a phone. `kpiHref`
 * links each KPI to its page where there is one.
 */
export function KpiTable(props: {
  kpis: ReportKpi[];
  label: string;
  kpiHref?: (kpi: ReportKpi) => string;
}) {
  return (
    <>
      <KpiCards {...props} />
      <Box visibleFrom="md">
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={props.label} verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>KPI</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Miss</Table.Th>
                <Table.Th>Answers first</Table.Th>
                <Table.Th>Milestones not carried out as agreed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.kpis.map((kpi) => (
                <Table.Tr key={kpi.kpiId} data-kpi={kpi.code} style={{ verticalAlign: 'top' }}>
                  <Table.Td maw={280}>
                    <KpiName kpi={kpi} href={props.kpiHref?.(kpi)} />
                  </Table.Td>
                  <Table.Td miw={96}>
                    <KpiStatusBadge status={kpi.status} />
                  </Table.Td>
                  <Table.Td>
                    <ProgressAgainstExpected kpi={kpi} />
                  </Table.Td>
                  <Table.Td maw={220} miw={120}>
                    <MissBadge miss={kpi.miss} />
                    {kpi.miss && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {MISS_ATTRIBUTION[kpi.miss].meaning}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{answerers(kpi)}</Text>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <LateMilestones kpi={kpi} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}

const STEP_STATUS: Record<string, { label: string; colour: string }> = {
  done: { label: 'Done', colour: 'green' },
  in_progress: { label: 'In progress', colour: 'blue' },
  not_started: { label: 'Not started', colour: 'gray' },
};

/** The cycle's six steps in order, each with its status and owner. */
export function RoadmapStrip(props: {
  steps: RoadmapStep[];
  stepHref?: (step: RoadmapStep) => string;
}) {
  const done = props.steps.filter((step) => step.status === 'done').length;
  return (
    <Stack gap="xs">
      <VisuallyHidden>
        {done} of {props.steps.length} steps done:{' '}
        {props.steps
          .map((step) => `${step.name} ${STEP_STATUS[step.status]?.label.toLowerCase()}`)
          .join(', ')}
        .
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs" component="ol" m={0} p={0}>
        {props.steps.map((step) => {
          const status = STEP_STATUS[step.status] ?? { label: step.status, colour: 'gray' };
          return (
            <Paper
              key={step.step}
              component="li"
              withBorder
              p="sm"
              radius="md"
              data-step={step.step}
              style={{
                listStyle: 'none',
                borderTop: `4px solid var(--mantine-color-${status.colour}-${step.status === 'not_started' ? 4 : 7})`,
              }}
            >
              <Text size="xs" c="dimmed" fw={700}>
                Step {step.number}
              </Text>
              {props.stepHref ? (
                <Anchor component={Link} to={props.stepHref(step)} fw={700} size="md">
                  {step.name}
                </Anchor>
              ) : (
                <Text fw={700}>{step.name}</Text>
              )}
              <Group gap={4} mt={4}>
                <ToneBadge size="sm" colour={status.colour}>
                  {status.label}
                </ToneBadge>
              </Group>
              <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
                {step.status === 'done' && step.signedOffAt
                  ? `Signed off ${formatReportDay(step.signedOffAt)}`
                  : step.ownerName
                    ? `Owner: ${step.ownerName}`
                    : 'No owner yet'}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** "1 execution, 0 strategy and 2 unplanned": the split in words. */
export function missSplitSentence(misses: MissCounts): string {
  const parts = MISS_ORDER.map(
    (key) => `${misses[key]} ${MISS_ATTRIBUTION[key].label.toLowerCase()}`,
  );
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The split of misses between execution, strategy and unplanned as one stacked bar, with the
 * same counts as a table.
 */
export function MissSplit(props: { misses: MissCounts; label: string }) {
  const { misses } = props;
  const total = MISS_ORDER.reduce((sum, key) => sum + misses[key], 0);
  const summary =
    total === 0
      ? 'No KPI is at risk or off track: no misses to attribute.'
      : `${total} ${total === 1 ? 'miss' : 'misses'}: ${missSplitSentence(misses)}.`;
  return (
    <Tabs defaultValue="chart" keepMounted={false}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
        <Text size="sm" fw={600}>
          {props.label}
        </Text>
        <Tabs.List aria-label={`${props.label}: chart or table`}>
          <Tabs.Tab value="chart" px={8} py={2} fz="xs">
            Chart
          </Tabs.Tab>
          <Tabs.Tab value="table" px={8} py={2} fz="xs">
            Table
          </Tabs.Tab>
        </Tabs.List>
      </Group>
      <Tabs.Panel value="chart" pt={6}>
        <Box role="img" aria-label={`${props.label}: ${summary}`}>
          {total === 0 ? (
            <Text size="sm" c="dimmed">
              {summary}
            </Text>
          ) : (
            <>
              <Group gap={0} h={20} wrap="nowrap" style={{ borderRadius: 4, overflow: 'hidden' }}>
                {MISS_ORDER.filter((key) => misses[key] > 0).map((key) => (
                  <Box
                    key={key}
                    h="100%"
                    w={`${(misses[key] / total) * 100}%`}
                    bg={`${MISS_ATTRIBUTION[key].colour}.${key === 'unplanned' ? 6 : 7}`}
                  />
                ))}
              </Group>
              <Group gap="sm" mt={4}>
                {MISS_ORDER.map((key) => (
                  <Group key={key} gap={4} wrap="nowrap">
                    <Box
                      w={10}
                      h={10}
                      bg={`${MISS_ATTRIBUTION[key].colour}.${key === 'unplanned' ? 6 : 7}`}
                      style={{ borderRadius: 2 }}
                    />
                    <Text size="xs">
                      {MISS_ATTRIBUTION[key].label} {misses[key]}
                    </Text>
                  </Group>
                ))}
              </Group>
            </>
          )}
        </Box>
      </Tabs.Panel>
      <Tabs.Panel value="table" pt={6}>
        <Table aria-label={props.label} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Miss</Table.Th>
              <Table.Th style={NUMERIC}>KPIs</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MISS_ORDER.map((key) => (
              <Table.Tr key={key}>
                <Table.Td>{MISS_ATTRIBUTION[key].label}</Table.Td>
                <Table.Td style={NUMERIC}>{misses[key]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Tabs.Panel>
    </Tabs>
  );
}
