import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { MISS_CATEGORIES, MISS_CATEGORY_LABELS, type MissCategory } from '@roi/domain';
import { EXPERIMENT_OUTCOME } from '../../ui/plan-format';
import type { BoardPackContent } from './board-packs.queries';
import type { PackFormat } from './BoardPackFormat';

type Milestones = BoardPackContent['milestones'];

/**
 * What was delivered and what was missed in the cycle up to the as-of date; a missed milestone
 * says why, by its category and in the words of whoever marked it.
 */
export function BoardPackDelivery(props: { milestones: Milestones; format: PackFormat }) {
  const { milestones, format } = props;
  const categories = MISS_CATEGORIES.filter(
    (category) => (milestones.missCategories[category] ?? 0) > 0,
  );
  return (
    <Stack gap="md">
      <Text size="sm">
        {milestones.delivered.length} delivered and {milestones.missed.length} missed in the cycle
        so far; {milestones.overdue} overdue (missed, or still open after the due date).
        {categories.length > 0 &&
          ` Missed for: ${categories
            .map(
              (category) =>
                `${MISS_CATEGORY_LABELS[category].toLowerCase()} ${milestones.missCategories[category]}`,
            )
            .join(', ')}.`}
      </Text>
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-label="Milestones delivered"
      >
        <Title order={4} size="h5" mb="xs">
          Delivered ({milestones.delivered.length})
        </Title>
        {milestones.delivered.length === 0 ? (
          <Text size="sm" c="gray.7">
            Nothing delivered yet in this cycle.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Milestones delivered" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Initiative</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestones.delivered.map((milestone) => (
                  <Table.Tr key={milestone.id}>
                    <Table.Td>{milestone.title}</Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {milestone.initiativeCode}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {format.day(milestone.dueDate)}
                    </Table.Td>
                    <Table.Td>
                      {format.day(milestone.doneOn)}
                      {milestone.doneOn > milestone.dueDate && (
                        <Text span size="xs" c="red.9">
                          {' '}
                          (late)
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-label="Milestones missed"
      >
        <Title order={4} size="h5" mb="xs">
          Missed ({milestones.missed.length})
        </Title>
        {milestones.missed.length === 0 ? (
          <Text size="sm" c="gray.7">
            Nothing missed in this cycle so far.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Milestones missed" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Initiative</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestones.missed.map((milestone) => (
                  <Table.Tr key={milestone.id}>
                    <Table.Td>{milestone.title}</Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {milestone.initiativeCode}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {format.day(milestone.dueDate)}
                    </Table.Td>
                    <Table.Td>
                      <Badge autoContrast color="gray.7" variant="filled" size="sm">
                        {MISS_CATEGORY_LABELS[milestone.missCategory as MissCategory] ??
                          milestone.missCategory}
                      </Badge>
                      {milestone.missNote && (
                        <Text size="sm" mt={4}>
                          {milestone.missNote}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

/** Experiments decided in the cycle, whichever way they went, and what they taught. */
export function BoardPackExperiments(props: {
  experiments: BoardPackContent['experiments'];
  format: PackFormat;
}) {
  if (props.experiments.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text c="gray.7">No experiment was decided in this cycle by the as-of date.</Text>
      </Paper>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {props.experiments.map((experiment) => {
        const outcome = EXPERIMENT_OUTCOME[experiment.outcome];
        return (
          <Paper
            key={experiment.initiativeId}
            withBorder
            p="md"
            radius="md"
            component="article"
            aria-label={`Experiment ${experiment.code}`}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={700}>
                <Text span c="gray.7" ff="monospace" mr={6}>
                  {experiment.code}
                </Text>
                {experiment.name}
              </Text>
              <Badge
                autoContrast
                color={OUTCOME_COLOUR[experiment.outcome] ?? 'gray.7'}
                variant="filled"
              >
                {outcome?.label ?? experiment.outcome}
              </Badge>
            </Group>
            <Text size="xs" c="gray.7" mt={4}>
              Decided {props.format.day(experiment.decisionDate)}
            </Text>
            <Text size="sm" mt="xs">
              <b>Hypothesis:</b> {experiment.hypothesis ?? 'not stated'}
            </Text>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              <b>Lessons:</b> {experiment.lessons ?? 'not recorded'}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

const OUTCOME_COLOUR: Record<string, string> = {
  validated: 'teal.9',
  invalidated: 'red.9',
  inconclusive: 'yellow.5',
};
