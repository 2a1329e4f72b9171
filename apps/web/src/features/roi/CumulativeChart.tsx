import { Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from '../../ui/plan-format';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import type { MoneyFormat } from './money';
import { axisValue, cumulativeSeries, dateOfDay, dayNumber } from './roi-chart-data';
import type { RoiGroup } from './roi.queries';

const COLOURS = {
  cost: 'var(--mantine-color-red-6)',
  value: 'var(--mantine-color-indigo-6)',
  payback: 'var(--mantine-color-green-7)',
};

/**
 * One initiative's running cost and value from the start of the period, with the day it paid
 * back (the API's payback date) marked.
 */
export function CumulativeChart(props: {
  initiatives: RoiGroup[];
  from: string;
  money: MoneyFormat;
}) {
  const { initiatives, money } = props;
  const [chosen, setChosen] = useState<string | null>(null);
  const group =
    initiatives.find((candidate) => candidate.key === chosen) ??
    // Start with one that has something to show.
    initiatives.find((candidate) => candidate.paybackDate) ??
    initiatives[0];
  const series = group ? cumulativeSeries(group) : [];
  const start = dayNumber(props.from);
  const data = [
    { day: start, cumulativeCost: 0, cumulativeValue: 0, texts: { cost: '0', value: '0' } },
    ...series.map((point) => ({
      day: dayNumber(point.date),
      cumulativeCost: axisValue(point.cumulativeCost),
      cumulativeValue: axisValue(point.cumulativeValue),
      texts: { cost: point.cumulativeCost, value: point.cumulativeValue },
    })),
  ];
  const payback = group?.paybackDate ?? null;
  const summary = group
    ? `${group.label}: running cost and value from ${formatDay(props.from)}, at the end of each interval. ` +
      (payback
        ? `It paid back on ${formatDay(payback)}, the first day its running value reached its running cost.`
        : 'It has not paid back within the period.')
    : 'No initiative to show.';

  return (
    <ChartOrTable
      title="Cumulative cost and value, and payback"
      summary={summary}
      controls={
        <Select
          label="Initiative"
          data={initiatives.map((candidate) => ({
            value: candidate.key,
            label: `${candidate.key} · ${candidate.label}`,
          }))}
          value={group?.key ?? null}
          onChange={setChosen}
          allowDeselect={false}
          searchable
          maw={420}
        />
      }
      chart={
        <div style={{ width: '100%', height: 320 }}>
          <ResponsiveContainer>
            <LineChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="day"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(day: number) => formatDay(dateOfDay(day))}
                fontSize={12}
                minTickGap={24}
              />
              <YAxis tickFormatter={money.axis} fontSize={12} width={64} />
              <Tooltip
                labelFormatter={(day) => formatDay(dateOfDay(Number(day)))}
                formatter={(_value, name, item) => [
                  money.format(
                    item.dataKey === 'cumulativeCost'
                      ? item.payload.texts.cost
                      : item.payload.texts.value,
                  ),
                  String(name),
                ]}
              />
              <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 8 }} />
              {payback && (
                <ReferenceLine
                  x={dayNumber(payback)}
                  stroke={COLOURS.payback}
                  strokeDasharray="6 4"
                  label={{
                    value: `Payback ${formatDay(payback)}`,
                    position: 'top',
                    fill: COLOURS.payback,
                    fontSize: 12,
                  }}
                />
              )}
              <Line
                name="Running cost"
                dataKey="cumulativeCost"
                stroke={COLOURS.cost}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="Running value"
                dataKey="cumulativeValue"
                stroke={COLOURS.value}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={560}>
          <Table
            aria-label={`Cumulative cost and value of ${group?.key ?? ''}`}
            verticalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Up to</Table.Th>
                <Table.Th style={NUMERIC}>Cost</Table.Th>
                <Table.Th style={NUMERIC}>Value</Table.Th>
                <Table.Th style={NUMERIC}>Running cost</Table.Th>
                <Table.Th style={NUMERIC}>Running value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.map((point) => (
                <Table.Tr key={point.date}>
                  <Table.Td>{formatDay(point.date)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(point.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(point.value)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(point.cumulativeCost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(point.cumulativeValue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs">
            Payback: {payback ? formatDay(payback) : 'not within the period'}
          </Text>
        </Table.ScrollContainer>
      }
    />
  );
}
