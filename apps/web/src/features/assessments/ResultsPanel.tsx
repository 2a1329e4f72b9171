import '@mantine/charts/styles.css';
import { BarChart, RadarChart } from '@mantine/charts';
import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { ErrorState } from '../../ui/ErrorState';
import { useResults } from './assessments.queries';

const score = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(digits);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;

interface Spread {
  count: number;
  min: number;
  max: number;
  standardDeviation: number;
  distribution: Record<string, number>;
}
interface Gap {
  believed: number;
  supported: number;
  gap: number;
}

/** The results as the brief defines them; every chart has a table beside it. */
export function ResultsPanel(props: { orgId: string; assessmentId: string }) {
  const results = useResults(props.orgId, props.assessmentId);
  if (results.isPending) return <Skeleton height={200} />;
  if (results.isError)
    return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const spread = data.ratingSpread as Spread | null;
  const gap = data.beliefGap as Gap | null;
  const dimensions = data.dimensions.filter((dimension) => dimension.questions > 0);
  const exportBase = `/api/v1/organisations/${props.orgId}/assessments/${props.assessmentId}`;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Results">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            Results
          </Title>
          <Group gap="xs">
            <Button component="a" size="xs" variant="light" href={`${exportBase}/results.csv`}>
              Results CSV
            </Button>
            <Button component="a" size="xs" variant="light" href={`${exportBase}/answers.csv`}>
              Answers and evidence CSV
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Overall score (1-5)" value={score(data.overallScore)} />
          <Figure label="Stage" value={data.stage ? `${data.stage} · ${data.stageName}` : 'n/a'} />
          <Figure label="Answers with evidence" value={percent(data.evidenceShare)} />
          <Figure label="Respondents" value={String(data.respondents)} />
        </SimpleGrid>
        {data.respondents === 0 ? (
          <Text c="dimmed">No submitted response yet: results appear as people submit.</Text>
        ) : (
          <Tabs defaultValue="chart">
            <Tabs.List>
              <Tabs.Tab value="chart">Chart</Tabs.Tab>
              <Tabs.Tab value="table">Table</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart" pt="md">
              {spread ? (
                <BarChart
                  h={220}
                  data={[1, 2, 3, 4, 5].map((rating) => ({
                    rating: String(rating),
                    respondents: spread.distribution[String(rating)] ?? 0,
                  }))}
                  dataKey="rating"
                  series={[{ name: 'respondents', color: 'indigo.6' }]}
                  yAxisProps={{ allowDecimals: false }}
                  aria-label="Distribution of ratings"
                />
              ) : dimensions.length >= 3 ? (
                <RadarChart
                  h={320}
                  data={dimensions.map((dimension) => ({
                    dimension: dimension.dimension,
                    score: dimension.score ?? 0,
                  }))}
                  dataKey="dimension"
                  series={[{ name: 'score', color: 'indigo.5', opacity: 0.3 }]}
                  aria-label="Maturity by dimension"
                />
              ) : (
                <BarChart
                  h={220}
                  data={dimensions.map((dimension) => ({
                    dimension: dimension.dimension,
                    score: dimension.score ?? 0,
                  }))}
                  dataKey="dimension"
                  series={[{ name: 'score', color: 'indigo.6' }]}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="table" pt="md">
              <Table aria-label="Scores by dimension">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Dimension</Table.Th>
                    <Table.Th>Score</Table.Th>
                    <Table.Th>Questions answered</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dimensions.map((dimension) => (
                    <Table.Tr key={dimension.dimension}>
                      <Table.Td>{dimension.dimension}</Table.Td>
                      <Table.Td>{score(dimension.score)}</Table.Td>
                      <Table.Td>
                        {dimension.answered} of {dimension.questions}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
          </Tabs>
        )}
        {spread && (
          <Text size="sm">
            Ratings from {spread.min} to {spread.max}, standard deviation{' '}
            {spread.standardDeviation.toFixed(2)}.
          </Text>
        )}
        {gap && (
          <Text size="sm" fw={600} c={gap.gap > 0 ? 'orange' : 'green'}>
            Leaders believe {gap.believed.toFixed(2)}; the evidence-backed answers support{' '}
            {gap.supported.toFixed(2)} (gap {gap.gap.toFixed(2)}).
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Figure(props: { label: string; value: string }) {
  return (
    <Group gap={2} style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="lg">
        {props.value}
      </Text>
    </Group>
  );
}
