import {
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showProblemInForm } from '../../ui/form-errors';
import { formatDay, formatNumber } from '../../ui/plan-format';
import {
  fetchPlanRecord,
  type KpiDetail,
  useBaselineFigures,
  useCreateKpi,
  useUpdateKpi,
} from '../plan/plan.queries';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useOrganisationId } from '../../session/organisation';
import { useMemberOptions } from '../members/members.queries';
import {
  kpiBody,
  kpiRules,
  type KpiValues,
  newKpiValues,
  toValues,
  valuesFromFigure,
} from './kpi-values';

/**
 * Adds a KPI under an objective, or changes one. The baseline can be taken from a figure a closed
 * assessment recorded, which fills its value and date.
 */
export function KpiForm(props: {
  objectives: { id: string; title: string }[];
  objectiveId?: string;
  kpi?: KpiDetail;
  onDone: () => void;
}) {
  const orgId = useOrganisationId();

  const figures = useBaselineFigures();
  const create = useCreateKpi();
  const update = useUpdateKpi();
  const form = useForm<KpiValues>({
    initialValues: props.kpi ? toValues(props.kpi) : newKpiValues(props.objectiveId),
    validate: kpiRules,
  });
  const members = useMemberOptions();
  const edit = useVersionedEdit({
    entity: 'kpis',
    record: props.kpi ?? null,
    latest: props.kpi,
    toValues,
    fetchLatest: () => fetchPlanRecord(orgId, 'kpis', props.kpi?.id ?? ''),
    form,
  });
  const objectiveTitle = new Map(
    props.objectives.map((objective) => [objective.id, objective.title]),
  );
  const fields: FieldSpec<KpiValues>[] = [
    {
      key: 'objectiveId',
      label: 'Objective',
      format: (id) => objectiveTitle.get(String(id)) ?? '—',
    },
    { key: 'code', label: 'Code' },
    { key: 'name', label: 'Name' },
    { key: 'unit', label: 'Unit' },
    { key: 'direction', label: 'Direction' },
    { key: 'baselineValue', label: 'Baseline value' },
    { key: 'baselineDate', label: 'Baseline date' },
    { key: 'targetValue', label: 'Target value' },
    { key: 'targetDate', label: 'Target date' },
    { key: 'source', label: 'Source' },
  ];

  const pickFigure = (figureId: string | null) => {
    form.setFieldValue('baselineFigureId', figureId);
    const figure = figures.data?.find((candidate) => candidate.id === figureId);
    if (figure) form.setValues(valuesFromFigure(form.getValues(), figure));
  };

  const submit = form.onSubmit(async (values) => {
    const common = kpiBody(values);
    try {
      if (props.kpi) {
        await update.mutateAsync({
          id: props.kpi.id,
          version: edit.version,
          ...common,
          // Where the baseline came from, kept or forgotten with it.
          baselineFigureId: values.baselineFigureId,
        });
      } else {
        await create.mutateAsync({
          ...common,
          ...(values.baselineFigureId ? { baselineFigureId: values.baselineFigureId } : {}),
        });
      }
      notifications.show({ color: 'green', message: props.kpi ? 'Saved' : 'KPI added' });
      props.onDone();
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'name');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={props.kpi ? 'Edit KPI' : 'New KPI'}>
      <Stack>
        <VersionNotices edit={edit} what="KPI" nameOf={members.nameOf} />
        <Select
          label="Objective"
          data={props.objectives.map((objective) => ({
            value: objective.id,
            label: objective.title,
          }))}
          allowDeselect={false}
          required
          {...form.getInputProps('objectiveId')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput label="Code" placeholder="K-RENEW" required {...form.getInputProps('code')} />
          <TextInput
            label="Name"
            placeholder="Member renewal rate"
            required
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('name')}
          />
        </SimpleGrid>
        <Group grow align="flex-start">
          <TextInput
            label="Unit"
            placeholder="%, hours, followers"
            {...form.getInputProps('unit')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Direction
            </Text>
            <SegmentedControl
              aria-label="Direction"
              data={[
                { value: 'increase', label: 'Increase' },
                { value: 'decrease', label: 'Decrease' },
              ]}
              {...form.getInputProps('direction')}
            />
          </Stack>
        </Group>
        <Select
          label="Baseline from an assessment"
          description={
            figures.isPending
              ? 'Loading baseline figures…'
              : (figures.data?.length ?? 0) === 0
                ? 'No closed assessment has recorded figures yet; enter the baseline by hand.'
                : props.kpi
                  ? 'Fills the baseline value and date.'
                  : 'Fills the baseline value and date, and records where they came from.'
          }
          placeholder="Pick a figure (optional)"
          clearable
          searchable
          data={(figures.data ?? []).map((figure) => ({
            value: figure.id,
            label: `${figure.name}: ${formatNumber(figure.value, figure.unit ?? undefined)} (${formatDay(figure.measuredOn)})`,
          }))}
          value={form.getValues().baselineFigureId}
          onChange={pickFigure}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput label="Baseline value" required {...form.getInputProps('baselineValue')} />
          <TextInput
            label="Baseline date"
            type="date"
            required
            {...form.getInputProps('baselineDate')}
          />
          <NumberInput label="Target value" required {...form.getInputProps('targetValue')} />
          <TextInput
            label="Target date"
            type="date"
            required
            {...form.getInputProps('targetDate')}
          />
        </SimpleGrid>
        <TextInput
          label="Source"
          placeholder="Membership system, monthly renewals report"
          {...form.getInputProps('source')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {props.kpi ? 'Save KPI' : 'Add KPI'}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what="KPI" fields={fields} />
    </form>
  );
}
