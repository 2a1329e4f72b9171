import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  listCurrencies,
  ORGANISATION_DESCRIPTION_MAX_LENGTH,
  ORGANISATION_NAME_MAX_LENGTH,
  organisationSettingsProblems,
} from '@roi/domain';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { type Organisation, useCreateOrganisation } from './organisations.queries';

const currencyOptions = listCurrencies().map((currency) => ({
  value: currency.code,
  label: `${currency.code} · ${currency.name}`,
}));
export const monthOptions = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: new Date(Date.UTC(2000, index, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }),
}));
// Browsers list only region zones ("Europe/Dublin"); UTC is a sound choice too, and the default.
const timeZoneOptions = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];
const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface FormValues {
  name: string;
  description: string;
  currency: string;
  fiscalYearStartMonth: string;
  timeZone: string;
}

export function CreateOrganisationForm(props: {
  onCreated: (organisation: Organisation) => void;
  onCancel: () => void;
}) {
  const create = useCreateOrganisation();
  const form = useForm<FormValues>({
    initialValues: {
      name: '',
      description: '',
      currency: 'EUR',
      fiscalYearStartMonth: '1',
      timeZone: timeZoneOptions.includes(browserTimeZone) ? browserTimeZone : 'UTC',
    },
    // The same rules the API applies, from libs/domain, so most mistakes never leave the page.
    validate: (entered) =>
      Object.fromEntries(
        organisationSettingsProblems({
          ...entered,
          fiscalYearStartMonth: Number(entered.fiscalYearStartMonth),
          locale: 'en-GB',
        }).map((problem) => [problem.field, asFieldMessage(problem.reason)]),
      ),
  });

  const submit = form.onSubmit(async (entered) => {
    try {
      const organisation = await create.mutateAsync({
        name: entered.name,
        description: entered.description.trim() || null,
        currency: entered.currency,
        fiscalYearStartMonth: Number(entered.fiscalYearStartMonth),
        timeZone: entered.timeZone,
      });
      form.reset();
      props.onCreated(organisation);
    } catch (error) {
      showProblemInForm(form, error, 'name');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New organisation">
      <Stack>
        <TextInput
          label="Name"
          placeholder="e.g. Harbour Credit Union"
          required
          maxLength={ORGANISATION_NAME_MAX_LENGTH + 1}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Textarea
          label="About the organisation"
          description="A few facts your leadership team will recognise: members, income, what worries you."
          autosize
          minRows={2}
          maxLength={ORGANISATION_DESCRIPTION_MAX_LENGTH}
          {...form.getInputProps('description')}
        />
        <Group grow align="flex-start">
          <Select
            label="Currency"
            description="Every amount is kept in it"
            data={currencyOptions}
            searchable
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
          <Select
            label="Fiscal year starts in"
            description="Cycles and reports follow it"
            data={monthOptions}
            allowDeselect={false}
            {...form.getInputProps('fiscalYearStartMonth')}
          />
        </Group>
        <Select
          label="Time zone"
          data={timeZoneOptions}
          searchable
          allowDeselect={false}
          {...form.getInputProps('timeZone')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create organisation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
