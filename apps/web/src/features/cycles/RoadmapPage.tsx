import {
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrganisationId } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import { type Step, useCycle } from './cycles.queries';
import { StepCriteria, StepSchedule, StepSignOff, StepStatusBadge } from './StepParts';
import { usePageTitle } from '../../ui/page-title';

/** Where the cycle stands: the six steps, their progress and what blocks each one. */
export function RoadmapPage() {
  const { cycleId = '' } = useParams();

  const cycle = useCycle(cycleId);
  usePageTitle(cycle.data?.name ?? 'Strategy cycle');
  if (cycle.isPending) return <Skeleton height={320} />;
  if (cycle.isError) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const signedOff = cycle.data.steps.filter((step) => step.status === 'done').length;
  return (
    <Stack>
      <div>
        <Title order={2}>{cycle.data.name}</Title>
        <Text c="dimmed" size="sm">
          {cycle.data.startsOn} to {cycle.data.endsOn} · {signedOff} of 6 steps signed off
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {cycle.data.steps.map((step) => (
          <StepCard key={step.id} cycleId={cycleId} step={step} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function StepCard(props: { cycleId: string; step: Step }) {
  const orgId = useOrganisationId();
  const { step } = props;
  return (
    <Paper withBorder p="md" component="section" aria-label={`Step ${step.number}: ${step.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge circle variant="light">
              {step.number}
            </Badge>
            <Title order={3} size="h4">
              {step.name}
            </Title>
          </Group>
          <StepStatusBadge status={step.status} />
        </Group>
        <Text size="xs" c="dimmed">
          Produces: {step.produces}
        </Text>
        <StepSchedule step={step} />
        <Progress value={(step.progress ?? 0) * 100} aria-label={`${step.name} progress`} />
        <StepCriteria cycleId={props.cycleId} step={step} />
        <StepSignOff cycleId={props.cycleId} step={step} />
        <Anchor
          component={Link}
          to={`/organisations/${orgId}/steps/${step.key}?cycleId=${props.cycleId}`}
          size="sm"
        >
          Open the {step.name} workspace
        </Anchor>
      </Stack>
    </Paper>
  );
}
