import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { isIsoDate } from '@roi/domain';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { useCreateCycle, useCycles } from './cycles.queries';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

export function CyclesPage() {
  usePageTitle('Strategy cycles');
  const current = useOrganisation();
  const cycles = useCycles();
  return (
    <Stack>
      <div>
        <Title order={2}>Strategy cycles</Title>
        <Text c="dimmed" size="sm">
          Each cycle walks the organisation through the six steps, from assessment to measured
          return.
        </Text>
      </div>
      {current.can('cycles.manage') && <NewCycleForm previous={cycles.data ?? []} />}
      {cycles.isPending ? (
        <Skeleton height={120} />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <EmptyState title="No strategy cycle yet">
          {current.can('cycles.manage')
            ? 'Start one for the coming fiscal year: it opens with the six steps and their exit criteria.'
            : 'Cycles appear here once leadership starts one: each walks the six steps to a measured return.'}
        </EmptyState>
      ) : (
        <Table verticalSpacing="sm" aria-label="Strategy cycles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>Period</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycles.data.map((cycle) => (
              <Table.Tr key={cycle.id}>
                <Table.Td>
                  <Anchor component={Link} to={cycle.id} fw={600}>
                    {cycle.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {cycle.startsOn} to {cycle.endsOn}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function NewCycleForm(props: { previous: { id: string; name: string }[] }) {
  const create = useCreateCycle();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', startsOn: '', endsOn: '', previousCycleId: null as string | null },
    validate: {
      name: (value) => (value.trim() ? null : 'Name the cycle, e.g. FY2027 social strategy'),
      startsOn: (value) => (isIsoDate(value) ? null : 'Choose the first day'),
      endsOn: (value, values) =>
        !isIsoDate(value)
          ? 'Choose the last day'
          : value < values.startsOn
            ? 'Must be on or after the start'
            : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const cycle = await create.mutateAsync({
        name: values.name,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        ...(values.previousCycleId ? { previousCycleId: values.previousCycleId } : {}),
      });
      await navigate(cycle.id);
    } catch (error) {
      showProblemInForm(form, error, 'name');
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="New strategy cycle">
        <Group align="flex-end">
          <TextInput
            label="Name"
            placeholder="FY2027 social strategy"
            w={260}
            {...form.getInputProps('name')}
          />
          <TextInput label="Starts on" type="date" {...form.getInputProps('startsOn')} />
          <TextInput label="Ends on" type="date" {...form.getInputProps('endsOn')} />
          {props.previous.length > 0 && (
            <Select
              label="Start from"
              placeholder="A fresh start"
              clearable
              data={props.previous.map((cycle) => ({ value: cycle.id, label: cycle.name }))}
              w={220}
              {...form.getInputProps('previousCycleId')}
            />
          )}
          <Button type="submit" loading={create.isPending}>
            Start cycle
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
