import { BarChart } from '@mantine/charts';
import { Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { Results } from './assessments.queries';
import { formatPercent } from './results-format';

/** How many of each dimension's submitted answers rest on evidence, and how many on opinion. */
export function EvidenceCoverage(props: {
  coverage: Results['evidenceCoverage'];
  /** Dimensions in the template's order, so this chart reads in the same order as the scores. */
  dimensionOrder: string[];
}) {
  const position = (dimension: string) => {
    const index = props.dimensionOrder.indexOf(dimension);
    return index === -1 ? props.dimensionOrder.length : index;
  };
  const rows = [...props.coverage]
    .sort((a, b) => position(a.dimension) - position(b.dimension))
    .map((row) => ({ ...row, withoutEvidence: row.answers - row.withEvidence }));
  return (
    <Stack gap="xs" component="section" aria-label="Evidence coverage">
      <Title order={4} size="h5">
        Evidence coverage
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No submitted answer yet.
        </Text>
      ) : (
        <Tabs defaultValue="chart" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="chart">Chart</Tabs.Tab>
            <Tabs.Tab value="table">Table</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="chart" pt="md">
            <BarChart
              h={Math.max(120, 48 * rows.length + 60)}
              data={rows}
              dataKey="dimension"
              orientation="vertical"
              type="stacked"
              series={[
                { name: 'withEvidence', label: 'With evidence', color: 'teal.6' },
                { name: 'withoutEvidence', label: 'Without evidence', color: 'orange.4' },
              ]}
              withLegend
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 170 }}
              barProps={{ maxBarSize: 28 }}
              aria-label="Answers with and without evidence by dimension"
            />
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="md">
            <Table aria-label="Evidence coverage by dimension">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dimension</Table.Th>
                  <Table.Th>Answers</Table.Th>
                  <Table.Th>With evidence</Table.Th>
                  <Table.Th>Without evidence</Table.Th>
                  <Table.Th>Share with evidence</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.dimension}>
                    <Table.Td>{row.dimension}</Table.Td>
                    <Table.Td>{row.answers}</Table.Td>
                    <Table.Td>{row.withEvidence}</Table.Td>
                    <Table.Td>{row.withoutEvidence}</Table.Td>
                    <Table.Td>{formatPercent(row.share)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
