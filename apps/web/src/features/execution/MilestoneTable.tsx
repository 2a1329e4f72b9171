import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDay, RISK_REASON } from '../../ui/plan-format';
import type { Milestone } from './execution.queries';
import { MilestoneStatusBadge } from './MilestoneDrawer';

/** Below this width the table becomes a list of cards (a phone held upright). */
export const SMALL_SCREEN = '(max-width: 48em)';

/**
 * Milestones with their initiative, who is accountable and responsible, owner, due date, status
 * and risk, each opening the milestone; a table on wide screens, a list of cards on small ones.
 */
export function MilestoneTable(props: {
  milestones: Milestone[];
  label: string;
  onOpen: (milestoneId: string) => void;
}) {
  const small = useMediaQuery(SMALL_SCREEN);
  if (small) {
    return (
      <Stack
        gap="xs"
        component="ul"
        aria-label={props.label}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {props.milestones.map((milestone) => (
          <MilestoneCard key={milestone.id} milestone={milestone} onOpen={props.onOpen} />
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Initiative</Table.Th>
            <Table.Th>Accountable and responsible</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Risk</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.milestones.map((milestone) => (
            <MilestoneRow key={milestone.id} milestone={milestone} onOpen={props.onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MilestoneTitle(props: { milestone: Milestone; onOpen: (milestoneId: string) => void }) {
  const { milestone } = props;
  return (
    <>
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
      {milestone.lastCheckIn && (
        <Text size="xs" c="dimmed">
          Last check-in {formatDay(milestone.lastCheckIn.date)}: {milestone.lastCheckIn.progress}
          %, {milestone.lastCheckIn.confidence} confidence
        </Text>
      )}
    </>
  );
}

function InitiativeCode(props: { milestone: Milestone }) {
  return (
    <Badge variant="outline" size="sm" radius="sm" style={{ textTransform: 'none' }}>
      {props.milestone.initiativeCode}
    </Badge>
  );
}

function Risks(props: { milestone: Milestone }) {
  if (props.milestone.riskReasons.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {props.milestone.riskReasons.map((reason) => (
        <Text key={reason} size="xs" c="orange">
          {RISK_REASON[reason]}
        </Text>
      ))}
    </Stack>
  );
}

function MilestoneRow(props: { milestone: Milestone; onOpen: (milestoneId: string) => void }) {
  const { milestone } = props;
  return (
    <Table.Tr>
      <Table.Td>
        <MilestoneTitle milestone={milestone} onOpen={props.onOpen} />
      </Table.Td>
      <Table.Td>
        <InitiativeCode milestone={milestone} />
        <Text size="xs" c="dimmed" lineClamp={1}>
          {milestone.initiativeName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">Accountable: {milestone.accountableName}</Text>
        <Text size="xs" c="dimmed">
          Responsible: {milestone.responsibleName}
        </Text>
      </Table.Td>
      <Table.Td>{milestone.ownerName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(milestone.dueDate)}</Table.Td>
      <Table.Td>
        <MilestoneStatusBadge milestone={{ status: milestone.status, atRisk: false }} />
      </Table.Td>
      <Table.Td>
        <Risks milestone={milestone} />
      </Table.Td>
    </Table.Tr>
  );
}

function MilestoneCard(props: { milestone: Milestone; onOpen: (milestoneId: string) => void }) {
  const { milestone } = props;
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <MilestoneTitle milestone={milestone} onOpen={props.onOpen} />
        <Text size="xs">
          <InitiativeCode milestone={milestone} /> {milestone.initiativeName}
        </Text>
        <Text size="xs">
          Due {formatDay(milestone.dueDate)} · owner {milestone.ownerName}
        </Text>
        <Text size="xs" c="dimmed">
          Accountable: {milestone.accountableName} · responsible: {milestone.responsibleName}
        </Text>
        <MilestoneStatusBadge milestone={{ status: milestone.status, atRisk: false }} />
        {milestone.riskReasons.length > 0 && <Risks milestone={milestone} />}
      </Stack>
    </Paper>
  );
}
