import { Table, Text } from '@mantine/core';
import { formatPercent } from '@roi/domain';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReactNode } from 'react';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import type { MoneyFormat } from '../roi/money';
import {
  budgetRows,
  budgetSummary,
  costValueRows,
  costValueSummary,
  isNegative,
  rankedRows,
  rankedSummary,
} from './dashboard-chart-data';
import { dayRange } from './report-format';
import type { DashboardInterval, DashboardRoi } from './reporting.queries';
import { TONE_TEXT, ToneBadge } from './report-parts';

const COLOURS = {
  cost: 'var(--mantine-color-red-6)',
  value: 'var(--mantine-color-indigo-6)',
  budget: 'var(--mantine-color-gray-5)',
  gain: 'var(--mantine-color-teal-7)',
  loss: 'var(--mantine-color-red-7)',
};

const AXIS_TEXT = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

/** The organisation's cost against its value, month by month or quarter by quarter. */
export function CostValueChart(props: {
  roi: DashboardRoi;
  interval: DashboardInterval;
  money: MoneyFormat;
}) {
  const { roi, money } = props;
  const rows = costValueRows(roi.intervals);
  const unit = props.interval;
  const Unit = unit === 'month' ? 'Month' : 'Quarter';
  return (
    <ChartOrTable
      title={`Cost against value by ${unit}`}
      summary={costValueSummary(roi.intervals, unit, money)}
      chart={
        <div style={{ width: '100%', height: 320 }}>
          <ResponsiveContainer>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="name"
                tick={AXIS_TEXT}
                interval="preserveStartEnd"
                minTickGap={8}
                label={{ value: Unit, position: 'insideBottom', offset: -16, ...AXIS_TEXT }}
              />
              <YAxis
                tickFormatter={money.axis}
                tick={AXIS_TEXT}
                width={64}
                label={{
                  value: `Amount (${money.currency})`,
                  angle: -90,
                  position: 'insideLeft',
                  offset: -8,
                  style: { textAnchor: 'middle' },
                  ...AXIS_TEXT,
                }}
              />
              <Tooltip
                formatter={(_value, name, item) => [
                  money.format(
                    item.dataKey === 'cost'
                      ? item.payload.interval.cost
                      : item.payload.interval.value,
                  ),
                  String(name),
                ]}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <Bar name="Cost" dataKey="cost" fill={COLOURS.cost} isAnimationActive={false} />
              <Bar name="Value" dataKey="value" fill={COLOURS.value} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={`Cost against value by ${unit}`} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{Unit}</Table.Th>
                <Table.Th style={NUMERIC}>Cost</Table.Th>
                <Table.Th style={NUMERIC}>Value</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted value</Table.Th>
                <Table.Th style={NUMERIC}>Net</Table.Th>
                <Table.Th style={NUMERIC}>ROI</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ name, interval }) => (
                <Table.Tr key={interval.from} data-from={interval.from}>
                  <Table.Td>
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {dayRange(interval.from, interval.to)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(interval.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(interval.value)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(interval.riskAdjustedValue)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(interval.net)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(interval.roi)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(interval.riskAdjustedRoi)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

/** Each initiative's planned budget against what it cost to date. */
export function BudgetAgainstActual(props: {
  budget: DashboardRoi['budget'];
  money: MoneyFormat;
  empty?: ReactNode;
}) {
  const { budget, money } = props;
  const rows = budgetRows(budget);
  return (
    <ChartOrTable
      fill
      title="Budget against actual by initiative"
      summary={
        budget.length === 0 ? 'No initiative has a budget yet.' : budgetSummary(budget, money)
      }
      empty={budget.length === 0 ? props.empty : undefined}
      chart={
        <div style={{ width: '100%', height: 96 + rows.length * 52 }}>
          <ResponsiveContainer>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                tickFormatter={money.axis}
                tick={AXIS_TEXT}
                label={{
                  value: `Amount (${money.currency})`,
                  position: 'insideBottom',
                  offset: -16,
                  ...AXIS_TEXT,
                }}
              />
              <YAxis type="category" dataKey="name" width={96} tick={AXIS_TEXT} />
              <Tooltip
                formatter={(_value, name, item) => [
                  money.format(
                    item.dataKey === 'budget' ? item.payload.line.budget : item.payload.line.cost,
                  ),
                  String(name),
                ]}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <Bar name="Budget" dataKey="budget" fill={COLOURS.budget} isAnimationActive={false} />
              <Bar
                name="Actual cost"
                dataKey="cost"
                fill={COLOURS.cost}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Budget against actual by initiative" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th style={NUMERIC}>Budget</Table.Th>
                <Table.Th style={NUMERIC}>Actual cost</Table.Th>
                <Table.Th style={NUMERIC}>Variance (budget − cost)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.map((line) => (
                <Table.Tr key={line.code} data-code={line.code}>
                  <Table.Td>
                    <Text size="sm">{line.name}</Text>
                    <Text size="xs" c="dimmed">
                      {line.code}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(line.budget)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(line.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>
                    <Text
                      span
                      size="sm"
                      c={isNegative(line.budgetVariance) ? TONE_TEXT.red : undefined}
                    >
                      {money.format(line.budgetVariance)}
                      {isNegative(line.budgetVariance) ? ' over' : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

/** The initiatives with the highest and the lowest ROI to date. */
export function InitiativeRanking(props: {
  roi: DashboardRoi;
  money: MoneyFormat;
  empty?: ReactNode;
}) {
  const { money } = props;
  const rows = rankedRows(props.roi.topInitiatives, props.roi.bottomInitiatives);
  return (
    <ChartOrTable
      fill
      title="Top and bottom initiatives by ROI"
      summary={rankedSummary(rows)}
      empty={rows.length === 0 ? props.empty : undefined}
      chart={
        <div style={{ width: '100%', height: 96 + rows.length * 44 }}>
          <ResponsiveContainer>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                tickFormatter={(value: number) => `${value}%`}
                tick={AXIS_TEXT}
                label={{
                  value: 'ROI to date (%)',
                  position: 'insideBottom',
                  offset: -16,
                  ...AXIS_TEXT,
                }}
              />
              <YAxis type="category" dataKey="name" width={96} tick={AXIS_TEXT} />
              <Tooltip
                formatter={(_value, _name, item) => [
                  formatPercent(item.payload.group.roi),
                  item.payload.label,
                ]}
              />
              <ReferenceLine x={0} stroke="var(--mantine-color-gray-6)" />
              <Bar name="ROI" dataKey="roi" isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell
                    key={row.name}
                    fill={row.roi !== null && row.roi < 0 ? COLOURS.loss : COLOURS.gain}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Top and bottom initiatives by ROI" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Rank</Table.Th>
                <Table.Th style={NUMERIC}>Cost</Table.Th>
                <Table.Th style={NUMERIC}>Value</Table.Th>
                <Table.Th style={NUMERIC}>ROI</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ group, rank }) => (
                <Table.Tr key={group.key} data-key={group.key}>
                  <Table.Td>
                    <Text size="sm">{group.label}</Text>
                    <Text size="xs" c="dimmed">
                      {group.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ToneBadge size="sm" colour={rank === 'top' ? 'teal' : 'red'}>
                      {rank === 'top' ? 'Top' : 'Bottom'}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.value)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(group.roi)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(group.riskAdjustedRoi)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
