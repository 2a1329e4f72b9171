import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { findStrategyStep } from '@roi/domain';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';

/** One step of the strategy cycle: its purpose and what it produces, from the brief. */
export function StepPage() {
  const step = findStrategyStep(useParams().stepKey ?? '');
  if (!step) return <NotFoundPage />;
  return (
    <Stack maw={760}>
      <Group gap="sm">
        <Badge size="lg" variant="light" circle>
          {step.number}
        </Badge>
        <Title order={2}>{step.name}</Title>
      </Group>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={600} c="dimmed">
              What happens
            </Text>
            <Text>{step.purpose}.</Text>
          </div>
          <div>
            <Text size="sm" fw={600} c="dimmed">
              What it produces
            </Text>
            <Text>{step.produces[0]?.toUpperCase() + step.produces.slice(1)}.</Text>
          </div>
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        The workspace for this step opens with its strategy cycles; they are on their way.
      </Text>
    </Stack>
  );
}
