import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showProblemInForm } from '../../ui/form-errors';
import { OUTCOME_KINDS, type OutcomeKind, outcomeKindLabel } from '../../ui/plan-format';
import {
  fetchPlanRecord,
  type Outcome,
  useCreateOutcome,
  useUpdateOutcome,
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
  title: string;
  kind: OutcomeKind;
  ownerUserId: string;
  description: string;
}

const toValues = (outcome: Outcome): Values => ({
  title: outcome.title,
  kind: outcome.kind as OutcomeKind,
  ownerUserId: outcome.ownerUserId,
  description: outcome.description,
});

/** Adds a business outcome, or changes one (based on the version it was opened at). */
export function OutcomeForm(props: { outcome?: Outcome; onDone: () => void }) {
  const orgId = useOrganisationId();

  const members = useMemberOptions();
  const create = useCreateOutcome();
  const update = useUpdateOutcome();
  const form = useForm<Values>({
    initialValues: props.outcome
      ? toValues(props.outcome)
      : { title: '', kind: 'revenue', ownerUserId: '', description: '' },
    validate: {
      title: (value) =>
        !value.trim()
          ? 'Say what the organisation wants'
          : value.length > 200
            ? 'At most 200 characters'
            : null,
      ownerUserId: (value) => (value ? null : 'Choose who owns it'),
      description: (value) => (value.length > 5000 ? 'At most 5000 characters' : null),
    },
  });
  const edit = useVersionedEdit({
    entity: 'outcomes',
    record: props.outcome ?? null,
    latest: props.outcome,
    toValues,
    fetchLatest: () => fetchPlanRecord(orgId, 'outcomes', props.outcome?.id ?? ''),
    form,
  });
  const fields: FieldSpec<Values>[] = [
    { key: 'title', label: 'Title' },
    { key: 'kind', label: 'Kind', format: (kind) => outcomeKindLabel(String(kind)) },
    { key: 'ownerUserId', label: 'Owner', format: members.nameOf },
    { key: 'description', label: 'Description' },
  ];

  const submit = form.onSubmit(async (values) => {
    const body = { ...values, title: values.title.trim() };
    try {
      if (props.outcome) {
        await update.mutateAsync({ id: props.outcome.id, version: edit.version, ...body });
      } else {
        await create.mutateAsync(body);
      }
      notifications.show({ color: 'green', message: props.outcome ? 'Saved' : 'Outcome added' });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'title');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={props.outcome ? 'Edit outcome' : 'New outcome'}>
      <Stack>
        <VersionNotices edit={edit} what="outcome" nameOf={members.nameOf} />
        <TextInput
          label="Business outcome"
          placeholder="Keep more members: renewals back to 94%"
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Select
          label="Kind"
          data={OUTCOME_KINDS.map((kind) => ({ ...kind }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label="Owner"
          placeholder={members.isPending ? 'Loading members…' : 'Who owns this outcome'}
          data={members.options}
          searchable
          required
          {...form.getInputProps('ownerUserId')}
        />
        <Textarea
          label="Description"
          description="Why it matters, in figures where you have them."
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {props.outcome ? 'Save outcome' : 'Add outcome'}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="outcome" fields={fields} />
    </form>
  );
}
