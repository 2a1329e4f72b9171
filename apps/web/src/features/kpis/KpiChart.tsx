import { Skeleton, Table, Tabs, Text } from '@mantine/core';
import { kpiTrajectory } from '@roi/domain';
import { lazy, Suspense } from 'react';
import { formatDay, formatNumber } from '../../ui/plan-format';
import type { KpiDetail } from '../plan/plan.queries';
import { dayOf } from './kpi-days';
import type { TrajectoryPoint } from './KpiTrajectoryChart';

// recharts is most of the KPI page's code: it is fetched once the rest of the page is drawn (the
// page shows the chart in a task of its own after that), and the chart takes its place in a box
// of the same size when it has loaded.
const KpiTrajectoryChart = lazy(async () => ({
  default: (await import('./KpiTrajectoryChart')).KpiTrajectoryChart,
}));

/**
 * A KPI over time: the straight line it is expected to follow from baseline to target, the
 * measurements, and where today falls; with the same figures as a table.
 */
export function KpiChart(props: { kpi: KpiDetail }) {
  const { kpi } = props;
  const points = kpiTrajectory(
    {
      baselineValue: kpi.baselineValue,
      baselineDate: kpi.baselineDate,
      targetValue: kpi.targetValue,
      targetDate: kpi.targetDate,
      measurements: kpi.measurements,
    },
    kpi.asOf,
  );
  const data: TrajectoryPoint[] = points.map((point) => ({
    day: dayOf(point.date),
    date: point.date,
    expected:
      point.date === kpi.baselineDate || point.date === kpi.targetDate ? point.expected : null,
    expectedOnDay: point.expected,
    // The baseline is the first value measured: the measured line starts from it.
    measured: point.actual ?? (point.date === kpi.baselineDate ? kpi.baselineValue : null),
  }));
  const first = Math.min(...data.map((point) => point.day));
  const last = Math.max(...data.map((point) => point.day), dayOf(kpi.asOf));
  const notes = new Map(
    kpi.measurements.map((measurement) => [measurement.date, measurement.note]),
  );
  const unit = kpi.unit;

  return (
    <Tabs defaultValue="chart" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="chart">Chart</Tabs.Tab>
        <Tabs.Tab value="table">Table</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="chart" pt="md">
        <div
          role="img"
          aria-label={`${kpi.name}: expected path from ${formatNumber(kpi.baselineValue, unit)} to ${formatNumber(kpi.targetValue, unit)}, with ${kpi.measurements.length} measurements`}
          style={{ width: '100%', height: 340 }}
        >
          <Suspense fallback={<Skeleton height="100%" />}>
            <KpiTrajectoryChart kpi={kpi} data={data} first={first} last={last} />
          </Suspense>
        </div>
      </Tabs.Panel>
      <Tabs.Panel value="table" pt="md">
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={`${kpi.code} over time`} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Measured</Table.Th>
                <Table.Th ta="right">Expected on that date</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((point) => (
                <Table.Tr key={point.date}>
                  <Table.Td>
                    {formatDay(point.date)}
                    {point.date === kpi.baselineDate && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (baseline)
                      </Text>
                    )}
                    {point.date === kpi.targetDate && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (target)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(point.measured, unit)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(point.expectedOnDay, unit)}
                  </Table.Td>
                  <Table.Td>{notes.get(point.date) ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Tabs.Panel>
    </Tabs>
  );
}
