import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isIsoDate } from '@roi/domain';
import { useState } from 'react';
import { showProblemInForm } from '../../ui/form-errors';
import { formatDay, formatNumber, todayIso } from '../../ui/plan-format';
import {
  type KpiDetail,
  type Measurement,
  useAddMeasurement,
  useCorrectMeasurement,
  useDeleteMeasurement,
} from '../plan/plan.queries';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useMemberOptions } from '../members/members.queries';

interface Values {
  date: string;
  value: number | string;
  note: string;
}

const validate = {
  date: (value: string) =>
    !isIsoDate(value) ? 'Choose the date' : value > todayIso() ? 'Cannot be in the future' : null,
  value: (value: number | string) =>
    value === '' || !Number.isFinite(Number(value)) ? 'Enter the value' : null,
  note: (value: string) => (value.length > 1000 ? 'At most 1000 characters' : null),
};

const toValues = (measurement: Measurement): Values => ({
  date: measurement.date,
  value: measurement.value,
  note: measurement.note,
});

const FIELDS: FieldSpec<Values>[] = [
  { key: 'date', label: 'Date' },
  { key: 'value', label: 'Value' },
  { key: 'note', label: 'Note' },
];

/** A KPI's dated values: recorded, corrected and deleted by whoever reports execution. */
export function Measurements(props: { kpi: KpiDetail; canRecord: boolean }) {
  const { kpi } = props;
  const [correcting, setCorrecting] = useState<Measurement | null>(null);
  const [deleting, setDeleting] = useState<Measurement | null>(null);
  const remove = useDeleteMeasurement(kpi.id);
  const newestFirst = [...kpi.measurements].reverse();
  return (
    <Stack gap="sm">
      {props.canRecord && <NewMeasurement kpi={kpi} />}
      {newestFirst.length === 0 ? (
        <Text size="sm" c="dimmed">
          No measurement yet: the KPI shows “no data” until the first one.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Measurements" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th>Note</Table.Th>
                {props.canRecord && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((measurement) => (
                <Table.Tr key={measurement.id}>
                  <Table.Td>{formatDay(measurement.date)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(measurement.value, kpi.unit)}
                  </Table.Td>
                  <Table.Td>{measurement.note}</Table.Td>
                  {props.canRecord && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setCorrecting(measurement)}
                          aria-label={`Correct the measurement of ${formatDay(measurement.date)}`}
                        >
                          Correct
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(measurement)}
                          aria-label={`Delete the measurement of ${formatDay(measurement.date)}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={Boolean(correcting)}
        onClose={() => setCorrecting(null)}
        title="Correct a measurement"
      >
        {correcting && (
          <CorrectMeasurement
            kpi={kpi}
            measurement={kpi.measurements.find((each) => each.id === correcting.id) ?? correcting}
            onDone={() => setCorrecting(null)}
          />
        )}
      </Modal>
      <Modal opened={Boolean(deleting)} onClose={() => setDeleting(null)} title="Delete?">
        <Stack>
          <Text size="sm">
            Delete the measurement of {formatDay(deleting?.date)} (
            {formatNumber(deleting?.value, kpi.unit)})? The KPI&apos;s status is worked out again
            from the others.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                if (!deleting) return;
                try {
                  await remove.mutateAsync(deleting.id);
                  setDeleting(null);
                } catch (error) {
                  notifications.show({
                    color: 'red',
                    title: 'Not deleted',
                    message: error instanceof Error ? error.message : 'Try again.',
                  });
                }
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function NewMeasurement(props: { kpi: KpiDetail }) {
  const add = useAddMeasurement(props.kpi.id);
  const form = useForm<Values>({
    initialValues: { date: todayIso(), value: '', note: '' },
    validate,
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await add.mutateAsync({
        date: values.date,
        value: Number(values.value),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      notifications.show({ color: 'green', message: 'Measurement recorded' });
      form.setValues({ value: '', note: '' });
    } catch (error) {
      showProblemInForm(form, error, 'value');
    }
  });
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Record a measurement">
        <Group align="flex-start" gap="sm">
          <TextInput label="Date" type="date" w={160} {...form.getInputProps('date')} />
          <NumberInput
            label={`Value${props.kpi.unit ? ` (${props.kpi.unit})` : ''}`}
            w={160}
            {...form.getInputProps('value')}
          />
          <TextInput label="Note" style={{ flex: 1 }} miw={160} {...form.getInputProps('note')} />
          <Button type="submit" mt={25} loading={add.isPending}>
            Record
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function CorrectMeasurement(props: {
  kpi: KpiDetail;
  measurement: Measurement;
  onDone: () => void;
}) {
  const correct = useCorrectMeasurement(props.kpi.id);
  const form = useForm<Values>({ initialValues: toValues(props.measurement), validate });
  const members = useMemberOptions();
  const edit = useVersionedEdit({
    entity: 'kpi_measurements',
    record: props.measurement,
    latest: props.measurement,
    toValues,
    // The API answers the whole list; the corrected measurement is picked out of it.
    fetchLatest: async () => props.measurement,
    form,
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await correct.mutateAsync({
        id: props.measurement.id,
        version: edit.version,
        date: values.date,
        value: Number(values.value),
        note: values.note,
      });
      notifications.show({ color: 'green', message: 'Measurement corrected' });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'value');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Correct the measurement">
      <Stack>
        <VersionNotices edit={edit} what="measurement" nameOf={members.nameOf} />
        <TextInput label="Date" type="date" {...form.getInputProps('date')} />
        <NumberInput label="Value" {...form.getInputProps('value')} />
        <TextInput label="Note" {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={correct.isPending}>
            Save correction
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="measurement" fields={FIELDS} />
    </form>
  );
}
