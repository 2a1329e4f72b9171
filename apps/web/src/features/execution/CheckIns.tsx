import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ConfidenceLevel, isIsoDate } from '@roi/domain';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { formatDay, todayIso } from '../../ui/plan-format';
import { type Milestone, useCheckIns, useRecordCheckIn } from './execution.queries';

const CONFIDENCE: Record<ConfidenceLevel, { label: string; colour: string }> = {
  low: { label: 'Low confidence', colour: 'red' },
  medium: { label: 'Medium confidence', colour: 'yellow' },
  high: { label: 'High confidence', colour: 'green' },
};

/** The weekly check-in: how far along, how confident, and what stands in the way. */
export function CheckInForm(props: { milestone: Milestone }) {
  const record = useRecordCheckIn(props.milestone.id);
  const last = props.milestone.lastCheckIn;
  const form = useForm({
    initialValues: {
      date: todayIso(),
      progress: last?.progress ?? 0,
      confidence: (last?.confidence ?? 'medium') as ConfidenceLevel,
      note: '',
      blockers: '',
    },
    validate: {
      date: (value) =>
        !isIsoDate(value)
          ? 'Choose the date'
          : value > todayIso()
            ? 'Cannot be in the future'
            : null,
      note: (value) => (value.length > 5000 ? 'At most 5000 characters' : null),
      blockers: (value) => (value.length > 5000 ? 'At most 5000 characters' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        date: values.date,
        progress: values.progress,
        confidence: values.confidence,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
        ...(values.blockers.trim() ? { blockers: values.blockers.trim() } : {}),
      });
      notifications.show({ color: 'green', message: 'Check-in recorded' });
      form.setValues({ note: '', blockers: '' });
    } catch (error) {
      showProblemInForm(form, error, 'note');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Check in">
      <Stack gap="xs">
        <SimpleGrid cols={2}>
          <TextInput label="Date" type="date" size="xs" {...form.getInputProps('date')} />
          <Stack gap={4}>
            <Text size="xs" fw={500}>
              Confidence
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Confidence"
              data={[
                { value: 'low', label: 'Low' },
                { value: 'medium', label: 'Medium' },
                { value: 'high', label: 'High' },
              ]}
              {...form.getInputProps('confidence')}
            />
          </Stack>
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" fw={500} id="check-in-progress">
            Progress: {form.getValues().progress}%
          </Text>
          <Slider
            aria-labelledby="check-in-progress"
            min={0}
            max={100}
            step={5}
            label={(value) => `${value}%`}
            marks={[
              { value: 0, label: '0' },
              { value: 50, label: '50' },
              { value: 100, label: '100' },
            ]}
            mb="md"
            {...form.getInputProps('progress')}
          />
        </Stack>
        <Textarea label="Note" size="xs" autosize minRows={2} {...form.getInputProps('note')} />
        <Textarea
          label="Blockers"
          placeholder="What stands in the way, if anything"
          size="xs"
          autosize
          minRows={1}
          {...form.getInputProps('blockers')}
        />
        <Group>
          <Button type="submit" size="xs" loading={record.isPending}>
            Record check-in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CheckInHistory(props: { milestoneId: string }) {
  const checkIns = useCheckIns(props.milestoneId);
  if (checkIns.isPending) return <Skeleton height={80} />;
  if (checkIns.isError) {
    return <ErrorState error={checkIns.error} onRetry={() => void checkIns.refetch()} />;
  }
  if (checkIns.data.length === 0) {
    return (
      <EmptyState title="No check-in yet">
        A check-in a week keeps the programme honest: progress, confidence and blockers.
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Check-ins">
      {checkIns.data.map((checkIn) => (
        <Paper key={checkIn.id} withBorder p="xs" radius="sm" component="li">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {formatDay(checkIn.date)} · {checkIn.progress}%
            </Text>
            <Badge size="xs" variant="light" color={CONFIDENCE[checkIn.confidence].colour}>
              {CONFIDENCE[checkIn.confidence].label}
            </Badge>
          </Group>
          {checkIn.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {checkIn.note}
            </Text>
          )}
          {checkIn.blockers && (
            <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
              Blockers: {checkIn.blockers}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {checkIn.authorName ?? 'Someone'}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
