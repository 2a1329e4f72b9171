import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isIsoDate } from '@roi/domain';
import { showProblemInForm } from '../../ui/form-errors';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import {
  fetchMilestone,
  type Milestone,
  useCreateMilestone,
  useMilestones,
  useUpdateMilestone,
} from './execution.queries';
import { useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';

interface Values {
  title: string;
  ownerUserId: string;
  dueDate: string;
  dependsOn: string[];
}

const toValues = (milestone: Milestone): Values => ({
  title: milestone.title,
  ownerUserId: milestone.ownerUserId,
  dueDate: milestone.dueDate,
  dependsOn: [...milestone.dependsOn].sort(),
});

/** Adds a milestone to an initiative, or changes its title, owner, due date and dependencies. */
export function MilestoneForm(props: {
  initiativeId: string;
  milestone?: Milestone;
  onDone: () => void;
}) {
  const orgId = useOrganisationId();

  const members = useMemberOptions();
  const all = useMilestones();
  const create = useCreateMilestone();
  const update = useUpdateMilestone();
  const form = useForm<Values>({
    initialValues: props.milestone
      ? toValues(props.milestone)
      : { title: '', ownerUserId: '', dueDate: '', dependsOn: [] },
    validate: {
      title: (value) =>
        !value.trim() ? 'Name the milestone' : value.length > 200 ? 'At most 200 characters' : null,
      ownerUserId: (value) => (value ? null : 'Choose who owns it'),
      dueDate: (value) => (isIsoDate(value) ? null : 'Choose the due date'),
    },
  });
  const edit = useVersionedEdit({
    entity: 'milestones',
    record: props.milestone ?? null,
    latest: props.milestone,
    toValues,
    fetchLatest: () => fetchMilestone(orgId, props.milestone?.id ?? ''),
    form,
  });
  const others = (all.data ?? []).filter((milestone) => milestone.id !== props.milestone?.id);
  const titleOf = new Map(
    (all.data ?? []).map((milestone) => [
      milestone.id,
      `${milestone.initiativeCode}: ${milestone.title}`,
    ]),
  );
  const groups = [...new Set(others.map((milestone) => milestone.initiativeCode))];
  const fields: FieldSpec<Values>[] = [
    { key: 'title', label: 'Title' },
    { key: 'ownerUserId', label: 'Owner', format: members.nameOf },
    { key: 'dueDate', label: 'Due date' },
    {
      key: 'dependsOn',
      label: 'Depends on',
      format: (ids) =>
        (ids as string[]).map((id) => titleOf.get(id) ?? 'A milestone').join('; ') || '—',
    },
  ];

  const submit = form.onSubmit(async (values) => {
    const body = { ...values, title: values.title.trim() };
    try {
      if (props.milestone) {
        await update.mutateAsync({ id: props.milestone.id, version: edit.version, ...body });
      } else {
        await create.mutateAsync({ initiativeId: props.initiativeId, ...body });
      }
      notifications.show({
        color: 'green',
        message: props.milestone ? 'Saved' : 'Milestone added',
      });
      props.onDone();
    } catch (error) {
      // A dependency that would close a cycle is refused (409) with the reason in its detail.
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'dependsOn');
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={props.milestone ? 'Edit milestone' : 'New milestone'}
    >
      <Stack>
        <VersionNotices edit={edit} what="milestone" nameOf={members.nameOf} />
        <TextInput
          label="Milestone"
          placeholder="Community guidelines published"
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Owner"
            placeholder={members.isPending ? 'Loading members…' : 'Choose a member'}
            data={members.options}
            searchable
            required
            {...form.getInputProps('ownerUserId')}
          />
          <TextInput label="Due date" type="date" required {...form.getInputProps('dueDate')} />
        </SimpleGrid>
        <MultiSelect
          label="Depends on"
          description="Milestones that must be done first (never in a circle)."
          placeholder={others.length ? 'Search milestones' : 'No other milestone yet'}
          searchable
          data={groups.map((group) => ({
            group,
            items: others
              .filter((milestone) => milestone.initiativeCode === group)
              .map((milestone) => ({ value: milestone.id, label: milestone.title })),
          }))}
          {...form.getInputProps('dependsOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {props.milestone ? 'Save milestone' : 'Add milestone'}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="milestone" fields={fields} />
    </form>
  );
}
