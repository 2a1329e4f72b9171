import '@mantine/charts/styles.css';
import { Table, Tabs, Text } from '@mantine/core';
import { formatMonth, kpiTrajectory } from '@roi/domain';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay, formatNumber } from '../../ui/plan-format';
import type { KpiDetail } from '../plan/plan.queries';

const DAY_MS = 86_400_000;
const dayOf = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS;
};
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
// "Sep 2026", never "Sept 26", which reads like a day.
const monthLabel = (day: number) => formatMonth(dateOf(day));

/** The first day of every month (or every few months on a long axis) between two days. */
function monthTicks(from: number, to: number): number[] {
  const start = new Date(from * DAY_MS);
  const months =
    (new Date(to * DAY_MS).getUTCFullYear() - start.getUTCFullYear()) * 12 +
    new Date(to * DAY_MS).getUTCMonth() -
    start.getUTCMonth();
  const every = Math.max(1, Math.ceil(months / 10));
  const ticks: number[] = [];
  for (let offset = 1; offset <= months; offset += every) {
    ticks.push(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1) / DAY_MS);
  }
  return ticks;
}

const COLOURS = {
  measured: 'var(--mantine-color-indigo-6)',
  expected: 'var(--mantine-color-gray-6)',
  target: 'var(--mantine-color-green-7)',
  baseline: 'var(--mantine-color-gray-7)',
  today: 'var(--mantine-color-orange-6)',
};

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
  const data = points.map((point) => ({
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
  const asOfInRange = dayOf(kpi.asOf) >= first && dayOf(kpi.asOf) <= last;
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
          <ResponsiveContainer>
            <ComposedChart data={data} margin={{ top: 24, right: 48, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
              <XAxis
                dataKey="day"
                type="number"
                domain={[first, last]}
                ticks={monthTicks(first, last)}
                tickFormatter={monthLabel}
                fontSize={12}
              />
              <YAxis
                domain={['auto', 'auto']}
                fontSize={12}
                width={56}
                tickFormatter={(value: number) => formatNumber(value)}
              />
              <Tooltip
                labelFormatter={(day) => formatDay(dateOf(Number(day)))}
                formatter={(value, name) => [formatNumber(Number(value), unit), String(name)]}
              />
              <Legend verticalAlign="bottom" height={28} />
              <ReferenceLine
                y={kpi.targetValue}
                stroke={COLOURS.target}
                strokeDasharray="6 4"
                label={{
                  value: 'Target',
                  position: 'insideTopRight',
                  fill: COLOURS.target,
                  fontSize: 12,
                }}
              />
              {asOfInRange && (
                <ReferenceLine
                  x={dayOf(kpi.asOf)}
                  stroke={COLOURS.today}
                  label={{ value: 'Today', position: 'top', fill: COLOURS.today, fontSize: 12 }}
                />
              )}
              <Line
                name="Expected path"
                dataKey="expected"
                stroke={COLOURS.expected}
                strokeDasharray="6 4"
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                name="Measured"
                dataKey="measured"
                stroke={COLOURS.measured}
                strokeWidth={2.5}
                dot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
              <ReferenceDot
                x={dayOf(kpi.baselineDate)}
                y={kpi.baselineValue}
                r={5}
                fill={COLOURS.baseline}
                stroke="white"
                label={{ value: 'Baseline', position: 'right', offset: 10, fontSize: 12 }}
              />
              <ReferenceDot
                x={dayOf(kpi.targetDate)}
                y={kpi.targetValue}
                r={5}
                fill={COLOURS.target}
                stroke="white"
              />
            </ComposedChart>
          </ResponsiveContainer>
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
