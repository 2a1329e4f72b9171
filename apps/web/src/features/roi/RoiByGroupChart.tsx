import { Table, Text } from '@mantine/core';
import { formatPercent } from '@roi/domain';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import type { MoneyFormat } from './money';
import { axisPercent } from './roi-chart-data';
import type { RoiGroup, RoiGrouping } from './roi.queries';

export const GROUPING_LABEL: Record<RoiGrouping, string> = {
  initiative: 'Initiative',
  objective: 'Objective',
  channel: 'Channel',
  activity: 'Activity',
};

const COLOURS = {
  roi: 'var(--mantine-color-indigo-6)',
  riskAdjusted: 'var(--mantine-color-teal-6)',
};

/** ROI and risk-adjusted ROI of each group, as bars and as a table of the API's figures. */
export function RoiByGroupChart(props: {
  groups: RoiGroup[];
  groupBy: RoiGrouping;
  money: MoneyFormat;
}) {
  const { groups, groupBy, money } = props;
  const noun = GROUPING_LABEL[groupBy].toLowerCase();
  const data = groups.map((group) => ({
    name: group.label,
    roi: axisPercent(group.roi),
    riskAdjustedRoi: axisPercent(group.riskAdjustedRoi),
    roiText: formatPercent(group.roi),
    riskAdjustedRoiText: formatPercent(group.riskAdjustedRoi),
  }));
  const undefinedCount = groups.filter((group) => group.roi === null).length;
  const summary =
    `ROI and risk-adjusted ROI of ${groups.length} ${noun === 'activity' ? 'activities' : `${noun}s`}` +
    (undefinedCount ? `; ${undefinedCount} without cost in the period have no ROI (n/a).` : '.');

  return (
    <ChartOrTable
      title={`ROI by ${noun}`}
      summary={summary}
      chart={
        <div style={{ width: '100%', height: 80 + groups.length * 56 }}>
          <ResponsiveContainer>
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(value: number) => `${value}%`} fontSize={12} />
              <YAxis
                type="category"
                dataKey="name"
                width={120}
                fontSize={12}
                tickFormatter={(name: string) =>
                  name.length > 18 ? `${name.slice(0, 17)}…` : name
                }
              />
              <Tooltip
                formatter={(_value, name, item) => [
                  name === 'ROI' ? item.payload.roiText : item.payload.riskAdjustedRoiText,
                  String(name),
                ]}
              />
              <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
              <ReferenceLine x={0} stroke="var(--mantine-color-gray-6)" />
              <Bar name="ROI" dataKey="roi" fill={COLOURS.roi} isAnimationActive={false} />
              <Bar
                name="Risk-adjusted ROI"
                dataKey="riskAdjustedRoi"
                fill={COLOURS.riskAdjusted}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={`ROI by ${noun}`} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{GROUPING_LABEL[groupBy]}</Table.Th>
                <Table.Th style={NUMERIC}>Cost</Table.Th>
                <Table.Th style={NUMERIC}>Value</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted value</Table.Th>
                <Table.Th style={NUMERIC}>Net</Table.Th>
                <Table.Th style={NUMERIC}>ROI</Table.Th>
                <Table.Th style={NUMERIC}>Risk-adjusted ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => (
                <Table.Tr key={group.key} data-key={group.key}>
                  <Table.Td>
                    <Text size="sm">{group.label}</Text>
                    {groupBy === 'initiative' && (
                      <Text size="xs" c="dimmed">
                        {group.key}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.cost)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.value)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.riskAdjustedValue)}</Table.Td>
                  <Table.Td style={NUMERIC}>{money.format(group.net)}</Table.Td>
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
