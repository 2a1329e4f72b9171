import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOrganisation } from '../../session/organisation';
import { formatDay, HEALTH } from '../../ui/plan-format';
import { type PlanVersion, usePlanVersions } from '../collaboration/collaboration.queries';
import { MilestoneDrawer } from '../execution';
import { type MapInitiative, type StrategyMap, useStrategyMap } from '../plan/plan.queries';
import { useMoney } from '../roi/money';
import { InitiativeCard, KpiRow } from '../strategy-map/MapItems';
import { TONE } from './tones';
import { budgetTotal } from './workspace-figures';
import { Loaded, SectionEmpty, SectionLink, WorkspaceSection } from './WorkspaceSection';

const VERSION_STATUS: Record<PlanVersion['status'], { label: string; colour: string }> = {
  approved: { label: 'Approved', colour: TONE.green },
  submitted: { label: 'Awaiting decision', colour: TONE.blue },
  rejected: { label: 'Rejected', colour: TONE.red },
};

/** Every initiative once, though it may serve several objectives. */
function initiativesOf(map: StrategyMap): MapInitiative[] {
  const byId = new Map<string, MapInitiative>();
  for (const outcome of map.outcomes)
    for (const objective of outcome.objectives)
      for (const initiative of objective.initiatives) byId.set(initiative.id, initiative);
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

const kpisOf = (map: StrategyMap) =>
  map.outcomes.flatMap((outcome) => outcome.objectives.flatMap((objective) => objective.kpis));

/**
 * Step 3, Plan: the strategy map in brief, its KPIs, the initiatives and experiments with their
 * budget, and the versions the plan has been submitted and approved as; each leads to its page.
 */
export function PlanWorkspace() {
  const current = useOrganisation();
  const base = `/organisations/${current.organisationId}`;
  const map = useStrategyMap();
  const versions = usePlanVersions();
  const { money } = useMoney();
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const noPlan = (
    <SectionEmpty
      action={
        current.can('plan.edit') && (
          <SectionLink to={`${base}/plan`}>Shape the plan on the strategy map</SectionLink>
        )
      }
    >
      The plan is empty: outcomes, objectives, KPIs and initiatives are added on the strategy map.
    </SectionEmpty>
  );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <WorkspaceSection
          title="Strategy map"
          description="Outcomes → objectives → KPIs and initiatives → milestones."
          link={{ to: `${base}/plan`, label: 'Open the strategy map' }}
        >
          <Loaded query={map} isEmpty={(data) => data.outcomes.length === 0} empty={noPlan}>
            {(data) => <MapSummary map={data} printHref={`${base}/plan/print`} />}
          </Loaded>
        </WorkspaceSection>
        <WorkspaceSection
          title="Plan versions"
          description="An approved version is kept as it was; later changes make the next draft."
          link={{ to: `${base}/plan/versions`, label: 'All versions' }}
        >
          <Loaded
            query={versions}
            isEmpty={(data) => data.length === 0}
            empty={
              <SectionEmpty>
                Not submitted yet: the plan is a draft until it is submitted and approved.
              </SectionEmpty>
            }
          >
            {(data) => <VersionList versions={data} />}
          </Loaded>
        </WorkspaceSection>
      </SimpleGrid>
      <WorkspaceSection
        title="KPIs"
        description="Each with its baseline and target; the marker on the bar is the progress expected by now."
      >
        <Loaded query={map} isEmpty={(data) => kpisOf(data).length === 0} empty={noPlan}>
          {(data) => (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
              {kpisOf(data).map((kpi) => (
                <KpiRow
                  key={kpi.id}
                  kpi={kpi}
                  href={`${base}/plan/kpis/${kpi.id}`}
                  canEdit={false}
                  onEdit={() => undefined}
                />
              ))}
            </SimpleGrid>
          )}
        </Loaded>
      </WorkspaceSection>
      <WorkspaceSection
        title="Initiatives and experiments"
        description="Who is accountable and who is responsible, the budget and the milestones of each."
        link={{ to: `${base}/plan/learning`, label: 'Learning log' }}
      >
        <Loaded
          query={map}
          isEmpty={(data) => initiativesOf(data).length === 0}
          empty={noPlan}
          height={160}
        >
          {(data) => {
            const initiatives = initiativesOf(data);
            const experiments = initiatives.filter((initiative) => initiative.isExperiment);
            return (
              <Stack gap="sm">
                <Text size="sm" data-figure="Budget">
                  Budget{' '}
                  <Text span fw={700} inherit>
                    {money
                      ? money.format(budgetTotal(initiatives))
                      : `${budgetTotal(initiatives)} ${data.currency}`}
                  </Text>{' '}
                  across {initiatives.length} initiative{initiatives.length === 1 ? '' : 's'}, of
                  which {experiments.length} experiment{experiments.length === 1 ? '' : 's'}.
                </Text>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
                  {initiatives.map((initiative) => (
                    <InitiativeCard
                      key={initiative.id}
                      initiative={initiative}
                      currency={data.currency}
                      canEdit={false}
                      onEdit={() => undefined}
                      onAddMilestone={() => undefined}
                      onOpenMilestone={setMilestoneId}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            );
          }}
        </Loaded>
      </WorkspaceSection>
      <MilestoneDrawer milestoneId={milestoneId} onClose={() => setMilestoneId(null)} />
    </Stack>
  );
}

function MapSummary(props: { map: StrategyMap; printHref: string }) {
  const { map } = props;
  const objectives = map.outcomes.flatMap((outcome) => outcome.objectives);
  const kpis = kpisOf(map);
  const byHealth = (status: keyof typeof HEALTH) =>
    kpis.filter((kpi) => kpi.status === status).length;
  const count = (value: number, one: string, many: string) =>
    `${value} ${value === 1 ? one : many}`;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {count(map.outcomes.length, 'outcome', 'outcomes')} ·{' '}
        {count(objectives.length, 'objective', 'objectives')} · {count(kpis.length, 'KPI', 'KPIs')}{' '}
        · {count(initiativesOf(map).length, 'initiative', 'initiatives')}
      </Text>
      <Group gap="xs" aria-label="KPIs by status">
        {(Object.keys(HEALTH) as (keyof typeof HEALTH)[]).map((status) => (
          <Badge key={status} variant="dot" color={HEALTH[status].colour} size="sm">
            {byHealth(status)} {HEALTH[status].label.toLowerCase()}
          </Badge>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        As of {formatDay(map.asOf)}
        {map.openChallenges > 0 &&
          ` · ${count(map.openChallenges, 'open question or challenge', 'open questions or challenges')}`}
      </Text>
      <SectionLink to={props.printHref}>Strategy on a page</SectionLink>
    </Stack>
  );
}

function VersionList(props: { versions: PlanVersion[] }) {
  const latestFirst = [...props.versions].sort((a, b) => b.number - a.number);
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {latestFirst.slice(0, 4).map((version) => (
        <li key={version.id} data-plan-version={version.number}>
          <Group gap="xs" align="baseline">
            <Text fw={600} size="sm">
              Version {version.number}
            </Text>
            <Badge variant="outline" size="sm" color={VERSION_STATUS[version.status].colour}>
              {VERSION_STATUS[version.status].label}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {version.decidedAt
              ? `${VERSION_STATUS[version.status].label} by ${version.decidedByName ?? 'a former member'} on ${formatDay(version.decidedAt.slice(0, 10))}`
              : `Submitted by ${version.submittedByName ?? 'a former member'} on ${formatDay(version.submittedAt.slice(0, 10))}`}
          </Text>
          {version.note && (
            <Text size="sm" lineClamp={2}>
              {version.note}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
