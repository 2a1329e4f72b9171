import {
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { MISS_CATEGORY_LABELS } from '@roi/domain';
import { useState } from 'react';
import { ErrorState } from '../../ui/ErrorState';
import { DeleteRecordDialog, type DeleteTarget } from '../../ui/DeleteRecordDialog';
import { formatDay, MILESTONE_STATUS, RISK_REASON } from '../../ui/plan-format';
import { CheckInForm, CheckInHistory } from './CheckIns';
import {
  type Milestone,
  useDeleteMilestone,
  useMilestone,
  useMilestones,
} from './execution.queries';
import { MilestoneForm } from './MilestoneForm';
import { MilestoneStatusForm } from './MilestoneStatusForm';
import { useOrganisation } from '../../session/organisation';

/** Everything about one milestone: status, dependencies, check-ins; opened from any list. */
export function MilestoneDrawer(props: { milestoneId: string | null; onClose: () => void }) {
  return (
    <Drawer
      opened={Boolean(props.milestoneId)}
      onClose={props.onClose}
      position="right"
      size="lg"
      title="Milestone"
      closeOnClickOutside={false}
    >
      {props.milestoneId && (
        <MilestoneDetail
          key={props.milestoneId}

          milestoneId={props.milestoneId}
          onClose={props.onClose}
        />
      )}
    </Drawer>
  );
}

export function MilestoneStatusBadge(props: { milestone: Pick<Milestone, 'status' | 'atRisk'> }) {
  const status = MILESTONE_STATUS[props.milestone.status];
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color={status?.colour} style={{ flexShrink: 0 }}>
        {status?.label ?? props.milestone.status}
      </Badge>
      {props.milestone.atRisk && (
        <Badge size="sm" variant="filled" color="orange" style={{ flexShrink: 0 }}>
          At risk
        </Badge>
      )}
    </Group>
  );
}

function MilestoneDetail(props: { milestoneId: string; onClose: () => void }) {
  const current = useOrganisation();
  const milestone = useMilestone(props.milestoneId);
  const all = useMilestones();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<DeleteTarget<'milestones'> | null>(null);
  const remove = useDeleteMilestone();
  if (milestone.isPending) return <Skeleton height={240} />;
  if (milestone.isError) {
    return <ErrorState error={milestone.error} onRetry={() => void milestone.refetch()} />;
  }
  const data = milestone.data;
  const byId = new Map((all.data ?? []).map((candidate) => [candidate.id, candidate]));
  const neededBy = (all.data ?? []).filter((candidate) => candidate.dependsOn.includes(data.id));
  const updates = current.can('execution.update') ?? false;
  const edits = current.can('plan.edit') ?? false;

  return (
    <Stack gap="md" component="section" aria-label={`Milestone ${data.title}`}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {data.initiativeCode} · {data.initiativeName}
        </Text>
        <Title order={3} size="h4">
          {data.title}
        </Title>
        <MilestoneStatusBadge milestone={data} />
        <Text size="sm">
          Due {formatDay(data.dueDate)} · owner {data.ownerName}
          {data.doneOn && ` · done ${formatDay(data.doneOn)}`}
        </Text>
        <Text size="sm" c="dimmed">
          Accountable {data.accountableName} · responsible {data.responsibleName}
        </Text>
        {data.riskReasons.length > 0 && (
          <Text size="sm" c="orange">
            At risk: {data.riskReasons.map((reason) => RISK_REASON[reason]).join(', ')}
          </Text>
        )}
        {data.status === 'missed' && data.missCategory && (
          <Text size="sm" c="red">
            Missed ({MISS_CATEGORY_LABELS[data.missCategory]})
            {data.missNote ? `: ${data.missNote}` : ''}
          </Text>
        )}
      </Stack>

      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Depends on
        </Text>
        {data.dependsOn.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing.
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {data.dependsOn.map((id) => {
              const other = byId.get(id);
              return (
                <List.Item key={id}>
                  {other
                    ? `${other.initiativeCode}: ${other.title} (${MILESTONE_STATUS[other.status]?.label.toLowerCase()}, due ${formatDay(other.dueDate)})`
                    : 'A milestone you cannot see here'}
                </List.Item>
              );
            })}
          </List>
        )}
        {neededBy.length > 0 && (
          <>
            <Text size="sm" fw={600} mt={4}>
              Needed by
            </Text>
            <List size="sm" spacing={2}>
              {neededBy.map((other) => (
                <List.Item key={other.id}>
                  {other.initiativeCode}: {other.title} (due {formatDay(other.dueDate)})
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>

      {edits && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing((open) => !open)}>
            {editing ? 'Close editing' : 'Edit title, owner, date, dependencies'}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() =>
              setDeleting({
                type: 'milestones',
                id: data.id,
                label: `the milestone "${data.title}"`,
              })
            }
          >
            Delete
          </Button>
        </Group>
      )}
      {editing && (
        <MilestoneForm
          initiativeId={data.initiativeId}
          milestone={data}
          onDone={() => setEditing(false)}
        />
      )}

      {updates && (
        <>
          <Divider label="Status" labelPosition="left" />
          <MilestoneStatusForm key={`status-${data.id}`} milestone={data} />
          <Divider label="Check in" labelPosition="left" />
          <CheckInForm milestone={data} />
        </>
      )}
      <Divider label="Check-ins" labelPosition="left" />
      <CheckInHistory milestoneId={data.id} />
      <DeleteRecordDialog
        target={deleting}
        remove={remove}
        onClose={() => setDeleting(null)}
        onDeleted={props.onClose}
      />
    </Stack>
  );
}
