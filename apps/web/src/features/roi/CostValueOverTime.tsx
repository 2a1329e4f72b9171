import { Table } from '@mantine/core';
import { formatPercent, intervalName } from '@roi/domain';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import type { MoneyFormat } from './money';
import { axisValue } from './roi-chart-data';
import type { RoiInterval, RoiIntervalKind } from './roi.queries';

const COLOURS = {
  cost: 'var(--mantine-color-red-5)',
  value: 'var(--mantine-color-indigo-6)',
  riskAdjustedValue: 'var(--mantine-color-teal-6)',
};

/** The organisation's cost against its value, month by month or quarter by quarter. */
export function CostValueOverTime(props: {
  intervals: RoiInterval[];
  interval: RoiIntervalKind;
  money: MoneyFormat;
}) {
  const { intervals, money } = props;
  const label = (item: RoiInterval) => intervalName(item.from, item.to);
  const data = intervals.map((item) => ({
    name: label(item),
    cost: axisValue(item.cost),
    value: axisValue(item.value),
    riskAdjustedValue: axisValue(item.riskAdjustedValue),
    texts: { cost: item.cost, value: item.value, riskAdjustedValue: item.riskAdjustedValue },
  }));
  const unit = props.interval === 'month' ? 'month' : 'quarter';
  return (
    <ChartOrTable
      title="Cost against value over time"
      summary={`Cost, value and risk-adjusted value of the whole organisation for each ${unit} of the period (${intervals.length} ${unit}s).`}
      chart={
        <div style={{ width: '100%', height: 320 }}>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" fontSize={12} interval="preserveStartEnd" minTickGap={8} />
              <YAxis tickFormatter={money.axis} fontSize={12} width={64} />
              <Tooltip
                formatter={(_value, name, item) => {
                  const key = item.dataKey as keyof (typeof data)[number]['texts'];
                  return [money.format(item.payload.texts[key]), String(name)];
                }}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <Bar name="Cost" dataKey="cost" fill={COLOURS.cost} isAnimationActive={false} />
              <Bar name="Value" dataKey="value" fill={COLOURS.value} isAnimationActive={false} />
              <Bar
                name="Risk-adjusted value"
                dataKey="riskAdjustedValue"
                fill={COLOURS.riskAdjustedValue}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Cost against value over time" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{props.interval === 'month' ? 'Month' : 'Quarter'}</Table.Th>
                <Table.Th style={NUMERIC}>Cost</Table.Th>
                <Table.Th style={NUMERIC}>Value</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted value</Table.Th>
                <Table.Th style={NUMERIC}>Net</Table.Th>
                <Table.Th style={NUMERIC}>ROI</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {intervals.map((item) => (
                <Table.Tr key={item.from}>
                  <Table.Td>{label(item)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(item.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(item.value)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(item.riskAdjustedValue)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(item.net)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(item.roi)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatPercent(item.riskAdjustedRoi)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
