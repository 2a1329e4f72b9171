import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { roadmapActions, type Step, useCycle, useRoadmapChange } from './cycles.queries';
import { useOrganisation, useOrganisationId } from '../../session/organisation';

const statusLabel: Record<Step['status'], { label: string; colour: string }> = {
  not_started: { label: 'Not started', colour: 'gray' },
  in_progress: { label: 'In progress', colour: 'blue' },
  done: { label: 'Signed off', colour: 'green' },
};

/** Where the cycle stands: the six steps, their progress and what blocks each one. */
export function RoadmapPage() {
  const { cycleId = '' } = useParams();

  const cycle = useCycle(cycleId);
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
  const current = useOrganisation();
  const actions = roadmapActions(orgId, props.cycleId);
  const report = (error: unknown) =>
    notifications.show({
      color: 'red',
      title: 'Not done',
      message: error instanceof Error ? error.message : 'Try again.',
    });
  const tick = useRoadmapChange(props.cycleId, actions.tick);
  const signOff = useRoadmapChange(props.cycleId, actions.signOff);
  const addCriterion = useRoadmapChange(props.cycleId, actions.addCriterion);
  const [newCriterion, setNewCriterion] = useState('');
  const [reopening, setReopening] = useState(false);
  const manages = current.can('cycles.manage') ?? false;
  const signs = current.can('steps.sign-off') ?? false;
  const open = step.status !== 'done';
  const status = statusLabel[step.status];

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
          <Badge color={status.colour} variant="light">
            {status.label}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          Produces: {step.produces}
        </Text>
        <Text size="sm">
          Owner:{' '}
          {step.ownerName ?? (
            <Text span c="orange">
              nobody yet
            </Text>
          )}
          {step.plannedStart && ` · ${step.plannedStart} to ${step.plannedEnd ?? '…'}`}
        </Text>
        <Progress value={(step.progress ?? 0) * 100} aria-label={`${step.name} progress`} />
        <Stack gap={4}>
          {step.criteria.map((criterion) => (
            <Checkbox
              key={criterion.id}
              label={criterion.text}
              checked={criterion.done}
              disabled={!manages || !open || tick.isPending}
              onChange={(event) =>
                tick
                  .mutateAsync({
                    stepId: step.id,
                    criterionId: criterion.id,
                    done: event.currentTarget.checked,
                    version: criterion.version,
                  })
                  .catch(report)
              }
            />
          ))}
        </Stack>
        {manages && open && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              placeholder="Add an exit criterion"
              aria-label={`New exit criterion for ${step.name}`}
              value={newCriterion}
              onChange={(event) => setNewCriterion(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!newCriterion.trim()}
              onClick={() =>
                addCriterion
                  .mutateAsync({ stepId: step.id, text: newCriterion })
                  .then(() => setNewCriterion(''))
                  .catch(report)
              }
            >
              Add
            </Button>
          </Group>
        )}
        {open && step.blockers.length > 0 && (
          <div>
            <Text size="xs" fw={600} c="dimmed">
              Blocking sign-off
            </Text>
            <List size="xs" c="dimmed">
              {step.blockers.slice(0, 3).map((blocker) => (
                <List.Item key={blocker}>{blocker}</List.Item>
              ))}
              {step.blockers.length > 3 && (
                <List.Item>and {step.blockers.length - 3} more</List.Item>
              )}
            </List>
          </div>
        )}
        {step.status === 'done' && (
          <Text size="xs" c="green">
            Signed off by {step.signedOffByName ?? 'someone'} on{' '}
            {new Date(step.signedOffAt ?? '').toLocaleDateString()}
          </Text>
        )}
        {step.reopenReason && open && (
          <Text size="xs" c="orange">
            Reopened: {step.reopenReason}
          </Text>
        )}
        {signs && (
          <Group>
            {open ? (
              <Button
                size="xs"
                disabled={!step.canSignOff}
                loading={signOff.isPending}
                onClick={() =>
                  signOff.mutateAsync({ stepId: step.id, version: step.version }).catch(report)
                }
              >
                Sign off
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => setReopening(true)}>
                Reopen
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Modal opened={reopening} onClose={() => setReopening(false)} title={`Reopen ${step.name}`}>
        <ReopenForm cycleId={props.cycleId} step={step} onDone={() => setReopening(false)} />
      </Modal>
    </Paper>
  );
}

function ReopenForm(props: { cycleId: string; step: Step; onDone: () => void }) {
  const orgId = useOrganisationId();

  const reopen = useRoadmapChange(props.cycleId, roadmapActions(orgId, props.cycleId).reopen);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack>
      <Textarea
        label="Why is it reopened?"
        description="Kept in the audit log with your name."
        value={reason}
        error={error}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button
          loading={reopen.isPending}
          onClick={async () => {
            if (!reason.trim()) return setError('Give the reason');
            try {
              await reopen.mutateAsync({
                stepId: props.step.id,
                reason,
                version: props.step.version,
              });
              props.onDone();
            } catch (caught) {
              setError(caught instanceof Error ? caught.message : 'Try again');
            }
          }}
        >
          Reopen step
        </Button>
      </Group>
    </Stack>
  );
}
