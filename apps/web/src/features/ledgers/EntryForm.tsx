import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  confidenceProblem,
  hoursProblem,
  isIsoDate,
  LEDGER_NOTE_MAX_LENGTH,
  ledgerAmountProblem,
  VOCABULARY_LABEL_MAX_LENGTH,
} from '@roi/domain';
import { useOrganisationId } from '../../session/organisation';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { todayIso } from '../../ui/plan-format';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useMemberOptions } from '../members/members.queries';
import {
  COST_CATEGORIES,
  type CostCategory,
  type CostEntry,
  fetchCostEntry,
  fetchValueEntry,
  type LedgerKind,
  useSaveCostEntry,
  useSaveValueEntry,
  useVocabulary,
  VALUE_TYPES,
  type ValueEntry,
  type ValueType,
} from './ledgers.queries';

/** The form's fields carry the API's names, so a refusal lands beside the field it names. */
interface Values {
  date: string;
  initiativeId: string;
  channel: string;
  activity: string;
  category: CostCategory;
  valueType: ValueType;
  amount: string;
  hours: string;
  confidence: string;
  note: string;
}

type Entry = CostEntry | ValueEntry;

const toValues = (entry: Entry): Values => ({
  date: entry.date,
  initiativeId: entry.initiativeId,
  channel: entry.channel,
  activity: entry.activity,
  category: 'category' in entry ? entry.category : 'other',
  valueType: 'valueType' in entry ? entry.valueType : 'revenue',
  amount: entry.amount,
  hours: 'hours' in entry ? (entry.hours ?? '') : '',
  confidence: 'confidence' in entry ? entry.confidence : '1',
  note: entry.note,
});

const blank = (): Values => ({
  date: todayIso(),
  initiativeId: '',
  channel: '',
  activity: '',
  category: 'labour',
  valueType: 'revenue',
  amount: '',
  hours: '',
  confidence: '1',
  note: '',
});

const reason = (problem: string | null) => (problem ? asFieldMessage(problem) : null);

/**
 * Adds a cost or value entry, or changes one in place. A change carries the version it started
 * from; a refusal because someone saved meanwhile shows their version beside this one.
 */
