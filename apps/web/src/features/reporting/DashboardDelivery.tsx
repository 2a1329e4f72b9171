import { Group, Table, Text } from '@mantine/core';
import { MISS_CATEGORIES, MISS_CATEGORY_LABELS } from '@roi/domain';
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import { MILESTONE_STATUS } from '../../ui/plan-format';
import {
  burnUpRows,
  burnUpSummary,
  milestoneStatusRows,
  milestoneSummary,
} from './dashboard-chart-data';
import { formatReportDay } from './report-format';
import type { MilestoneSummary } from './reporting.queries';

const AXIS_TEXT = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

/** How many milestones of the cycle stand at each status, and why the missed ones were missed. */
export function MilestonesByStatus(props: { milestones: MilestoneSummary; empty?: ReactNode }) {
  const { milestones } = props;
  const rows = milestoneStatusRows(milestones.byStatus);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const categories = MISS_CATEGORIES.filter((category) => milestones.missCategories[category] > 0);
  return (
    <ChartOrTable
      fill
      title="Milestones by status"
      summary={total === 0 ? 'No milestones in this cycle yet.' : milestoneSummary(milestones)}
      empty={total === 0 ? props.empty : undefined}
      controls={
        total > 0 && (
          <Group gap="lg">
            <Text size="sm">
              <Text span fz={28} fw={700} c={milestones.overdue > 0 ? 'red.8' : undefined}>
                {milestones.overdue}
              </Text>{' '}
              overdue (missed, or open after the due date)
            </Text>
            {categories.length > 0 && (
              <Text size="sm" c="dimmed">
                Missed because of:{' '}
                {categories
                  .map(
                    (category) =>
                      `${MISS_CATEGORY_LABELS[category].toLowerCase()} ${milestones.missCategories[category]}`,
                  )
                  .join(', ')}
              </Text>
            )}
          </Group>
        )
      }
      chart={
        <div style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                allowDecimals={false}
                tick={AXIS_TEXT}
                label={{ value: 'Milestones', position: 'insideBottom', offset: -16, ...AXIS_TEXT }}
              />
              <YAxis
                type="category"
                dataKey="name"
                width={88}
                tick={AXIS_TEXT}
                interval={0}
                label={{
                  value: 'Status',
                  angle: -90,
                  position: 'insideLeft',
                  offset: -4,
                  style: { textAnchor: 'middle' },
                  ...AXIS_TEXT,
                }}
              />
              <Tooltip />
              <Bar name="Milestones" dataKey="count" isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell
                    key={row.key}
                    fill={`var(--mantine-color-${MILESTONE_STATUS[row.key]?.colour ?? 'gray'}-6)`}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table aria-label="Milestones by status" verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              <Table.Th style={NUMERIC}>Milestones</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td style={NUMERIC}>{row.count}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>Overdue (missed, or open after the due date)</Table.Td>
              <Table.Td style={NUMERIC}>{milestones.overdue}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** Milestones due against milestones done over the cycle: the gap is the work behind plan. */
export function BurnUpChart(props: { milestones: MilestoneSummary; empty?: ReactNode }) {
  const points = props.milestones.burnUp ?? [];
  const rows = burnUpRows(points);
  const nothingDue = points.every((point) => point.planned === 0);
  return (
    <ChartOrTable
      fill
      title="Burn-up: milestones due and done"
      summary={burnUpSummary(points)}
      empty={nothingDue ? props.empty : undefined}
      chart={
        <div style={{ width: '100%', height: 260 }}>
          <ResponsiveContainer>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="name"
                tick={AXIS_TEXT}
                interval="preserveStartEnd"
                minTickGap={16}
                label={{ value: 'Week', position: 'insideBottom', offset: -16, ...AXIS_TEXT }}
              />
              <YAxis
                allowDecimals={false}
                tick={AXIS_TEXT}
                width={48}
                label={{
                  value: 'Milestones',
                  angle: -90,
                  position: 'insideLeft',
                  offset: 8,
                  style: { textAnchor: 'middle' },
                  ...AXIS_TEXT,
                }}
              />
              <Tooltip
                labelFormatter={(_label, payload) => formatReportDay(payload[0]?.payload.date)}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <Line
                name="Due (planned)"
                dataKey="planned"
                type="stepAfter"
                stroke="var(--mantine-color-gray-7)"
                strokeDasharray="6 4"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="Done"
                dataKey="done"
                type="stepAfter"
                stroke="var(--mantine-color-green-7)"
                strokeWidth={3}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label="Burn-up: milestones due and done" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Week of</Table.Th>
                <Table.Th style={NUMERIC}>Due (planned)</Table.Th>
                <Table.Th style={NUMERIC}>Done</Table.Th>
                <Table.Th style={NUMERIC}>Behind</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((point) => (
                <Table.Tr key={point.date}>
                  <Table.Td>{formatReportDay(point.date)}</Table.Td>
                  <Table.Td style={NUMERIC}>{point.planned}</Table.Td>
                  <Table.Td style={NUMERIC}>{point.done}</Table.Td>
                  <Table.Td style={NUMERIC}>{Math.max(0, point.planned - point.done)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
