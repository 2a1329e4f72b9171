import {
  Button,
  Divider,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showProblemInForm } from '../../ui/form-errors';
import { EXPERIMENT_OUTCOME } from '../../ui/plan-format';
import {
  fetchPlanRecord,
  type Initiative,
  useCreateInitiative,
  useUpdateInitiative,
} from '../plan/plan.queries';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';
import {
  initiativeBody,
  initiativeRules,
  type InitiativeValues,
  newInitiativeValues,
  toValues,
} from './initiative-values';

/**
 * Adds or changes an initiative: the objectives it serves, its budget, who is accountable for the
 * strategy and who is responsible for execution, and, for an experiment, what would validate or
 * kill it and what was learnt.
 */
export function InitiativeForm(props: {
  currency: string;
  objectives: { id: string; title: string }[];
  objectiveId?: string;
  initiative?: Initiative;
  onDone: () => void;
}) {
  const orgId = useOrganisationId();

  const members = useMemberOptions();
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const form = useForm<InitiativeValues>({
    initialValues: props.initiative
      ? toValues(props.initiative)
      : newInitiativeValues(props.objectiveId),
    validate: initiativeRules,
  });
  const edit = useVersionedEdit({
    entity: 'initiatives',
    record: props.initiative ?? null,
    latest: props.initiative,
    toValues,
    fetchLatest: () => fetchPlanRecord(orgId, 'initiatives', props.initiative?.id ?? ''),
    form,
  });
  const objectiveTitle = new Map(
    props.objectives.map((objective) => [objective.id, objective.title]),
  );
  const fields: FieldSpec<InitiativeValues>[] = [
    { key: 'code', label: 'Code' },
    { key: 'name', label: 'Name' },
    {
      key: 'objectiveIds',
      label: 'Objectives',
      format: (ids) =>
        (ids as string[]).map((id) => objectiveTitle.get(id) ?? 'An objective').join('; '),
    },
    { key: 'budget', label: `Budget (${props.currency})` },
    { key: 'accountableUserId', label: 'Accountable', format: members.nameOf },
    { key: 'responsibleUserId', label: 'Responsible', format: members.nameOf },
    { key: 'channels', label: 'Channels' },
    { key: 'startsOn', label: 'Starts on' },
    { key: 'endsOn', label: 'Ends on' },
    { key: 'description', label: 'Description' },
    { key: 'isExperiment', label: 'Experiment' },
    { key: 'hypothesis', label: 'Hypothesis' },
    { key: 'successCriteria', label: 'Success criteria' },
    { key: 'killCriteria', label: 'Kill criteria' },
    { key: 'decisionDate', label: 'Decision date' },
    { key: 'experimentOutcome', label: 'Outcome' },
    { key: 'lessons', label: 'Lessons' },
  ];
  const { isExperiment } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    const body = initiativeBody(values);
    try {
      if (props.initiative) {
        await update.mutateAsync({ id: props.initiative.id, version: edit.version, ...body });
      } else {
        await create.mutateAsync(body);
      }
      notifications.show({
        color: 'green',
        message: props.initiative ? 'Saved' : 'Initiative added',
      });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'name');
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={props.initiative ? 'Edit initiative' : 'New initiative'}
    >
      <Stack>
        <VersionNotices edit={edit} what="initiative" nameOf={members.nameOf} />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput label="Code" placeholder="I-ASK" required {...form.getInputProps('code')} />
          <TextInput
            label="Name"
            placeholder="Ask-a-bookseller on Instagram"
            required
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('name')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Objectives it serves"
          data={props.objectives.map((objective) => ({
            value: objective.id,
            label: objective.title,
          }))}
          searchable
          required
          {...form.getInputProps('objectiveIds')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Accountable (strategy)"
            placeholder={members.isPending ? 'Loading members…' : 'Choose a member'}
            data={members.options}
            searchable
            required
            {...form.getInputProps('accountableUserId')}
          />
          <Select
            label="Responsible (execution)"
            placeholder={members.isPending ? 'Loading members…' : 'Choose a member'}
            data={members.options}
            searchable
            required
            {...form.getInputProps('responsibleUserId')}
          />
          <TextInput
            label={`Budget (${props.currency})`}
            placeholder="12500.00"
            inputMode="decimal"
            required
            {...form.getInputProps('budget')}
          />
          <TagsInput
            label="Channels"
            placeholder="Type and press Enter"
            data={['Instagram', 'LinkedIn', 'Facebook', 'TikTok', 'YouTube', 'Blog', 'Newsletter']}
            {...form.getInputProps('channels')}
          />
          <TextInput label="Starts on" type="date" {...form.getInputProps('startsOn')} />
          <TextInput label="Ends on" type="date" {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Divider />
        <Switch
          label="This is an experiment"
          description="Run to learn: it may fail, and what it teaches is recorded either way."
          {...form.getInputProps('isExperiment', { type: 'checkbox' })}
        />
        {isExperiment && (
          <>
            <Textarea
              label="Hypothesis"
              placeholder="Members who get an answer within a day renew more often"
              autosize
              minRows={2}
              required
              {...form.getInputProps('hypothesis')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Textarea
                label="Success criteria"
                autosize
                minRows={2}
                {...form.getInputProps('successCriteria')}
              />
              <Textarea
                label="Kill criteria"
                autosize
                minRows={2}
                {...form.getInputProps('killCriteria')}
              />
              <TextInput
                label="Decision date"
                type="date"
                {...form.getInputProps('decisionDate')}
              />
              <Select
                label="Outcome"
                placeholder="Not decided yet"
                clearable
                data={Object.entries(EXPERIMENT_OUTCOME).map(([value, { label }]) => ({
                  value,
                  label,
                }))}
                {...form.getInputProps('experimentOutcome')}
              />
            </SimpleGrid>
            <Textarea
              label="Lessons"
              description="What it taught, whichever way it went."
              autosize
              minRows={2}
              {...form.getInputProps('lessons')}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {props.initiative ? 'Save initiative' : 'Add initiative'}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="initiative" fields={fields} />
    </form>
  );
}
