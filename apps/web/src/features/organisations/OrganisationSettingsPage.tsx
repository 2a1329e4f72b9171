import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState } from '../../ui/ErrorState';
import { NoAccessPage } from '../../ui/NoAccessPage';
import { PageLoader } from '../../ui/PageLoader';
import { monthOptions } from './CreateOrganisationForm';
import { useOrganisationRecord } from './organisations.queries';
import { RenameOrganisationForm } from './RenameOrganisationForm';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

export function OrganisationSettingsPage() {
  usePageTitle('Settings');
  const current = useOrganisation();
  const organisation = useOrganisationRecord();
  if (!current.can('organisation.update')) return <NoAccessPage permission="organisation.update" />;
  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError)
    return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const { data } = organisation;
  return (
    <Stack maw={560}>
      <Title order={2}>Settings</Title>
      <Paper withBorder p="lg">
        <Title order={3} size="h4" mb="sm">
          Name
        </Title>
        <RenameOrganisationForm
          organisation={data}
          onDone={() => notifications.show({ color: 'green', message: 'Saved' })}
        />
      </Paper>
      <Paper withBorder p="lg">
        <Text size="sm">
          Currency <b>{data.currency}</b> · fiscal year starts in{' '}
          <b>{monthOptions[data.fiscalYearStartMonth - 1]?.label}</b> · time zone{' '}
          <b>{data.timeZone}</b>
        </Text>
      </Paper>
    </Stack>
  );
}
