import { Accordion, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { ErrorState } from '../../ui/ErrorState';
import { usePlanComparison, usePlanVersion } from '../collaboration/collaboration.queries';

interface SnapshotEntity {
  id: string;
  label: string;
  fields: Record<string, unknown>;
}

const TYPE_LABEL: Record<string, string> = {
  outcome: 'Outcomes',
  objective: 'Objectives',
  kpi: 'KPIs',
  initiative: 'Initiatives',
  milestone: 'Milestones',
};

const ENTITY_NAMES: Record<string, [string, string]> = {
  outcome: ['outcome', 'outcomes'],
  objective: ['objective', 'objectives'],
  kpi: ['KPI', 'KPIs'],
  initiative: ['initiative', 'initiatives'],
  milestone: ['milestone', 'milestones'],
};

/** "3 KPIs", "1 outcome": a snapshot's entity type as a reader says it. */
export const entityName = (type: string, count: number) => {
  const names = ENTITY_NAMES[type] ?? [type, `${type}s`];
  return count === 1 ? names[0] : names[1];
};

/** "successCriteria" reads as "Success criteria". */
const fieldLabel = (field: string) => {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const showValue = (value: unknown): string => {
  if (value === undefined) return '(none)';
  if (value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(showValue).join('; ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** A submitted version as it was frozen: every entity by type, each with its fields. */
export function VersionSnapshot(props: { number: number }) {
  const version = usePlanVersion(props.number);
  if (version.isPending) return <Skeleton height={240} />;
  if (version.isError) {
    return <ErrorState error={version.error} onRetry={() => void version.refetch()} />;
  }
  const snapshot = version.data.snapshot as Record<string, SnapshotEntity[]>;
  return (
    <Stack gap="sm">
      {version.data.note && (
        <Text size="sm">
          <Text span fw={600}>
            Note:
          </Text>{' '}
          {version.data.note}
        </Text>
      )}
      <Accordion multiple variant="separated" defaultValue={['outcome']}>
        {Object.entries(snapshot).map(([type, entities]) => (
          <Accordion.Item key={type} value={type}>
            <Accordion.Control>
              {TYPE_LABEL[type] ?? fieldLabel(type)} ({entities.length})
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {entities.map((entity) => (
                  <div key={entity.id}>
                    <Text size="sm" fw={600}>
                      {entity.label}
                    </Text>
                    <Table withRowBorders={false} verticalSpacing={2} fz="xs">
                      <Table.Tbody>
                        {Object.entries(entity.fields).map(([field, value]) => (
                          <Table.Tr key={field}>
                            <Table.Td w="30%" c="dimmed">
                              {fieldLabel(field)}
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                              {showValue(value)}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

const versionName = (value: string) => (value === 'draft' ? 'the draft' : `version ${value}`);

/** What was added, removed and changed (field by field, before → after) between two versions. */
export function PlanComparison(props: { from: string | null; to: string | null }) {
  const diff = usePlanComparison(props.from, props.to);
  if (!props.from || !props.to) {
    return (
      <Text size="sm" c="dimmed">
        Choose two versions (or a version and the draft) to compare.
      </Text>
    );
  }
  if (props.from === props.to) {
    return (
      <Text size="sm" c="dimmed">
        Choose two different versions.
      </Text>
    );
  }
  if (diff.isPending) return <Skeleton height={120} />;
  if (diff.isError) return <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />;
  const { added, removed, changed } = diff.data;
  if (added.length + removed.length + changed.length === 0) {
    return (
      <Text size="sm">
        No difference between {versionName(props.from)} and {versionName(props.to)}.
      </Text>
    );
  }
  const kind = (type: string) => entityName(type, 1);
  return (
    <Stack gap="sm" aria-label="Differences">
      <Text size="sm" c="dimmed">
        From {versionName(props.from)} to {versionName(props.to)}: {added.length} added,{' '}
        {removed.length} removed, {changed.length} changed.
      </Text>
      {added.length > 0 && (
        <Stack gap={4}>
          {added.map((entity) => (
            <Group key={`added-${entity.id}`} gap="xs">
              <Badge color="green" variant="light" size="sm">
                Added
              </Badge>
              <Text size="sm">
                {kind(entity.type)}: {entity.label}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {removed.length > 0 && (
        <Stack gap={4}>
          {removed.map((entity) => (
            <Group key={`removed-${entity.id}`} gap="xs">
              <Badge color="red" variant="light" size="sm">
                Removed
              </Badge>
              <Text size="sm" td="line-through">
                {kind(entity.type)}: {entity.label}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {changed.map((entity) => (
        <Stack key={`changed-${entity.id}`} gap={4}>
          <Group gap="xs">
            <Badge color="yellow" variant="light" size="sm">
              Changed
            </Badge>
            <Text size="sm" fw={600}>
              {kind(entity.type)}: {entity.label}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} fz="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">Field</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entity.fields.map((change) => (
                  <Table.Tr key={change.field}>
                    <Table.Td>{fieldLabel(change.field)}</Table.Td>
                    <Table.Td c="red" style={{ whiteSpace: 'pre-wrap' }}>
                      {showValue(change.before)}
                    </Table.Td>
                    <Table.Td c="green" style={{ whiteSpace: 'pre-wrap' }}>
                      {showValue(change.after)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}
