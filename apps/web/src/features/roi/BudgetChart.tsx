import { Table, Text } from '@mantine/core';
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
import { axisValue, isNegative } from './roi-chart-data';
import type { RoiGroup } from './roi.queries';

/** Each initiative's planned budget against what it actually cost in the period. */
export function BudgetChart(props: { initiatives: RoiGroup[]; money: MoneyFormat }) {
  const { money } = props;
  const initiatives = props.initiatives.filter((group) => group.budget !== undefined);
  const over = initiatives.filter((group) => isNegative(group.budgetVariance)).length;
  const data = initiatives.map((group) => ({
    name: group.key,
    budget: axisValue(group.budget),
    cost: axisValue(group.cost),
    texts: { budget: group.budget ?? '', cost: group.cost },
  }));
  return (
    <ChartOrTable
      title="Budget against actual"
      summary={`Planned budget and actual cost of ${initiatives.length} initiatives in the period; ${over} spent more than planned.`}
      chart={
        <div style={{ width: '100%', height: 80 + initiatives.length * 56 }}>
          <ResponsiveContainer>
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={money.axis} fontSize={12} />
              <YAxis type="category" dataKey="name" width={88} fontSize={12} />
              <Tooltip
                formatter={(_value, name, item) => [
                  money.format(
                    item.dataKey === 'budget' ? item.payload.texts.budget : item.payload.texts.cost,
                  ),
                  String(name),
                ]}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <Bar
                name="Budget"
                dataKey="budget"
                fill="var(--mantine-color-gray-5)"
                isAnimationActive={false}
              />
              <Bar
                name="Actual cost"
                dataKey="cost"
                fill="var(--mantine-color-red-5)"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Budget against actual" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th style={NUMERIC}>Budget</Table.Th>
                <Table.Th style={NUMERIC}>Actual cost</Table.Th>
                <Table.Th style={NUMERIC}>Variance (budget − cost)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiatives.map((group) => (
                <Table.Tr key={group.key}>
                  <Table.Td>
                    <Text size="sm">{group.label}</Text>
                    <Text size="xs" c="dimmed">
                      {group.key}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.budget)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>
                    <Text span size="sm" c={isNegative(group.budgetVariance) ? 'red' : undefined}>
                      {money.format(group.budgetVariance)}
                      {isNegative(group.budgetVariance) ? ' over' : ''}
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
