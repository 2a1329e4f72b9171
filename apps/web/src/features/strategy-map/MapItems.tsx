import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { KpiStatus } from '@roi/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
  HEALTH,
  MILESTONE_STATUS,
  RISK_REASON,
} from '../../ui/plan-format';
import { useOrganisation } from '../../session/organisation';
import { useMilestones } from '../execution';
import type { Kpi, MapInitiative, MapMilestone } from '../plan/plan.queries';

export function HealthBadge(props: { health: KpiStatus; size?: 'xs' | 'sm' | 'md' }) {
  const health = HEALTH[props.health];
  return (
    <Badge variant="dot" color={health.colour} size={props.size ?? 'sm'} style={{ flexShrink: 0 }}>
      {health.label}
    </Badge>
  );
}

/** An edit button beside a title: a pencil with the full name of what it edits for assistive tech. */
export function EditButton(props: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={props.label} withArrow openDelay={400}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={props.label}
        onClick={props.onClick}
      >
        <span aria-hidden style={{ fontSize: 14 }}>
          ✎
        </span>
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * Open questions and challenges; opens the discussion of the record. Someone whose role may not
 * comment (a board member) is offered the discussion to read, not invited to discuss. It keeps
 * its width beside a long title, which wraps instead.
 */
export function ChallengesButton(props: { count: number; label: string; onClick: () => void }) {
  const canComment = useOrganisation().can('plan.comment');
  const verb = canComment ? 'Discuss' : 'Read the discussion of';
  return (
    <Button
      size="compact-xs"
      variant={props.count > 0 ? 'light' : 'subtle'}
      color={props.count > 0 ? 'orange' : 'gray'}
      onClick={props.onClick}
      aria-label={`${verb} ${props.label}: ${props.count} open questions or challenges`}
      style={{ flexShrink: 0 }}
    >
      {props.count > 0
        ? `${props.count} open challenge${props.count === 1 ? '' : 's'}`
        : canComment
          ? 'Discuss'
          : 'Discussion'}
    </Button>
  );
}

/**
 * A KPI on the map: its status, where it stands against its target, and progress against the
 * progress expected by now (a marker on the bar).
 */
export function KpiRow(props: { kpi: Kpi; href: string; canEdit: boolean; onEdit: () => void }) {
  const { kpi } = props;
  const progress = kpi.progress === null ? 0 : Math.max(0, Math.min(1, kpi.progress));
  const health = HEALTH[kpi.status];
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      aria-label={`KPI ${kpi.code}: ${kpi.name}`}
      component="article"
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Anchor component={Link} to={props.href} size="sm" fw={600} lh={1.3}>
            <Text span c="dimmed" size="xs" ff="monospace" mr={6}>
              {kpi.code}
            </Text>
            {kpi.name}
          </Anchor>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <HealthBadge health={kpi.status} size="xs" />
            {props.canEdit && <EditButton label={`Edit KPI ${kpi.code}`} onClick={props.onEdit} />}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {kpi.current === null
            ? `No measurement yet · baseline ${formatNumber(kpi.baselineValue, kpi.unit)}`
            : `Now ${formatNumber(kpi.current, kpi.unit)} (${formatDay(kpi.currentDate)})`}{' '}
          → target {formatNumber(kpi.targetValue, kpi.unit)} by {formatDay(kpi.targetDate)}
        </Text>
        <div style={{ position: 'relative' }}>
          <Progress
            value={progress * 100}
            color={health.colour}
            size="sm"
            aria-label={`${kpi.code} progress ${formatPercent(kpi.progress)}, expected ${formatPercent(kpi.expectedProgress)}`}
          />
          <div
            title={`Expected by now: ${formatPercent(kpi.expectedProgress)}`}
            style={{
              position: 'absolute',
              top: -3,
              bottom: -3,
              width: 2,
              left: `calc(${kpi.expectedProgress * 100}% - 1px)`,
              background: 'var(--mantine-color-dark-6)',
            }}
          />
        </div>
        <Group justify="space-between" gap="xs">
          <Text size="xs">
            Progress {formatPercent(kpi.progress)} · expected {formatPercent(kpi.expectedProgress)}
          </Text>
          {kpi.openChallenges > 0 && (
            <Text size="xs" c="orange">
              {kpi.openChallenges} open challenge{kpi.openChallenges === 1 ? '' : 's'}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function milestoneColour(milestone: Pick<MapMilestone, 'atRisk' | 'status'>) {
  if (milestone.atRisk && milestone.status !== 'done' && milestone.status !== 'missed') {
    return 'orange';
  }
  return MILESTONE_STATUS[milestone.status]?.colour ?? 'gray';
}

/** An initiative on the map: who is accountable and responsible, its budget and its milestones. */
export function InitiativeCard(props: {
  initiative: MapInitiative;
  currency: string;
  canEdit: boolean;
  onEdit: () => void;
  onAddMilestone: () => void;
  onOpenMilestone: (milestoneId: string) => void;
}) {
  const { initiative } = props;
  // A large initiative comes with its milestones at risk only; the rest is read when asked for.
  const partial = initiative.milestones.length < initiative.milestoneCount;
  const [showAll, setShowAll] = useState(false);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      component="article"
      aria-label={`Initiative ${initiative.code}: ${initiative.name}`}
      style={{ borderLeft: `4px solid var(--mantine-color-${HEALTH[initiative.health].colour}-6)` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Text size="sm" fw={600} lh={1.3}>
            <Text span c="dimmed" size="xs" ff="monospace" mr={6}>
              {initiative.code}
            </Text>
            {initiative.name}
          </Text>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <HealthBadge health={initiative.health} size="xs" />
            {props.canEdit && (
              <EditButton label={`Edit initiative ${initiative.code}`} onClick={props.onEdit} />
            )}
          </Group>
        </Group>
        <Group gap={6}>
          {initiative.isExperiment && (
            <Badge size="xs" variant="outline" color="grape">
              Experiment
            </Badge>
          )}
          {initiative.decisionOverdue && (
            <Badge size="xs" color="red" variant="light">
              Decision overdue
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            Budget {formatMoney(initiative.budget, props.currency)}
          </Text>
        </Group>
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            Accountable
          </Text>{' '}
          {initiative.accountableName} ·{' '}
          <Text span c="dimmed" size="xs">
            Responsible
          </Text>{' '}
          {initiative.responsibleName}
        </Text>
        {showAll ? (
          <AllMilestones initiativeId={initiative.id} onOpen={props.onOpenMilestone} />
        ) : (
          <MilestoneList milestones={initiative.milestones} onOpen={props.onOpenMilestone} />
        )}
        {partial && (
          <Group>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              aria-expanded={showAll}
              onClick={() => setShowAll((shown) => !shown)}
            >
              {showAll
                ? 'Show only those needing attention'
                : `Show all ${initiative.milestoneCount} milestones`}
            </Button>
          </Group>
        )}
        {props.canEdit && (
          <Group>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={props.onAddMilestone}
              aria-label={`Add a milestone to ${initiative.code}`}
            >
              + Milestone
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type ListedMilestone = Pick<
  MapMilestone,
  'id' | 'title' | 'status' | 'dueDate' | 'atRisk' | 'riskReasons'
>;

function MilestoneList(props: {
  milestones: readonly ListedMilestone[];
  onOpen: (milestoneId: string) => void;
}) {
  if (props.milestones.length === 0) return null;
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.milestones.map((milestone) => (
        <li key={milestone.id}>
          <UnstyledButton onClick={() => props.onOpen(milestone.id)} w="100%">
            <Group gap={6} wrap="nowrap">
              <span
                aria-hidden
                style={{
                  width: 9,
                  height: 9,
                  flexShrink: 0,
                  transform: 'rotate(45deg)',
                  background: `var(--mantine-color-${milestoneColour(milestone)}-6)`,
                }}
              />
              <Text size="xs" truncate style={{ flex: 1 }}>
                {milestone.title}
              </Text>
              <Text size="xs" c={milestone.atRisk ? 'orange' : 'dimmed'} style={{ flexShrink: 0 }}>
                {milestone.status === 'done'
                  ? 'done'
                  : milestone.riskReasons.length
                    ? milestone.riskReasons.map((reason) => RISK_REASON[reason]).join(', ')
                    : formatDay(milestone.dueDate)}
              </Text>
            </Group>
            {/* Read after what is shown, so the button's name starts with its visible text. */}
            <VisuallyHidden>
              , milestone {MILESTONE_STATUS[milestone.status]?.label}, due{' '}
              {formatDay(milestone.dueDate)}
            </VisuallyHidden>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}

/** Every milestone of one initiative, read from the milestones list when the map had only some. */
function AllMilestones(props: { initiativeId: string; onOpen: (milestoneId: string) => void }) {
  const milestones = useMilestones(props.initiativeId);
  if (milestones.isPending) {
    return (
      <Text size="xs" c="dimmed">
        Loading the milestones…
      </Text>
    );
  }
  if (milestones.isError) {
    return (
      <Group gap="xs">
        <Text size="xs" c="red">
          The milestones could not be loaded.
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void milestones.refetch()}>
          Retry
        </Button>
      </Group>
    );
  }
  return <MilestoneList milestones={milestones.data} onOpen={props.onOpen} />;
}
