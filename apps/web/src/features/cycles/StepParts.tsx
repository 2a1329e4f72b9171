import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { StepStatus } from '@roi/domain';
import { useState } from 'react';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { formatDay } from '../../ui/plan-format';
import { roadmapActions, type Step, useRoadmapChange } from './cycles.queries';
import { stepAbilities } from './step-abilities';

/** Text colours that read at 4.5:1 on white (Mantine's green 9 and orange 9 reach 4.3). */
const GREEN_TEXT = '#1f6b32';
const ORANGE_TEXT = '#9c3a06';

/**
 * A step's status in words, with a text colour that reads at 4.5:1 on its light tint (Mantine's
 * own light-variant text does not for green and blue).
 */
export const STEP_STATUS: Record<StepStatus, { label: string; colour: string; text: string }> = {
  not_started: { label: 'Not started', colour: 'gray', text: '#343a40' },
  in_progress: { label: 'In progress', colour: 'blue', text: '#1864ab' },
  done: { label: 'Signed off', colour: 'green', text: GREEN_TEXT },
};

export function StepStatusBadge(props: { status: StepStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const status = STEP_STATUS[props.status];
  return (
    <Badge
      color={status.colour}
      c={status.text}
      variant="light"
      size={props.size ?? 'md'}
      // The badge keeps its words whole: a label is never cut to "IN PRO...".
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {status.label}
    </Badge>
  );
}

/** A moment (the sign-off) as the day it fell on here, written like every other day. */
function dayOf(isoTimestamp: string | null): string {
  if (!isoTimestamp) return 'an unknown day';
  const moment = new Date(isoTimestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  return formatDay(
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
  );
}

/** Who owns the step and when it is planned. */
export function StepSchedule(props: { step: Step; size?: 'xs' | 'sm' }) {
  const { step } = props;
  return (
    <Text size={props.size ?? 'sm'}>
      Owner:{' '}
      {step.ownerName ?? (
        <Text span c={ORANGE_TEXT} inherit>
          nobody yet
        </Text>
      )}
      {step.plannedStart &&
        ` · planned ${formatDay(step.plannedStart)} to ${step.plannedEnd ? formatDay(step.plannedEnd) : '…'}`}
    </Text>
  );
}

const reportFailure = (error: unknown) =>
  notifications.show({
    color: 'red',
    title: 'Not done',
    message: error instanceof Error ? error.message : 'Try again.',
  });

/**
 * The step's exit criteria: ticked by those who plan the cycle while the step is open, read by
 * everyone else; each box follows the server (it shows ticked once the change is stored).
 */
export function StepCriteria(props: { cycleId: string; step: Step }) {
  const { step } = props;
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const actions = roadmapActions(orgId, props.cycleId);
  const tick = useRoadmapChange(props.cycleId, actions.tick);
  const addCriterion = useRoadmapChange(props.cycleId, actions.addCriterion);
  const [newCriterion, setNewCriterion] = useState('');
  const { editCriteria } = stepAbilities(current.can, step);
  return (
    <Stack gap="xs">
      <Stack gap={4} role="group" aria-label={`Exit criteria of ${step.name}`}>
        {step.criteria.length === 0 && (
          <Text size="sm" c="dimmed">
            No exit criterion yet: the step cannot be signed off without one.
          </Text>
        )}
        {step.criteria.map((criterion) => (
          <Checkbox
            key={criterion.id}
            label={criterion.text}
            checked={criterion.done}
            disabled={!editCriteria || tick.isPending}
            onChange={(event) =>
              tick
                .mutateAsync({
                  stepId: step.id,
                  criterionId: criterion.id,
                  done: event.currentTarget.checked,
                  version: criterion.version,
                })
                .catch(reportFailure)
            }
          />
        ))}
      </Stack>
      {editCriteria && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
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
            loading={addCriterion.isPending}
            onClick={() =>
              addCriterion
                .mutateAsync({ stepId: step.id, text: newCriterion })
                .then(() => setNewCriterion(''))
                .catch(reportFailure)
            }
          >
            Add
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * What stands between the step and its sign-off, who signed it off and when, and the sign-off
 * or reopen buttons for those who may sign steps off.
 */
export function StepSignOff(props: { cycleId: string; step: Step }) {
  const { step } = props;
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const signOff = useRoadmapChange(props.cycleId, roadmapActions(orgId, props.cycleId).signOff);
  const [reopening, setReopening] = useState(false);
  const abilities = stepAbilities(current.can, step);
  const open = step.status !== 'done';
  return (
    <Stack gap="xs">
      {open && step.blockers.length > 0 && (
        <div>
          <Text size="xs" fw={600} c="dimmed">
            Blocking sign-off
          </Text>
          <List size="xs" c="dimmed">
            {step.blockers.slice(0, 3).map((blocker) => (
              <List.Item key={blocker}>{blocker}</List.Item>
            ))}
            {step.blockers.length > 3 && <List.Item>and {step.blockers.length - 3} more</List.Item>}
          </List>
        </div>
      )}
      {step.status === 'done' && (
        <Text size="xs" c={GREEN_TEXT}>
          Signed off by {step.signedOffByName ?? 'someone'} on {dayOf(step.signedOffAt)}
        </Text>
      )}
      {step.reopenReason && open && (
        <Text size="xs" c={ORANGE_TEXT}>
          Reopened: {step.reopenReason}
        </Text>
      )}
      {(abilities.offerSignOff || abilities.reopen) && (
        <Group>
          {abilities.offerSignOff ? (
            <Button
              size="xs"
              disabled={!abilities.signOffReady}
              loading={signOff.isPending}
              onClick={() =>
                signOff.mutateAsync({ stepId: step.id, version: step.version }).catch(reportFailure)
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
      <Modal opened={reopening} onClose={() => setReopening(false)} title={`Reopen ${step.name}`}>
        <ReopenForm cycleId={props.cycleId} step={step} onDone={() => setReopening(false)} />
      </Modal>
    </Stack>
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