export function EntryForm(props: {
  ledger: LedgerKind;
  entry?: Entry;
  initiatives: { id: string; code: string; name: string }[];
  minorUnits: number;
  onDone: () => void;
}) {
  const { ledger, entry } = props;
  const orgId = useOrganisationId();
  const members = useMemberOptions();
  const channels = useVocabulary('channels');
  const activities = useVocabulary('activities');
  const saveCost = useSaveCostEntry();
  const saveValue = useSaveValueEntry();
  const form = useForm<Values>({
    initialValues: entry ? toValues(entry) : blank(),
    validate: {
      date: (value) => (isIsoDate(value) ? null : 'Choose the date'),
      initiativeId: (value) => (value ? null : 'Choose the initiative'),
      channel: (value) =>
        !value.trim()
          ? 'Name the channel'
          : value.trim().length > VOCABULARY_LABEL_MAX_LENGTH
            ? `At most ${VOCABULARY_LABEL_MAX_LENGTH} characters`
            : null,
      activity: (value) =>
        !value.trim()
          ? 'Name the activity'
          : value.trim().length > VOCABULARY_LABEL_MAX_LENGTH
            ? `At most ${VOCABULARY_LABEL_MAX_LENGTH} characters`
            : null,
      amount: (value) => reason(ledgerAmountProblem(value.trim(), props.minorUnits)),
      hours: (value) =>
        ledger === 'costs' && value.trim() ? reason(hoursProblem(value.trim())) : null,
      confidence: (value) =>
        ledger === 'values' && value.trim() ? reason(confidenceProblem(value.trim())) : null,
      note: (value) =>
        value.length > LEDGER_NOTE_MAX_LENGTH
          ? `At most ${LEDGER_NOTE_MAX_LENGTH} characters`
          : null,
    },
  });
  const edit = useVersionedEdit<Entry, Values>({
    entity: ledger === 'costs' ? 'cost_entries' : 'value_entries',
    record: entry ?? null,
    toValues,
    fetchLatest: () =>
      ledger === 'costs'
        ? fetchCostEntry(orgId, entry?.id ?? '')
        : fetchValueEntry(orgId, entry?.id ?? ''),
    form,
  });
  const initiativeName = new Map(
    props.initiatives.map((initiative) => [
      initiative.id,
      `${initiative.code} · ${initiative.name}`,
    ]),
  );
  const fields: FieldSpec<Values>[] = [
    { key: 'date', label: 'Date' },
    {
      key: 'initiativeId',
      label: 'Initiative',
      format: (id) => initiativeName.get(String(id)) ?? '—',
    },
    { key: 'channel', label: 'Channel' },
    { key: 'activity', label: 'Activity' },
    ledger === 'costs'
      ? { key: 'category', label: 'Category' }
      : { key: 'valueType', label: 'Value type' },
    { key: 'amount', label: 'Amount' },
    ledger === 'costs'
      ? { key: 'hours', label: 'Hours' }
      : { key: 'confidence', label: 'Confidence' },
    { key: 'note', label: 'Note' },
  ];

  const submit = form.onSubmit(async (values) => {
    const common = {
      date: values.date,
      initiativeId: values.initiativeId,
      channel: values.channel.trim(),
      activity: values.activity.trim(),
      amount: values.amount.trim(),
      note: values.note,
    };
    const target = entry ? { id: entry.id, version: edit.version } : {};
    try {
      const saved =
        ledger === 'costs'
          ? await saveCost.mutateAsync({
              ...target,
              body: { ...common, category: values.category, hours: values.hours.trim() || null },
            })
          : await saveValue.mutateAsync({
              ...target,
              body: {
                ...common,
                valueType: values.valueType,
                confidence: values.confidence.trim() || '1',
              },
            });
      notifications.show({ message: entry ? 'Entry saved' : 'Entry added', color: 'green' });
      if (entry) {
        edit.saved(saved);
        props.onDone();
      } else {
        // Stays open for the next entry, which often shares the day and the initiative.
        form.setValues({ ...blank(), date: values.date, initiativeId: values.initiativeId });
        form.resetDirty();
      }
    } catch (error) {
      if (edit.catchConflict(error)) return;
      showProblemInForm(form, error, 'amount');
    }
  });
  const pending = saveCost.isPending || saveValue.isPending;
  const label = ledger === 'costs' ? 'cost' : 'value';

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={entry ? `Edit ${label} entry` : `New ${label} entry`}
    >
      <Stack gap="sm">
        <VersionNotices edit={edit} what={`${label} entry`} nameOf={members.nameOf} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
          <Select
            label="Initiative"
            required
            searchable
            data={props.initiatives.map((initiative) => ({
              value: initiative.id,
              label: `${initiative.code} · ${initiative.name}`,
            }))}
            allowDeselect={false}
            {...form.getInputProps('initiativeId')}
          />
          <Autocomplete
            label="Channel"
            required
            placeholder="Instagram"
            data={(channels.data ?? []).map((channel) => channel.label)}
            {...form.getInputProps('channel')}
          />
          <Autocomplete
            label="Activity"
            required
            placeholder="Content production"
            data={(activities.data ?? []).map((activity) => activity.label)}
            {...form.getInputProps('activity')}
          />
          {ledger === 'costs' ? (
            <Select
              label="Category"
              data={COST_CATEGORIES}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
          ) : (
            <Select
              label="Value type"
              data={VALUE_TYPES}
              allowDeselect={false}
              {...form.getInputProps('valueType')}
            />
          )}
          <TextInput
            label="Amount"
            required
            inputMode="decimal"
            placeholder="1250.00"
            {...form.getInputProps('amount')}
          />
          {ledger === 'costs' ? (
            <TextInput
              label="Hours"
              inputMode="decimal"
              placeholder="7.5"
              {...form.getInputProps('hours')}
            />
          ) : (
            <TextInput
              label="Attribution confidence"
              description="0 to 1: how sure the value came from this work"
              inputMode="decimal"
              {...form.getInputProps('confidence')}
            />
          )}
          <TextInput label="Note" {...form.getInputProps('note')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onDone} disabled={pending}>
            {entry ? 'Cancel' : 'Close'}
          </Button>
          <Button type="submit" loading={pending}>
            {entry ? 'Save' : `Add ${label}`}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog edit={edit} what={`${label} entry`} fields={fields} />
    </form>
  );
}
