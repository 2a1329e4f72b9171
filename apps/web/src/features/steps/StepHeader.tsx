import {
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { can, dayRange, ROLE_LABELS, ROLES, STRATEGY_STEPS } from '@roi/domain';
import { Link } from 'react-router';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import {
  type Cycle,
  stepAbilities,
  StepCriteria,
  StepSchedule,
  StepSignOff,
  type Step,
  StepStatusBadge,
} from '../cycles';
import type { CycleSummary } from './current-cycle';

/** Who may sign a step off, in words, from the permission table the API enforces. */
const SIGNERS = ROLES.filter((role) => can(role, 'steps.sign-off'))
  .map(
    (role) =>
      `${/^[aeiou]/i.test(ROLE_LABELS[role]) ? 'an' : 'a'} ${ROLE_LABELS[role].toLowerCase()}`,
  )
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

/**
 * The top of a step's workspace: which step of which cycle, its purpose, status and owner, its
 * exit criteria (ticked by those who plan the cycle) and its sign-off (by those who may sign).
 */
export function StepHeader(props: {
  cycle: Cycle;
  step: Step;
  cycles: readonly CycleSummary[];
  onChooseCycle: (cycleId: string) => void;
}) {
  const { cycle, step } = props;
  const current = useOrganisation();
  const orgId = useOrganisationId();
  const abilities = stepAbilities(current.can, step);
  const met = step.criteria.filter((criterion) => criterion.done).length;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'lg' }}
      radius="md"
      component="section"
      aria-label={`Step ${step.number} of ${STRATEGY_STEPS.length}: ${step.name}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="center">
            <Badge size="xl" circle variant="light" aria-hidden>
              {step.number}
            </Badge>
            <div>
              <Text size="sm" c="dimmed">
                Step {step.number} of {STRATEGY_STEPS.length} ·{' '}
                <Anchor
                  component={Link}
                  to={`/organisations/${orgId}/cycles/${cycle.id}`}
                  inherit
                  underline="always"
                >
                  {cycle.name}
                </Anchor>{' '}
                ({dayRange(cycle.startsOn, cycle.endsOn)})
              </Text>
              <Title order={2}>{step.name}</Title>
            </div>
          </Group>
          <Group gap="sm" align="center">
            {props.cycles.length > 1 && (
              <Select
                aria-label="Strategy cycle"
                size="xs"
                w={220}
                data={props.cycles.map((each) => ({ value: each.id, label: each.name }))}
                value={cycle.id}
                allowDeselect={false}
                onChange={(value) => value && value !== cycle.id && props.onChooseCycle(value)}
              />
            )}
            <span data-step-status={step.status}>
              <StepStatusBadge status={step.status} size="lg" />
            </span>
          </Group>
        </Group>
        <Text>{step.purpose}.</Text>
        <Text size="sm" c="dimmed">
          Produces: {step.produces}.
        </Text>
        <div data-step-owner>
          <StepSchedule step={step} />
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs" component="section" aria-label="Exit criteria">
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5">
                Exit criteria
              </Title>
              <Text size="sm" c="dimmed">
                {met} of {step.criteria.length} met
              </Text>
            </Group>
            <Progress
              value={(step.progress ?? 0) * 100}
              aria-label={`${step.name}: ${met} of ${step.criteria.length} exit criteria met`}
            />
            <StepCriteria cycleId={cycle.id} step={step} />
          </Stack>
          <Stack gap="xs" component="section" aria-label="Sign-off">
            <Title order={3} size="h5">
              Sign-off
            </Title>
            {step.status !== 'done' && step.canSignOff && (
              <Text size="sm">Every exit criterion is met: the step can be signed off.</Text>
            )}
            {step.status !== 'done' && !abilities.offerSignOff && (
              <Text size="sm" c="dimmed">
                Signed off by {SIGNERS} once every exit criterion is met.
              </Text>
            )}
            <StepSignOff cycleId={cycle.id} step={step} />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
