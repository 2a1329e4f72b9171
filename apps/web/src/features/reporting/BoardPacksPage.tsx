import {
  Anchor,
  Badge,
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
import { isIsoDate, packDateProblem, todayIn } from '@roi/domain';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { todayIso } from '../../ui/plan-format';
import { useCycles } from '../cycles/cycles.queries';
import { useOrganisationRecord } from '../organisations/organisations.queries';
import { type BoardPackSummary, useBoardPacks, useCreateBoardPack } from './board-packs.queries';
import { BUTTON_COLOUR, dayOfInstant, LINK_COLOUR } from './BoardPackFormat';
import { formatReportDay } from './report-format';
import { usePageTitle } from '../../ui/page-title';

/**
 * The organisation's board packs by as-of date, newest first. Those who manage packs also see
 * drafts and start new ones; everyone else (a board member) reads the published packs.
 */
export function BoardPacksPage() {
  usePageTitle('Board packs');
  const current = useOrganisation();
  const manages = current.can('board-packs.manage');
  const packs = useBoardPacks();
  return (
    <Stack>
      <div>
        <Text size="sm" c="gray.7">
          Step 6 · Measure and adapt
        </Text>
        <Title order={2}>Board packs</Title>
        <Text size="sm" c="gray.7" maw={720}>
          {manages
            ? 'A pack reviews a cycle as of a date. While a draft its figures are live; publishing freezes them as the record of what the board saw.'
            : 'The packs published for the board: each reviews a cycle as of a date, with its figures frozen when it was published.'}
        </Text>
      </div>
      {manages && <NewBoardPackForm />}
      {packs.isPending ? (
        <Skeleton height={160} />
      ) : packs.isError ? (
        <ErrorState error={packs.error} onRetry={() => void packs.refetch()} />
      ) : packs.data.length === 0 ? (
        <EmptyState title={manages ? 'No board pack yet' : 'No pack has been published yet'}>
          {manages
            ? 'Start one above: choose the cycle and the date it looks at, write the commentary, then publish it for the board.'
            : 'When the leadership publishes a board pack, it appears here.'}
        </EmptyState>
      ) : (
        <PackList packs={packs.data} />
      )}
    </Stack>
  );
}

function PackList(props: { packs: BoardPackSummary[] }) {
  const timeZone = useOrganisationRecord().data?.timeZone ?? 'UTC';
  return (
    <Paper withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Board packs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pack</Table.Th>
              <Table.Th>As of</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.packs.map((pack) => (
              <Table.Tr key={pack.id} data-pack={pack.id}>
                <Table.Td>
                  <Anchor component={Link} to={pack.id} fw={600} c={LINK_COLOUR}>
                    {pack.title}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {pack.cycleName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatReportDay(pack.asOf)}</Table.Td>
                <Table.Td>
                  <PackStatus pack={pack} timeZone={timeZone} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Draft or Published, with when and by whom. */
export function PackStatus(props: { pack: BoardPackSummary; timeZone: string }) {
  const { pack } = props;
  if (pack.status === 'published') {
    return (
      <Stack gap={2}>
        <div>
          <Badge autoContrast color="teal.9" variant="filled">
            Published
          </Badge>
        </div>
        <Text size="xs" c="gray.7">
          {dayOfInstant(pack.publishedAt, props.timeZone)}
          {pack.publishedByName ? ` by ${pack.publishedByName}` : ''}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <div>
        <Badge autoContrast color="yellow.4" variant="filled">
          Draft
        </Badge>
      </div>
      <Text size="xs" c="gray.7">
        Started {dayOfInstant(pack.createdAt, props.timeZone)}
        {pack.createdByName ? ` by ${pack.createdByName}` : ''}
      </Text>
    </Stack>
  );
}

/** What the form reads of a cycle. */
interface CycleDates {
  id: string;
  startsOn: string;
  endsOn: string;
}

/** The day `today` moved into the cycle: its start before it begins, its end after it ends. */
export function clampIntoCycle(today: string, cycle: Omit<CycleDates, 'id'>): string {
  if (today < cycle.startsOn) return cycle.startsOn;
  if (today > cycle.endsOn) return cycle.endsOn;
  return today;
}

/** The running cycle first: the one today falls in, else the latest to start. */
function defaultCycle<C extends CycleDates>(cycles: C[], today: string): C | undefined {
  return (
    cycles.find((cycle) => cycle.startsOn <= today && today <= cycle.endsOn) ??
    [...cycles].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0]
  );
}

interface NewPackValues {
  cycleId: string | null;
  title: string;
  asOf: string;
}

function NewBoardPackForm() {
  const orgId = useOrganisationId();
  const cycles = useCycles();
  const organisation = useOrganisationRecord();
  const create = useCreateBoardPack();
  const navigate = useNavigate();
  const today = useMemo(() => {
    const timeZone = organisation.data?.timeZone;
    try {
      return timeZone ? todayIn(timeZone) : todayIso();
    } catch {
      return todayIso();
    }
  }, [organisation.data?.timeZone]);
  const cycleList = useMemo(() => cycles.data ?? [], [cycles.data]);
  const cycleOf = (id: string | null) => cycleList.find((cycle) => cycle.id === id);

  const form = useForm<NewPackValues>({
    initialValues: { cycleId: null, title: '', asOf: '' },
    validate: {
      cycleId: (value) => (value ? null : 'Choose the cycle the pack reviews'),
      title: (value) =>
        !value.trim()
          ? 'Give the pack a title, e.g. Board review, June 2027'
          : value.trim().length > 200
            ? 'At most 200 characters'
            : null,
      asOf: (value, values) => {
        if (!isIsoDate(value)) return 'Choose the date the pack looks at';
        const cycle = cycleOf(values.cycleId);
        const problem = cycle && packDateProblem(cycle, value);
        return problem ? `The date ${problem}` : null;
      },
    },
  });

  // Once the cycles arrive, start from the running one and today within it.
  const initialCycle = defaultCycle(cycleList, today);
  const untouched = form.values.cycleId === null;
  const { setValues } = form;
  useEffect(() => {
    if (initialCycle && untouched) {
      setValues({ cycleId: initialCycle.id, asOf: clampIntoCycle(today, initialCycle) });
    }
  }, [initialCycle, untouched, today, setValues]);

  const chooseCycle = (cycleId: string | null) => {
    const cycle = cycleOf(cycleId);
    form.setFieldValue('cycleId', cycleId);
    form.setTouched({ cycleId: true });
    if (cycle) form.setFieldValue('asOf', clampIntoCycle(form.values.asOf || today, cycle));
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const pack = await create.mutateAsync({
        cycleId: values.cycleId ?? '',
        title: values.title.trim(),
        asOf: values.asOf,
      });
      await navigate(pack.id);
    } catch (error) {
      showProblemInForm(form, error, 'title');
    }
  });

  const chosen = cycleOf(form.values.cycleId);
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-label="New board pack">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Start a board pack
          </Title>
          {cycles.isError ? (
            <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
          ) : cycles.isSuccess && cycleList.length === 0 ? (
            <Text size="sm">
              A pack reviews a strategy cycle:{' '}
              <Anchor component={Link} to={`/organisations/${orgId}/cycles`} c={LINK_COLOUR}>
                start a cycle
              </Anchor>{' '}
              first.
            </Text>
          ) : (
            <Group align="flex-start" wrap="wrap">
              <Select
                label="Cycle"
                placeholder={cycles.isPending ? 'Loading cycles…' : 'Choose a cycle'}
                data={cycleList.map((cycle) => ({ value: cycle.id, label: cycle.name }))}
                w={{ base: '100%', sm: 240 }}
                allowDeselect={false}
                {...form.getInputProps('cycleId')}
                onChange={chooseCycle}
              />
              <TextInput
                label="Title"
                placeholder="Board review, June 2027"
                w={{ base: '100%', sm: 300 }}
                {...form.getInputProps('title')}
              />
              <TextInput
                label="As of"
                type="date"
                min={chosen?.startsOn}
                max={chosen?.endsOn}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                description={
                  chosen
                    ? `${formatReportDay(chosen.startsOn)} – ${formatReportDay(chosen.endsOn)}`
                    : undefined
                }
                w={{ base: '100%', sm: 180 }}
                {...form.getInputProps('asOf')}
              />
              <Button
                type="submit"
                color={BUTTON_COLOUR}
                loading={create.isPending}
                mt={{ base: 0, sm: 25 }}
              >
                Start draft
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
