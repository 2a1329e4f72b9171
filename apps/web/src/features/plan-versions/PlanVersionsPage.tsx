import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { type PlanVersion, usePlanVersions } from '../collaboration/collaboration.queries';
import { DecisionForm, SubmitDraft } from './PlanDecisionForms';
import { entityName, PlanComparison, VersionSnapshot } from './VersionViews';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const STATUS: Record<string, { label: string; colour: string }> = {
  submitted: { label: 'Awaiting approval', colour: 'blue' },
  approved: { label: 'Approved', colour: 'green' },
  rejected: { label: 'Rejected', colour: 'red' },
};

const when = (timestamp: string | null) =>
  timestamp
    ? new Date(timestamp).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : '';

/**
 * The plan's versions: the working draft is submitted with a note, approved or rejected by
 * leadership, and any two versions (or a version and the draft) can be compared.
 */
export function PlanVersionsPage() {
  usePageTitle('Plan versions');
  const current = useOrganisation();
  const versions = usePlanVersions();
  const [viewing, setViewing] = useState<number | null>(null);
  const [deciding, setDeciding] = useState<{
    version: PlanVersion;
    decision: 'approve' | 'reject';
  } | null>(null);
  const [compare, setCompare] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: 'draft',
  });
  const options = [
    { value: 'draft', label: 'The draft (as it is now)' },
    ...(versions.data ?? []).map((version) => ({
      value: String(version.number),
      label: `Version ${version.number} (${STATUS[version.status]?.label.toLowerCase() ?? version.status})`,
    })),
  ];
  const from = compare.from ?? (versions.data?.[0] ? String(versions.data[0].number) : null);

  return (
    <Stack>
      <div>
        <Title order={2}>Plan versions</Title>
        <Text c="dimmed" size="sm">
          Submitting freezes a copy of the plan for approval; an approved version never changes, and
          later edits make the next draft.
        </Text>
      </div>
      {current.can('plan.edit') && <SubmitDraft />}
      {versions.isPending ? (
        <Skeleton height={160} />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <EmptyState title="No version submitted yet">
          The plan is a working draft. Submit it when it is ready for leadership to approve.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" aria-label="Plan versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th w={170}>Status</Table.Th>
                <Table.Th>Submitted</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Contents</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.map((version) => (
                <Table.Tr key={version.id}>
                  <Table.Td fw={700}>{version.number}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={STATUS[version.status]?.colour}
                      style={{ flexShrink: 0, overflow: 'visible' }}
                    >
                      {STATUS[version.status]?.label ?? version.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {version.submittedByName ?? 'Someone'}, {when(version.submittedAt)}
                    </Text>
                    {version.note && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {version.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {version.decidedAt ? (
                      <>
                        <Text size="sm">
                          {version.decidedByName ?? 'Someone'}, {when(version.decidedAt)}
                        </Text>
                        {version.decisionNote && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {version.decisionNote}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {Object.entries(version.counts as Record<string, number>)
                        .map(([type, count]) => `${count} ${entityName(type, count)}`)
                        .join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setViewing(version.number)}
                      >
                        View
                      </Button>
                      {version.status === 'submitted' && current.can('plan.approve') && (
                        <>
                          <Button
                            size="compact-xs"
                            color="green"
                            onClick={() => setDeciding({ version, decision: 'approve' })}
                          >
                            Approve
                          </Button>
                          <Button
                            size="compact-xs"
                            color="red"
                            variant="light"
                            onClick={() => setDeciding({ version, decision: 'reject' })}
                          >
                            Reject
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Paper withBorder p="md" component="section" aria-label="Compare versions">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Compare
          </Title>
          <Group align="flex-end">
            <Select
              label="From"
              placeholder="Choose a version"
              data={options}
              value={from}
              onChange={(value) => setCompare((previous) => ({ ...previous, from: value }))}
              w={280}
            />
            <Select
              label="To"
              data={options}
              value={compare.to}
              onChange={(value) => setCompare((previous) => ({ ...previous, to: value }))}
              w={280}
            />
          </Group>
          <PlanComparison from={from} to={compare.to} />
        </Stack>
      </Paper>

      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={`Version ${viewing ?? ''} as submitted`}
        size="xl"
      >
        {viewing !== null && <VersionSnapshot number={viewing} />}
      </Modal>
      <Modal
        opened={Boolean(deciding)}
        onClose={() => setDeciding(null)}
        title={
          deciding
            ? `${deciding.decision === 'approve' ? 'Approve' : 'Reject'} version ${deciding.version.number}`
            : ''
        }
      >
        {deciding && (
          <DecisionForm
            version={deciding.version}
            decision={deciding.decision}
            onDone={() => setDeciding(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
