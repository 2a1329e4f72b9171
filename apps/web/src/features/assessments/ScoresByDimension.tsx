import { BarChart, RadarChart } from '@mantine/charts';
import { Stack, Table, Tabs, Title } from '@mantine/core';
import type { Results } from './assessments.queries';
import { formatChange, formatScore } from './results-format';

export interface RatingSpread {
  count: number;
  min: number;
  max: number;
  standardDeviation: number;
  distribution: Record<string, number>;
}

const RATINGS = [1, 2, 3, 4, 5];

/**
 * Scores by dimension, against the previous cycle's closed assessment of the same template when
 * there is one. The leadership pulse (one question) charts its spread of ratings instead.
 */
export function ScoresByDimension(props: { results: Results; cycleName: string }) {
  const { results, cycleName } = props;
  const spread = results.ratingSpread as RatingSpread | null;
  const previous = results.previous;
  const previousScore = new Map(
    (previous?.dimensions ?? []).map((dimension) => [dimension.dimension, dimension.score]),
  );
  const dimensions = results.dimensions.filter((dimension) => dimension.questions > 0);
  const data = dimensions.map((dimension) => ({
    dimension: dimension.dimension,
    current: dimension.score ?? 0,
    ...(previous ? { previous: previousScore.get(dimension.dimension) ?? 0 } : {}),
  }));
  const series = [
    { name: 'current', label: cycleName, color: 'indigo.6' },
    ...(previous ? [{ name: 'previous', label: previous.cycleName, color: 'orange.6' }] : []),
  ];
  return (
    <Stack gap="xs" component="section" aria-label="Scores">
      <Title order={4} size="h5">
        {spread ? 'Ratings' : 'Maturity by dimension'}
      </Title>
      <Tabs defaultValue="chart" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="chart">Chart</Tabs.Tab>
          <Tabs.Tab value="table">Table</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chart" pt="md">
          {spread ? (
            <BarChart
              h={220}
              data={RATINGS.map((rating) => ({
                rating: String(rating),
                respondents: spread.distribution[String(rating)] ?? 0,
              }))}
              dataKey="rating"
              series={[{ name: 'respondents', label: 'Respondents', color: 'indigo.6' }]}
              yAxisProps={{ allowDecimals: false }}
              barProps={{ maxBarSize: 56 }}
              aria-label="Distribution of ratings"
            />
          ) : dimensions.length >= 3 ? (
            <RadarChart
              h={340}
              data={data}
              dataKey="dimension"
              series={series.map((entry, index) => ({
                ...entry,
                opacity: index === 0 ? 0.3 : 0.1,
              }))}
              // The previous cycle is drawn dashed so it stays visible inside a grown shape.
              radarProps={(entry) => ({
                strokeWidth: 2,
                ...(entry.name === 'previous' ? { strokeDasharray: '6 4' } : {}),
              })}
              withLegend={Boolean(previous)}
              withPolarRadiusAxis
              // A fixed 0-5 scale keeps two cycles comparable; the ticks sit between two spokes so
              // they never cover a dimension's name.
              polarRadiusAxisProps={{
                domain: [0, 5],
                tickCount: 6,
                angle: 90 - 180 / dimensions.length,
              }}
              aria-label="Maturity by dimension"
            />
          ) : (
            <BarChart
              h={220}
              data={data}
              dataKey="dimension"
              series={series}
              withLegend={Boolean(previous)}
              yAxisProps={{ domain: [0, 5] }}
              barProps={{ maxBarSize: 56 }}
              role="img"
              aria-label="Scores by dimension"
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="table" pt="md">
          <Stack>
            <Table aria-label="Scores by dimension">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dimension</Table.Th>
                  <Table.Th>{previous ? `Score (${cycleName})` : 'Score'}</Table.Th>
                  {previous && <Table.Th>Previous ({previous.cycleName})</Table.Th>}
                  {previous && <Table.Th>Change</Table.Th>}
                  <Table.Th>Questions answered</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dimensions.map((dimension) => (
                  <Table.Tr key={dimension.dimension}>
                    <Table.Td>{dimension.dimension}</Table.Td>
                    <Table.Td>{formatScore(dimension.score)}</Table.Td>
                    {previous && (
                      <Table.Td>{formatScore(previousScore.get(dimension.dimension))}</Table.Td>
                    )}
                    {previous && (
                      <Table.Td>
                        {formatChange(dimension.score, previousScore.get(dimension.dimension))}
                      </Table.Td>
                    )}
                    <Table.Td>
                      {dimension.answered} of {dimension.questions}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {spread && (
              <Table aria-label="Distribution of ratings">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Rating</Table.Th>
                    <Table.Th>Respondents</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {RATINGS.map((rating) => (
                    <Table.Tr key={rating}>
                      <Table.Td>{rating}</Table.Td>
                      <Table.Td>{spread.distribution[String(rating)] ?? 0}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
