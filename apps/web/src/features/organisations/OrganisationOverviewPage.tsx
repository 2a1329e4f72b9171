import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, STRATEGY_STEPS } from '@roi/domain';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PageLoader } from '../../ui/PageLoader';
import { useOrganisationRecord } from './organisations.queries';
import { useOrganisation, useOrganisationId } from '../../session/organisation';

/** An organisation's front page: who it is, the caller's role, and the six steps. */
export function OrganisationOverviewPage() {
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const organisation = useOrganisationRecord();
  if (!current) return <NotFoundPage />;
  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError)
    return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const { data } = organisation;
  return (
    <Stack>
      <div>
        <Group gap="sm">
          <Title order={2}>{data.name}</Title>
          {data.isDemo && (
            <Badge variant="light" color="grape">
              Demo
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          You are {current.membership.external ? 'an external ' : ''}
          {ROLE_LABELS[current.membership.role].toLowerCase()} here.
        </Text>
      </div>
      {data.description && (
        <Paper withBorder p="lg" maw={760}>
          <Text>{data.description}</Text>
        </Paper>
      )}
      <Title order={3} size="h4">
        The strategy cycle
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {STRATEGY_STEPS.map((step) => (
          <Paper
            key={step.key}
            withBorder
            p="md"
            component={Link}
            to={`/organisations/${orgId}/steps/${step.key}`}
            style={{ textDecoration: 'none', color: 'inherit' }}
          >
            <Group gap="xs" mb={4}>
              <Badge circle variant="light">
                {step.number}
              </Badge>
              <Text fw={600}>{step.name}</Text>
            </Group>
            <Text size="sm" c="dimmed" lineClamp={3}>
              {step.purpose}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
