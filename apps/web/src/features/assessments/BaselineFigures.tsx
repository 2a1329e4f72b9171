import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState } from '../../ui/ErrorState';
import type { Assessment } from './assessments.queries';
import { useBaselineFigures } from './respondents.queries';

const formatValue = (value: number) =>
  value.toLocaleString(undefined, { maximumFractionDigits: 2 });

/**
 * The quantities a closed assessment recorded (followers, posts a month...): the baseline the
 * plan's targets are measured against. Shown only when the assessment recorded any.
 */
export function BaselineFigures(props: { assessment: Assessment }) {
  const { assessment } = props;
  const figures = useBaselineFigures(assessment.cycleId);
  if (assessment.status !== 'closed') return null;
  if (figures.isPending) return <Skeleton height={100} />;
  if (figures.isError)
    return <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />;
  const mine = figures.data.filter((figure) => figure.assessmentId === assessment.id);
  if (mine.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Baseline figures">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Baseline figures
        </Title>
        <Text size="sm" c="dimmed">
          The mean of the submitted answers to each number question, recorded when the assessment
          closed.
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Baseline figures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Figure</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Measured on</Table.Th>
                <Table.Th ta="right">Respondents</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((figure) => (
                <Table.Tr key={figure.id}>
                  <Table.Td>
                    <Text size="sm">{figure.name}</Text>
                    <Text size="xs" c="dimmed">
                      {figure.dimension}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatValue(figure.value)}
                  </Table.Td>
                  <Table.Td>{figure.unit ?? ''}</Table.Td>
                  <Table.Td>{figure.measuredOn}</Table.Td>
                  <Table.Td ta="right">{figure.respondents}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
