import {
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isIsoDate, type MilestoneStatus, type MissReason } from '@roi/domain';
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
  missReason: MissReason | '';
  missNote: string;
}

const toValues = (milestone: Milestone): Values => ({
  status: milestone.status,
  doneOn: milestone.doneOn ?? '',
  missReason: milestone.missReason ?? '',
  missNote: milestone.missNote ?? '',
});

const MISS_REASONS: { value: MissReason; label: string }[] = [
  { value: 'plan', label: 'The plan was wrong' },
  { value: 'execution', label: 'Execution fell short' },
  { value: 'external', label: 'The world moved' },
];

const fields: FieldSpec<Values>[] = [
  {
    key: 'status',
    label: 'Status',
    format: (status) => MILESTONE_STATUS[String(status)]?.label ?? '—',
  },
  { key: 'doneOn', label: 'Done on' },
  { key: 'missReason', label: 'Why missed' },
  { key: 'missNote', label: 'What happened' },
];

/**
 * Moves a milestone through planned, in progress, done, missed and cancelled. A missed milestone
 * says why (the plan, the execution or the world), so the lessons can be told apart later.
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
      missReason: (value, values) =>
        values.status === 'missed' && !value ? 'Say why it was missed' : null,
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
          ? { missReason: values.missReason || null, missNote: values.missNote.trim() }
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
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Why was it missed?
              </Text>
              <SegmentedControl
                aria-label="Why was it missed?"
                data={MISS_REASONS}
                {...form.getInputProps('missReason')}
              />
              {form.errors.missReason && (
                <Text size="xs" c="red">
                  {form.errors.missReason}
                </Text>
              )}
            </Stack>
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
