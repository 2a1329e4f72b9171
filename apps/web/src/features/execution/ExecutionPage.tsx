import { Anchor, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LiveBadge } from '../../ui/LiveBadge';
import { usePageTitle } from '../../ui/page-title';
import { AllMilestones } from './AllMilestones';
import { type MilestoneView, useMilestoneView, useSendWeeklyDigest } from './execution.queries';
import { MilestoneDrawer } from './MilestoneDrawer';
import { MilestoneTable } from './MilestoneTable';

type View = 'all' | MilestoneView;

const VIEWS: { value: View; label: string; empty?: string }[] = [
  { value: 'all', label: 'All milestones' },
  { value: 'mine', label: 'My milestones', empty: 'You own no milestone.' },
  { value: 'overdue', label: 'Overdue', empty: 'Nothing is late.' },
  { value: 'due-soon', label: 'Due in 14 days', empty: 'Nothing is due in the next two weeks.' },
  { value: 'at-risk', label: 'At risk', empty: 'No milestone is at risk.' },
];

/**
 * What a program manager chases: every milestone, their own, what is late, what is due soon and
 * what is at risk, each opening the milestone to change its status or check in. Someone who owns
 * milestones starts on theirs; anyone else (the chief executive, a board member) on all of them.
 */
export function ExecutionPage() {
  usePageTitle('Milestones');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const [params, setParams] = useSearchParams();
  const mine = useMilestoneView('mine');
  const requested = VIEWS.find((candidate) => candidate.value === params.get('view'))?.value;
  const view: View | null =
    requested ?? (mine.isPending ? null : mine.data && mine.data.length > 0 ? 'mine' : 'all');
  const [milestoneId, setMilestoneId] = useState<string | null>(null);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>Milestones</Title>
            <LiveBadge />
          </Group>
          <Text c="dimmed" size="sm">
            Owners, due dates and risks across every initiative.{' '}
            <Anchor component={Link} to={`/organisations/${orgId}/execution/timeline`} size="sm">
              See the timeline and burn-up
            </Anchor>
          </Text>
        </div>
        {current.can('plan.edit') && <WeeklyDigestButton />}
      </Group>
      {view === null ? (
        <Skeleton height={200} />
      ) : (
        <Tabs
          value={view}
          onChange={(value) => value && setParams({ view: value }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {VIEWS.map((candidate) => (
              <Tabs.Tab key={candidate.value} value={candidate.value}>
                {candidate.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {VIEWS.map((candidate) => (
            <Tabs.Panel key={candidate.value} value={candidate.value} pt="md">
              {candidate.value === 'all' ? (
                <AllMilestones onOpen={setMilestoneId} />
              ) : (
                <MilestoneList
                  view={candidate.value}
                  label={candidate.label}
                  empty={candidate.empty ?? ''}
                  onOpen={setMilestoneId}
                />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <MilestoneDrawer milestoneId={milestoneId} onClose={() => setMilestoneId(null)} />
    </Stack>
  );
}

function WeeklyDigestButton() {
  const send = useSendWeeklyDigest();
  return (
    <Button
      variant="default"
      loading={send.isPending}
      onClick={async () => {
        try {
          const digest = await send.mutateAsync();
          notifications.show({
            color: 'green',
            title: 'Weekly digest sent',
            message:
              digest.recipients === 0
                ? 'Nobody needed one: nothing late, at risk or due soon.'
                : `Mailed ${digest.recipients} ${digest.recipients === 1 ? 'person' : 'people'}: ${digest.late} late, ${digest.atRisk} at risk, ${digest.dueSoon} due soon.`,
          });
        } catch (error) {
          notifications.show({
            color: 'red',
            title: 'Not sent',
            message: error instanceof Error ? error.message : 'Try again.',
          });
        }
      }}
    >
      Send weekly digest now
    </Button>
  );
}

function MilestoneList(props: {
  view: MilestoneView;
  label: string;
  empty: string;
  onOpen: (milestoneId: string) => void;
}) {
  const milestones = useMilestoneView(props.view);
  if (milestones.isPending) return <Skeleton height={160} />;
  if (milestones.isError) {
    return <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />;
  }
  if (milestones.data.length === 0) {
    return (
      <EmptyState title={props.empty}>
        Milestones appear here as their dates and check-ins call for attention.
      </EmptyState>
    );
  }
  return <MilestoneTable milestones={milestones.data} label={props.label} onOpen={props.onOpen} />;
}
