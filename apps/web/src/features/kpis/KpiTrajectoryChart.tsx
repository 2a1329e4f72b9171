import { formatMonth } from '@roi/domain';
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
import { dateOf, dayOf, monthTicks } from './kpi-days';

/** One date of a KPI's trajectory: the expected path's corners and what was measured. */
export interface TrajectoryPoint {
  day: number;
  date: string;
  expected: number | null;
  expectedOnDay: number | null;
  measured: number | null;
}

// "Sep 2026", never "Sept 26", which reads like a day.
const monthLabel = (day: number) => formatMonth(dateOf(day));

const COLOURS = {
  measured: 'var(--mantine-color-indigo-6)',
  expected: 'var(--mantine-color-gray-6)',
  target: 'var(--mantine-color-green-7)',
  baseline: 'var(--mantine-color-gray-7)',
  today: 'var(--mantine-color-orange-6)',
};

/**
 * The chart of KpiChart, in a module of its own so that recharts loads apart from the page: the
 * expected path from baseline to target, the measurements, the target and where today falls.
 */
export function KpiTrajectoryChart(props: {
  kpi: KpiDetail;
  data: TrajectoryPoint[];
  first: number;
  last: number;
}) {
  const { kpi, data, first, last } = props;
  const asOfInRange = dayOf(kpi.asOf) >= first && dayOf(kpi.asOf) <= last;
  const unit = kpi.unit;
  return (
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
  );
}
