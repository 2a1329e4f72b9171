import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useOrganisation } from '../../session/organisation';
import { outcomeKindLabel } from '../../ui/plan-format';
import { useOrganisationRecord } from '../organisations/organisations.queries';
import { type MapOutcome, useStrategyMap } from '../plan/plan.queries';
import { HealthBadge } from '../strategy-map/MapItems';
import { TONE } from './tones';
import { Loaded, SectionEmpty, SectionLink, WorkspaceSection } from './WorkspaceSection';

/**
 * Step 2, Envision: the purpose social serves (the organisation's own description of itself) and
 * the business outcomes it can measure, each with its owner.
 */
export function EnvisionWorkspace() {
  const current = useOrganisation();
  const base = `/organisations/${current.organisationId}`;
  const organisation = useOrganisationRecord();
  const map = useStrategyMap();
  return (
    <Stack gap="md">
      <WorkspaceSection title="Purpose">
        <Loaded
          query={organisation}
          height={60}
          isEmpty={(data) => !data.description?.trim()}
          empty={
            <SectionEmpty
              action={
                current.can('organisation.update') && (
                  <SectionLink to={`${base}/settings`}>Describe it in the settings</SectionLink>
                )
              }
            >
              The organisation’s purpose is not written down yet: the outcomes below should serve
              it.
            </SectionEmpty>
          }
        >
          {(data) => (
            <Text maw={760} style={{ whiteSpace: 'pre-wrap' }}>
              {data.description}
            </Text>
          )}
        </Loaded>
      </WorkspaceSection>
      <WorkspaceSection
        title="Business outcomes"
        description="What the organisation wants from social, each with the person who owns it."
        link={{ to: `${base}/plan`, label: 'Open the strategy map' }}
      >
        <Loaded
          query={map}
          height={160}
          isEmpty={(data) => data.outcomes.length === 0}
          empty={
            <SectionEmpty
              action={
                current.can('plan.edit') && (
                  <SectionLink to={`${base}/plan`}>Add the first outcome</SectionLink>
                )
              }
            >
              No business outcome yet: start from what the organisation wants (more revenue, lower
              costs, members who stay) and give each an owner.
            </SectionEmpty>
          }
        >
          {(data) => (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {data.outcomes.map((outcome) => (
                <OutcomeCard key={outcome.id} outcome={outcome} />
              ))}
            </SimpleGrid>
          )}
        </Loaded>
      </WorkspaceSection>
    </Stack>
  );
}

function OutcomeCard(props: { outcome: MapOutcome }) {
  const { outcome } = props;
  const kpis = outcome.objectives.reduce((sum, objective) => sum + objective.kpis.length, 0);
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={outcome.title}>
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="outline" color={TONE.indigo} size="sm">
            {outcomeKindLabel(outcome.kind)}
          </Badge>
          <HealthBadge health={outcome.health} size="xs" />
        </Group>
        <Text fw={600}>{outcome.title}</Text>
        <Text size="sm" data-outcome-owner>
          Owner: {outcome.ownerName}
        </Text>
        <Text size="xs" c="dimmed">
          {outcome.objectives.length} objective{outcome.objectives.length === 1 ? '' : 's'} · {kpis}{' '}
          KPI{kpis === 1 ? '' : 's'}
        </Text>
      </Stack>
    </Paper>
  );
}
