import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOrganisation } from '../../session/organisation';
import { formatDay, RISK_REASON } from '../../ui/plan-format';
import { type Milestone, MilestoneDrawer, MilestoneStatusBadge } from '../execution';
import { useMilestones, useMilestoneView } from '../execution/execution.queries';
import { TONE } from './tones';
import { recentlyCheckedIn } from './workspace-figures';
import { Loaded, SectionEmpty, SectionLink, WorkspaceSection } from './WorkspaceSection';

/**
 * Step 5, Execute: the milestones that need attention (late, waiting on a late one, or checked in
 * with low confidence), those due soon with the way to the timeline, and the latest check-ins.
 * Each milestone opens where its status is changed and check-ins are recorded.
 */
export function ExecuteWorkspace() {
  const current = useOrganisation();
  const base = `/organisations/${current.organisationId}`;
  const atRisk = useMilestoneView('at-risk');
  const dueSoon = useMilestoneView('due-soon');
  const milestones = useMilestones();
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <WorkspaceSection
        title="Milestones needing attention"
        description="Overdue, waiting on a late milestone, or last checked in with low confidence."
        link={{ to: `${base}/execution?view=at-risk`, label: 'All milestones' }}
      >
        <Loaded
          query={atRisk}
          isEmpty={(data) => data.length === 0}
          empty={<SectionEmpty>No milestone is overdue or at risk.</SectionEmpty>}
        >
          {(data) => {
            const overdue = data.filter((milestone) =>
              milestone.riskReasons.includes('overdue'),
            ).length;
            return (
              <Stack gap="sm">
                <Text size="sm" data-figure="Needing attention">
                  <Text span fw={700} inherit>
                    {data.length}
                  </Text>{' '}
                  at risk, of which{' '}
                  <Text span fw={700} c={overdue > 0 ? TONE.red : undefined} inherit>
                    {overdue}
                  </Text>{' '}
                  overdue.
                </Text>
                <MilestoneLines milestones={data} onOpen={setMilestoneId} showRisk />
              </Stack>
            );
          }}
        </Loaded>
      </WorkspaceSection>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <WorkspaceSection
          title="Due in the next 14 days"
          description="What comes next, initiative by initiative, is on the timeline."
          link={{ to: `${base}/execution/timeline`, label: 'Timeline and burn-up' }}
        >
          <Loaded
            query={dueSoon}
            isEmpty={(data) => data.length === 0}
            empty={<SectionEmpty>Nothing is due in the next two weeks.</SectionEmpty>}
          >
            {(data) => <MilestoneLines milestones={data} onOpen={setMilestoneId} />}
          </Loaded>
        </WorkspaceSection>
        <WorkspaceSection
          title="Recent check-ins"
          description="Progress, confidence and notes, from the owners of the milestones."
        >
          <Loaded
            query={milestones}
            isEmpty={(data) => recentlyCheckedIn(data).length === 0}
            empty={
              <SectionEmpty
                action={<SectionLink to={`${base}/execution`}>Open the milestones</SectionLink>}
              >
                No check-in yet: owners check in weekly from their milestones.
              </SectionEmpty>
            }
          >
            {(data) => (
              <CheckInLines milestones={recentlyCheckedIn(data)} onOpen={setMilestoneId} />
            )}
          </Loaded>
        </WorkspaceSection>
      </SimpleGrid>
      <MilestoneDrawer milestoneId={milestoneId} onClose={() => setMilestoneId(null)} />
    </Stack>
  );
}

function MilestoneButton(props: { milestone: Milestone; onOpen: (id: string) => void }) {
  return (
    <Anchor
      component="button"
      type="button"
      fw={600}
      size="sm"
      ta="left"
      onClick={() => props.onOpen(props.milestone.id)}
    >
      {props.milestone.title}
    </Anchor>
  );
}

function MilestoneLines(props: {
  milestones: Milestone[];
  onOpen: (id: string) => void;
  showRisk?: boolean;
}) {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.milestones.map((milestone) => (
        <li key={milestone.id}>
          <Group gap="xs" wrap="wrap" align="baseline">
            <MilestoneButton milestone={milestone} onOpen={props.onOpen} />
            <MilestoneStatusBadge milestone={{ status: milestone.status, atRisk: false }} />
          </Group>
          <Text size="xs" c="dimmed">
            {milestone.initiativeCode} · {milestone.ownerName} · due {formatDay(milestone.dueDate)}
          </Text>
          {props.showRisk && milestone.riskReasons.length > 0 && (
            <Text size="xs" c={TONE.orange}>
              {milestone.riskReasons.map((reason) => RISK_REASON[reason]).join(' · ')}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

function CheckInLines(props: {
  milestones: ReturnType<typeof recentlyCheckedIn<Milestone>>;
  onOpen: (id: string) => void;
}) {
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.milestones.map((milestone) => {
        const checkIn = milestone.lastCheckIn;
        return (
          <li key={milestone.id}>
            <MilestoneButton milestone={milestone} onOpen={props.onOpen} />
            <Text size="xs" c="dimmed">
              {formatDay(checkIn.date)} · {checkIn.authorName ?? milestone.ownerName} ·{' '}
              {checkIn.progress}% done · {checkIn.confidence} confidence
            </Text>
            {checkIn.note && (
              <Text size="sm" lineClamp={2}>
                {checkIn.note}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
