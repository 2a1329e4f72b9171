import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { useLearningLog } from '../collaboration/collaboration.queries';
import { EXPERIMENT_OUTCOME, formatDay, formatMoney } from '../../ui/plan-format';
import { fetchPlanRecord, type Initiative, useUpdateInitiative } from '../plan/plan.queries';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';
import { usePageTitle } from '../../ui/page-title';

/**
 * Every experiment, with what it set out to test, what would count as success or a reason to stop,
 * and what it taught: failures are kept, because failing in order to learn is the point.
 */
export function LearningLogPage() {
  usePageTitle('Learning log');
  const current = useOrganisation();
  const log = useLearningLog();
  const [recording, setRecording] = useState<Initiative | null>(null);
  const experiments = log.data ?? [];
  const count = (outcome: string | null) =>
    experiments.filter((experiment) => experiment.experimentOutcome === outcome).length;
  const overdue = experiments.filter((experiment) => experiment.decisionOverdue).length;

  return (
    <Stack>
      <div>
        <Title order={2}>Learning log</Title>
        <Text c="dimmed" size="sm">
          Experiments, their hypotheses and kill criteria, and the lessons they left, whichever way
          they went.
        </Text>
      </div>
      {log.isPending ? (
        <Skeleton height={220} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : experiments.length === 0 ? (
        <EmptyState title="No experiment yet">
          Mark an initiative as an experiment on the strategy map, with a hypothesis, success and
          kill criteria and a decision date. Its outcome and lessons are recorded here.
        </EmptyState>
      ) : (
        <>
          <Group gap="xs" aria-label="Summary">
            <Badge variant="light" color="gray">
              {experiments.length} experiment{experiments.length === 1 ? '' : 's'}
            </Badge>
            {Object.entries(EXPERIMENT_OUTCOME).map(([outcome, { label, colour }]) => (
              <Badge key={outcome} variant="light" color={colour}>
                {count(outcome)} {label.toLowerCase()}
              </Badge>
            ))}
            <Badge variant="light" color="blue">
              {count(null)} awaiting a decision
            </Badge>
            {overdue > 0 && (
              <Badge variant="filled" color="red">
                {overdue} decision{overdue === 1 ? '' : 's'} overdue
              </Badge>
            )}
          </Group>
          <Stack gap="md">
            {experiments.map((experiment) => (
              <ExperimentCard
                key={experiment.id}
                experiment={experiment}
                canRecord={current.can('plan.edit') ?? false}
                onRecord={() => setRecording(experiment)}
              />
            ))}
          </Stack>
        </>
      )}
      <Modal
        opened={Boolean(recording)}
        onClose={() => setRecording(null)}
        title={recording ? `What did ${recording.code} teach?` : ''}
        size="lg"
      >
        {recording && (
          <OutcomeForm
            experiment={experiments.find((each) => each.id === recording.id) ?? recording}
            onDone={() => setRecording(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function Criterion(props: { label: string; text: string | null; missing?: string }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {props.label}
      </Text>
      <Text size="sm" c={props.text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {props.text ?? props.missing ?? 'Not stated'}
      </Text>
    </div>
  );
}

function ExperimentCard(props: {
  experiment: Initiative;
  canRecord: boolean;
  onRecord: () => void;
}) {
  const { experiment } = props;
  const outcome = experiment.experimentOutcome
    ? EXPERIMENT_OUTCOME[experiment.experimentOutcome]
    : null;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`Experiment ${experiment.code}`}
      style={
        experiment.decisionOverdue
          ? { borderLeft: '4px solid var(--mantine-color-red-6)' }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700}>
              <Text span c="dimmed" ff="monospace" mr={6}>
                {experiment.code}
              </Text>
              {experiment.name}
            </Text>
            <Text size="xs" c="dimmed">
              Accountable {experiment.accountableName} · responsible {experiment.responsibleName} ·
              budget {formatMoney(experiment.budget, experiment.currency)}
            </Text>
          </div>
          <Group gap="xs">
            {outcome ? (
              <Badge color={outcome.colour} variant="filled">
                {outcome.label}
              </Badge>
            ) : (
              <Badge color="blue" variant="light">
                Awaiting decision
              </Badge>
            )}
            {experiment.decisionOverdue && (
              <Badge color="red" variant="filled">
                Decision overdue
              </Badge>
            )}
          </Group>
        </Group>
        <Criterion label="Hypothesis" text={experiment.hypothesis} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Criterion label="Success criteria" text={experiment.successCriteria} />
          <Criterion label="Kill criteria" text={experiment.killCriteria} />
          <div>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Decision date
            </Text>
            <Text size="sm" c={experiment.decisionOverdue ? 'red' : undefined}>
              {formatDay(experiment.decisionDate)}
              {experiment.decisionOverdue && ' (passed without a decision)'}
            </Text>
          </div>
        </SimpleGrid>
        <Criterion
          label="Lessons"
          text={experiment.lessons}
          missing={outcome ? 'Not recorded: what did it teach?' : 'Recorded once it is decided'}
        />
        {props.canRecord && (
          <Group>
            <Button size="xs" variant="light" onClick={props.onRecord}>
              {outcome ? 'Change outcome or lessons' : 'Record the outcome'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface Values {
  experimentOutcome: string | null;
  lessons: string;
}

const toValues = (experiment: Initiative): Values => ({
  experimentOutcome: experiment.experimentOutcome,
  lessons: experiment.lessons ?? '',
});

const FIELDS: FieldSpec<Values>[] = [
  {
    key: 'experimentOutcome',
    label: 'Outcome',
    format: (value) =>
      value ? (EXPERIMENT_OUTCOME[String(value)]?.label ?? String(value)) : 'Not decided',
  },
  { key: 'lessons', label: 'Lessons' },
];

function OutcomeForm(props: { experiment: Initiative; onDone: () => void }) {
  const orgId = useOrganisationId();

  const update = useUpdateInitiative();
  const form = useForm<Values>({
    initialValues: toValues(props.experiment),
    validate: {
      lessons: (value, values) =>
        values.experimentOutcome && !value.trim()
          ? 'Say what it taught: that is why it was run'
          : value.length > 5000
            ? 'At most 5000 characters'
            : null,
    },
  });
  const members = useMemberOptions();
  const edit = useVersionedEdit({
    entity: 'initiatives',
    record: props.experiment,
    latest: props.experiment,
    toValues,
    fetchLatest: () => fetchPlanRecord(orgId, 'initiatives', props.experiment.id),
    form,
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({
        id: props.experiment.id,
        version: edit.version,
        experimentOutcome: (values.experimentOutcome || null) as Initiative['experimentOutcome'],
        lessons: values.lessons.trim() || null,
      });
      notifications.show({ color: 'green', message: 'Recorded in the learning log' });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'lessons');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Experiment outcome">
      <Stack>
        <VersionNotices edit={edit} what="experiment" nameOf={members.nameOf} />
        <Text size="sm" c="dimmed">
          Hypothesis: {props.experiment.hypothesis ?? 'not stated'}
        </Text>
        <Select
          label="Outcome"
          placeholder="Not decided yet"
          clearable
          data={Object.entries(EXPERIMENT_OUTCOME).map(([value, { label }]) => ({ value, label }))}
          {...form.getInputProps('experimentOutcome')}
        />
        <Textarea
          label="Lessons"
          description="What it taught, especially if it failed."
          autosize
          minRows={3}
          {...form.getInputProps('lessons')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="experiment" fields={FIELDS} />
    </form>
  );
}
