import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  isIsoDate,
  type MilestoneStatus,
  MISS_CATEGORIES,
  MISS_CATEGORY_LABELS,
  type MissCategory,
} from '@roi/domain';
import { showProblemInForm } from '../../ui/form-errors';
import { MILESTONE_STATUS, todayIso } from '../../ui/plan-format';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { fetchMilestone, type Milestone, useUpdateMilestone } from './execution.queries';
import { useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';

interface Values {
  status: MilestoneStatus;
  doneOn: string;
  missCategory: MissCategory | '';
  missNote: string;
}

const toValues = (milestone: Milestone): Values => ({
  status: milestone.status,
  doneOn: milestone.doneOn ?? '',
  missCategory: milestone.missCategory ?? '',
  missNote: milestone.missNote ?? '',
});

const MISS_CATEGORY_OPTIONS = MISS_CATEGORIES.map((value) => ({
  value,
  label: MISS_CATEGORY_LABELS[value],
}));

const fields: FieldSpec<Values>[] = [
  {
    key: 'status',
    label: 'Status',
    format: (status) => MILESTONE_STATUS[String(status)]?.label ?? '—',
  },
  { key: 'doneOn', label: 'Done on' },
  {
    key: 'missCategory',
    label: 'Category',
    format: (category) => MISS_CATEGORY_LABELS[category as MissCategory] ?? '—',
  },
  { key: 'missNote', label: 'What happened' },
];

/**
 * Moves a milestone through planned, in progress, done, missed and cancelled. A missed milestone
 * says what it was missed for (a category the packs and the dashboard count) and what happened,
 * so the lessons can be told apart later. Only the category is sent: the older `missReason` is
 * left to the clients that still use it.
 */
export function MilestoneStatusForm(props: { milestone: Milestone }) {
  const orgId = useOrganisationId();

  const update = useUpdateMilestone();
  const form = useForm<Values>({
    initialValues: toValues(props.milestone),
    validate: {
      doneOn: (value, values) =>
        values.status !== 'done'
          ? null
          : !isIsoDate(value)
            ? 'Choose the day it was done'
            : value > todayIso()
              ? 'Cannot be in the future'
              : null,
      missCategory: (value, values) =>
        values.status === 'missed' && !value ? 'Choose what it was missed for' : null,
      missNote: (value, values) =>
        values.status === 'missed' && !value.trim()
          ? 'Say what happened, for the lessons'
          : value.length > 2000
            ? 'At most 2000 characters'
            : null,
    },
  });
  const members = useMemberOptions();
  const edit = useVersionedEdit({
    entity: 'milestones',
    record: props.milestone,
    latest: props.milestone,
    toValues,
    fetchLatest: () => fetchMilestone(orgId, props.milestone.id),
    form,
  });
  const { status } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({
        id: props.milestone.id,
        version: edit.version,
        status: values.status,
        ...(values.status === 'done' ? { doneOn: values.doneOn } : {}),
        ...(values.status === 'missed'
          ? { missCategory: values.missCategory || null, missNote: values.missNote.trim() }
          : {}),
      });
      edit.saved(saved);
      notifications.show({
        color: 'green',
        message: `Marked ${MILESTONE_STATUS[saved.status]?.label.toLowerCase()}`,
      });
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'status');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Milestone status">
      <Stack gap="xs">
        <VersionNotices edit={edit} what="milestone" nameOf={members.nameOf} />
        <Select
          label="Status"
          data={Object.entries(MILESTONE_STATUS).map(([value, { label }]) => ({ value, label }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
          onChange={(value) => {
            if (!value) return;
            form.setFieldValue('status', value as MilestoneStatus);
            if (value === 'done' && !form.getValues().doneOn)
              form.setFieldValue('doneOn', todayIso());
          }}
        />
        {status === 'done' && (
          <TextInput label="Done on" type="date" {...form.getInputProps('doneOn')} />
        )}
        {status === 'missed' && (
          <>
            <Select
              label="Category"
              description="What it was missed for"
              placeholder="Choose a category"
              required
              data={MISS_CATEGORY_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('missCategory')}
            />
            <Textarea
              label="What happened"
              autosize
              minRows={2}
              {...form.getInputProps('missNote')}
            />
          </>
        )}
        <Group>
          <Button type="submit" size="xs" loading={update.isPending}>
            Save status
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="milestone" fields={fields} />
    </form>
  );
}
