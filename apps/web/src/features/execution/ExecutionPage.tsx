import {
  Anchor,
  Badge,
  Button,
  Group,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LiveBadge } from '../../ui/LiveBadge';
import { formatDay, RISK_REASON } from '../../ui/plan-format';
import {
  type Milestone,
  type MilestoneView,
  useMilestoneView,
  useSendWeeklyDigest,
} from './execution.queries';
import { MilestoneDrawer, MilestoneStatusBadge } from './MilestoneDrawer';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const VIEWS: { value: MilestoneView; label: string; empty: string }[] = [
  { value: 'mine', label: 'My milestones', empty: 'You own no milestone.' },
  { value: 'overdue', label: 'Overdue', empty: 'Nothing is late.' },
  { value: 'due-soon', label: 'Due in 14 days', empty: 'Nothing is due in the next two weeks.' },
  { value: 'at-risk', label: 'At risk', empty: 'No milestone is at risk.' },
];

/**
 * What a programme manager chases: their own milestones, what is late, what is due soon and what
 * is at risk, each opening the milestone to change its status or check in.
 */
export function ExecutionPage() {
  usePageTitle('Milestones');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((candidate) => candidate.value === params.get('view'))?.value ??
    'mine') as MilestoneView;
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
            <MilestoneList view={candidate.value} empty={candidate.empty} onOpen={setMilestoneId} />
          </Tabs.Panel>
        ))}
      </Tabs>
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
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Milestones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Initiative</Table.Th>
            <Table.Th>Accountable / responsible</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Risk</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.data.map((milestone) => (
            <MilestoneRow key={milestone.id} milestone={milestone} onOpen={props.onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MilestoneRow(props: { milestone: Milestone; onOpen: (milestoneId: string) => void }) {
  const { milestone } = props;
  const lastCheckIn = milestone.lastCheckIn;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          fw={600}
          size="sm"
          ta="left"
          onClick={() => props.onOpen(milestone.id)}
        >
          {milestone.title}
        </Anchor>
        {lastCheckIn && (
          <Text size="xs" c="dimmed">
            Last check-in {formatDay(lastCheckIn.date)}: {lastCheckIn.progress}%,{' '}
            {lastCheckIn.confidence} confidence
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" size="sm" radius="sm" style={{ textTransform: 'none' }}>
          {milestone.initiativeCode}
        </Badge>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {milestone.initiativeName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{milestone.accountableName}</Text>
        <Text size="xs" c="dimmed">
          {milestone.responsibleName}
        </Text>
      </Table.Td>
      <Table.Td>{milestone.ownerName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(milestone.dueDate)}</Table.Td>
      <Table.Td>
        <MilestoneStatusBadge milestone={{ status: milestone.status, atRisk: false }} />
      </Table.Td>
      <Table.Td>
        {milestone.riskReasons.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {milestone.riskReasons.map((reason) => (
              <Text key={reason} size="xs" c="orange">
                {RISK_REASON[reason]}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
