import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDay, MILESTONE_STATUS } from '../../ui/plan-format';
import type { Timeline } from './execution.queries';
import { milestoneColour } from './TimelineChart';

/**
 * The timeline on a small screen, where a chart of months would be unreadable: each initiative
 * with when it runs and who is accountable and responsible, then its milestones by due date,
 * each opening the milestone.
 */
export function TimelineList(props: {
  timeline: Timeline;
  onOpenMilestone: (milestoneId: string) => void;
}) {
  const titles = new Map(
    props.timeline.initiatives.flatMap((initiative) =>
      initiative.milestones.map((milestone) => [milestone.id, milestone.title] as const),
    ),
  );
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Timeline">
      {props.timeline.initiatives.map((initiative) => (
        <Paper key={initiative.id} component="li" withBorder p="sm" radius="sm">
          <Title order={4} size="h5">
            {initiative.code} {initiative.name}
            {initiative.isExperiment && (
              <Text span size="xs" c="grape.8" ml={6}>
                experiment
              </Text>
            )}
          </Title>
          <Text size="xs">
            {initiative.startsOn || initiative.endsOn
              ? `Runs ${formatDay(initiative.startsOn)} to ${formatDay(initiative.endsOn)}`
              : 'No dates of its own'}
          </Text>
          <Text size="xs" c="dimmed">
            Accountable: {initiative.accountableName} · responsible: {initiative.responsibleName}
          </Text>
          {initiative.milestones.length === 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              No milestone in this period.
            </Text>
          ) : (
            <Stack gap={6} mt="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {[...initiative.milestones]
                .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                .map((milestone) => (
                  <li key={milestone.id}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      onClick={() => props.onOpenMilestone(milestone.id)}
                    >
                      {milestone.title}
                    </Anchor>
                    <Group gap={6}>
                      <Text size="xs">Due {formatDay(milestone.dueDate)}</Text>
                      <Badge size="sm" variant="light" color={milestoneColour(milestone)}>
                        {MILESTONE_STATUS[milestone.status]?.label}
                        {milestone.atRisk ? ', at risk' : ''}
                      </Badge>
                    </Group>
                    {milestone.dependsOn.length > 0 && (
                      <Text size="xs" c="dimmed">
                        After{' '}
                        {milestone.dependsOn
                          .map((id) => titles.get(id) ?? 'a milestone outside this period')
                          .join('; ')}
                      </Text>
                    )}
                  </li>
                ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
