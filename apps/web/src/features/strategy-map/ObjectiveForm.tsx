import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showProblemInForm } from '../../ui/form-errors';
import {
  fetchPlanRecord,
  type Objective,
  useCreateObjective,
  useFindingOptions,
  useUpdateObjective,
} from '../plan/plan.queries';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';

interface Values {
  outcomeId: string;
  title: string;
  description: string;
  findingIds: string[];
}

const toValues = (objective: Objective): Values => ({
  outcomeId: objective.outcomeId,
  title: objective.title,
  description: objective.description,
  findingIds: objective.findingIds,
});

/** Adds an objective under an outcome, citing the assessment findings it answers; or changes one. */
export function ObjectiveForm(props: {
  outcomes: { id: string; title: string }[];
  outcomeId?: string;
  objective?: Objective;
  onDone: () => void;
}) {
  const orgId = useOrganisationId();

  const findings = useFindingOptions();
  const create = useCreateObjective();
  const update = useUpdateObjective();
  const form = useForm<Values>({
    initialValues: props.objective
      ? toValues(props.objective)
      : { outcomeId: props.outcomeId ?? '', title: '', description: '', findingIds: [] },
    validate: {
      outcomeId: (value) => (value ? null : 'Choose the outcome it serves'),
      title: (value) =>
        !value.trim() ? 'Name the objective' : value.length > 200 ? 'At most 200 characters' : null,
      description: (value) => (value.length > 5000 ? 'At most 5000 characters' : null),
      findingIds: (value) => (value.length > 50 ? 'At most 50 findings' : null),
    },
  });
  const members = useMemberOptions();
  const edit = useVersionedEdit({
    entity: 'objectives',
    record: props.objective ?? null,
    latest: props.objective,
    toValues,
    fetchLatest: () => fetchPlanRecord(orgId, 'objectives', props.objective?.id ?? ''),
    form,
  });
  const outcomeTitle = new Map(props.outcomes.map((outcome) => [outcome.id, outcome.title]));
  // Findings already cited stay readable even if their assessment is not listed (yet).
  const findingTitle = new Map<string, string>([
    ...(props.objective?.findings ?? []).map((finding) => [finding.id, finding.title] as const),
    ...findings.options.map((finding) => [finding.id, finding.title] as const),
  ]);
  const groups = [...new Set(findings.options.map((finding) => finding.assessmentTitle))];
  const fields: FieldSpec<Values>[] = [
    {
      key: 'outcomeId',
      label: 'Outcome',
      format: (id) => outcomeTitle.get(String(id)) ?? '—',
    },
    { key: 'title', label: 'Title' },
    { key: 'description', label: 'Description' },
    {
      key: 'findingIds',
      label: 'Cited findings',
      format: (ids) =>
        (ids as string[]).map((id) => findingTitle.get(id) ?? 'A finding').join('; ') || '—',
    },
  ];

  const submit = form.onSubmit(async (values) => {
    const body = { ...values, title: values.title.trim() };
    try {
      if (props.objective) {
        await update.mutateAsync({ id: props.objective.id, version: edit.version, ...body });
      } else {
        await create.mutateAsync(body);
      }
      notifications.show({
        color: 'green',
        message: props.objective ? 'Saved' : 'Objective added',
      });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'title');
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={props.objective ? 'Edit objective' : 'New objective'}
    >
      <Stack>
        <VersionNotices edit={edit} what="objective" nameOf={members.nameOf} />
        <Select
          label="Outcome"
          data={props.outcomes.map((outcome) => ({ value: outcome.id, label: outcome.title }))}
          allowDeselect={false}
          required
          {...form.getInputProps('outcomeId')}
        />
        <TextInput
          label="Objective"
          placeholder="Answer every member question within one working day"
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <MultiSelect
          label="Findings it answers"
          description={
            findings.isPending
              ? 'Loading the findings of your assessments…'
              : findings.options.length === 0
                ? 'No findings recorded yet: record them on an assessment first.'
                : 'Cite the assessment findings this objective responds to.'
          }
          placeholder="Search findings"
          searchable
          data={groups.map((group) => ({
            group,
            items: findings.options
              .filter((finding) => finding.assessmentTitle === group)
              .map((finding) => ({
                value: finding.id,
                label: `${finding.title} (${finding.severity})`,
              })),
          }))}
          {...form.getInputProps('findingIds')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {props.objective ? 'Save objective' : 'Add objective'}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="objective" fields={fields} />
    </form>
  );
}
