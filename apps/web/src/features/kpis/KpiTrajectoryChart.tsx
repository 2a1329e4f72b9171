import { Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatMonth } from '@roi/domain';
import {
  CartesianGrid,
  ComposedChart,
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
  const ticksThatFit = useTicksThatFit();
  return (
    <>
      <div style={{ height: `calc(100% - ${LEGEND_HEIGHT}px)` }}>
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 24, right: 48, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis
              dataKey="day"
              type="number"
              domain={[first, last]}
              ticks={monthTicks(first, last, ticksThatFit)}
              // Every tick given is drawn: recharts would otherwise measure each label in the
              // page to drop those that collide, a forced layout as the chart mounts.
              interval={0}
              tickFormatter={monthLabel}
              fontSize={12}
            />
            <YAxis
              domain={['auto', 'auto']}
              interval={0}
              fontSize={12}
              width={56}
              tickFormatter={(value: number) => formatNumber(value)}
            />
            <Tooltip
              labelFormatter={(day) => formatDay(dateOf(Number(day)))}
              formatter={(value, name) => [formatNumber(Number(value), unit), String(name)]}
            />
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
            {LINES.map((line) => (
              <Line
                key={line.dataKey}
                name={line.name}
                dataKey={line.dataKey}
                stroke={line.colour}
                strokeDasharray={line.dashes}
                strokeWidth={line.width}
                dot={line.dot}
                connectNulls
                isAnimationActive={false}
              />
            ))}
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
      <TrajectoryLegend />
    </>
  );
}

const LEGEND_HEIGHT = 28;

/** The chart's two lines, as recharts draws them and as the legend shows them. */
const LINES = [
  {
    name: 'Expected path',
    dataKey: 'expected',
    colour: COLOURS.expected,
    dashes: '6 4',
    width: 2,
    dot: false,
  },
  {
    name: 'Measured',
    dataKey: 'measured',
    colour: COLOURS.measured,
    dashes: undefined,
    width: 2.5,
    dot: { r: 4 },
  },
] as const;

/**
 * How many month labels ("Sep 2026", about 55 px) fit the chart's width with room between
 * them: the chart spans the page beside the nav, which folds away below 48em.
 */
function useTicksThatFit(): number {
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const medium = useMediaQuery('(max-width: 75em)', false, { getInitialValueInEffect: false });
  return narrow ? 3 : medium ? 6 : 10;
}

/**
 * The two lines' legend, drawn by the page rather than by recharts: its Legend measures itself
 * once drawn and has the whole chart drawn again for the room it takes (part of a 150-200 ms
 * task as the KPI page opens).
 */
function TrajectoryLegend() {
  return (
    <Group justify="center" gap="lg" h={LEGEND_HEIGHT} fz={12}>
      {LINES.map((line) => (
        <Group key={line.name} gap={6} wrap="nowrap">
          <svg width="24" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="24"
              y2="4"
              stroke={line.colour}
              strokeWidth={line.width}
              strokeDasharray={line.dashes}
            />
          </svg>
          <span>{line.name}</span>
        </Group>
      ))}
    </Group>
  );
}
