import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useOrganisationId } from '../../session/organisation';
import { showProblemInForm } from '../../ui/form-errors';
import { memberOptions } from '../../ui/member-options';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { fetchPlanRecord, useUpdateInitiative } from '../plan/plan.queries';
import type { MappedInitiative, MappedPerson } from './accountability.queries';
import { assignable, HOLDER_ROLE, type HolderRole } from './accountability-cells';

interface HolderValues {
  accountableUserId: string;
  responsibleUserId: string;
}

interface Holders {
  id: string;
  version: number;
  accountableUserId: string;
  responsibleUserId: string;
}

const toValues = (record: Holders): HolderValues => ({
  accountableUserId: record.accountableUserId,
  responsibleUserId: record.responsibleUserId,
});

/** Which cell is being changed: an initiative and one of its two roles. */
export interface HolderChange {
  initiative: MappedInitiative;
  role: HolderRole;
}

/**
 * Names another member accountable or responsible for an initiative, through the initiative's
 * own change with the version the map showed: a change saved meanwhile by someone else opens the
 * comparison instead of being overwritten.
 */
export function ChangeHolderModal(props: {
  change: HolderChange | null;
  people: readonly MappedPerson[];
  onClose: () => void;
}) {
  return (
    <Modal
      opened={props.change !== null}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={
        props.change
          ? `${HOLDER_ROLE[props.change.role].word} for ${props.change.initiative.code}`
          : ''
      }
    >
      {props.change && (
        <HolderForm
          key={`${props.change.initiative.id}-${props.change.role}`}
          change={props.change}
          people={props.people}
          onDone={props.onClose}
        />
      )}
    </Modal>
  );
}

function HolderForm(props: {
  change: HolderChange;
  people: readonly MappedPerson[];
  onDone: () => void;
}) {
  const orgId = useOrganisationId();
  const { initiative, role } = props.change;
  const field = role === 'accountable' ? 'accountableUserId' : 'responsibleUserId';
  const update = useUpdateInitiative();
  const members = memberOptions(assignable(props.people));
  const form = useForm<HolderValues>({
    initialValues: toValues(initiative),
    validate: {
      [field]: (value: string) =>
        members.options.some((option) => option.value === value) ? null : 'Choose a member',
    },
  });
  const fetchLatest = useCallback(
    () => fetchPlanRecord(orgId, 'initiatives', initiative.id),
    [orgId, initiative.id],
  );
  const edit = useVersionedEdit({
    entity: 'initiatives',
    record: initiative,
    latest: initiative,
    toValues,
    fetchLatest,
    form,
  });
  const fields: FieldSpec<HolderValues>[] = [
    { key: 'accountableUserId', label: 'Accountable (strategy)', format: members.nameOf },
    { key: 'responsibleUserId', label: 'Responsible (execution)', format: members.nameOf },
  ];

  const submit = form.onSubmit(async (values) => {
    try {
      // Only the role being changed: the other may name someone who has left (a gap of its own),
      // whom the API would refuse to be sent again.
      const saved = await update.mutateAsync({
        id: initiative.id,
        version: edit.version,
        [field]: values[field],
      });
      edit.saved(saved);
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Close' },
        message: `${HOLDER_ROLE[role].word} for ${initiative.code}: ${members.nameOf(values[field])}`,
      });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, field);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Change who is ${role}`}>
      <Stack>
        <VersionNotices edit={edit} what="initiative" nameOf={members.nameOf} />
        <Text size="sm">
          {initiative.name}: who is {role} for its {HOLDER_ROLE[role].meaning}?
        </Text>
        <Select
          label={`${HOLDER_ROLE[role].word} (${HOLDER_ROLE[role].meaning})`}
          data={members.options}
          searchable
          required
          data-autofocus
          {...form.getInputProps(field)}
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
      <ConflictDialog edit={edit} what="initiative" fields={fields} />
    </form>
  );
}
