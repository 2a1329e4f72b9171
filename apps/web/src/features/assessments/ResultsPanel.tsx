import '@mantine/charts/styles.css';
import {
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { ErrorState } from '../../ui/ErrorState';
import { useResults } from './assessments.queries';
import { EvidenceCoverage } from './EvidenceCoverage';
import { formatPercent, formatScore } from './results-format';
import { type RatingSpread, ScoresByDimension } from './ScoresByDimension';
import { useOrganisationId } from '../../session/organisation';

interface Gap {
  believed: number;
  supported: number;
  gap: number;
}

/** The results as the brief defines them; every chart has a table beside it. */
export function ResultsPanel(props: { assessmentId: string; cycleName: string }) {
  const orgId = useOrganisationId();

  const results = useResults(props.assessmentId);
  if (results.isPending) return <Skeleton height={200} />;
  if (results.isError)
    return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const spread = data.ratingSpread as RatingSpread | null;
  const gap = data.beliefGap as Gap | null;
  const previous = data.previous;
  const exportBase = `/api/v1/organisations/${orgId}/assessments/${props.assessmentId}`;
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
          <Figure
            label="Overall score (1-5)"
            value={formatScore(data.overallScore)}
            previous={previous && `${formatScore(previous.overallScore)} in ${previous.cycleName}`}
          />
          <Figure
            label="Stage"
            value={data.stage ? `${data.stage} · ${data.stageName}` : 'n/a'}
            previous={
              previous &&
              `${previous.stage ? `${previous.stage} · ${previous.stageName}` : 'n/a'} in ${previous.cycleName}`
            }
          />
          <Figure label="Answers with evidence" value={formatPercent(data.evidenceShare)} />
          <Figure label="Respondents" value={String(data.respondents)} />
        </SimpleGrid>
        {previous && (
          <Text size="sm" c="dimmed">
            Compared with “{previous.title}”, closed in {previous.cycleName}.
          </Text>
        )}
        {data.respondents === 0 ? (
          <Text c="dimmed">No submitted response yet: results appear as people submit.</Text>
        ) : (
          <>
            <ScoresByDimension results={data} cycleName={props.cycleName} />
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
            <Divider />
            <EvidenceCoverage
              coverage={data.evidenceCoverage}
              dimensionOrder={data.dimensions.map((dimension) => dimension.dimension)}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Figure(props: { label: string; value: string; previous?: string | null }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="lg">
        {props.value}
      </Text>
      {props.previous && (
        <Text size="xs" c="dimmed">
          {props.previous}
        </Text>
      )}
    </Stack>
  );
}
