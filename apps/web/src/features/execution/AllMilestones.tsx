import { Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { MILESTONE_STATUS } from '../../ui/plan-format';
import { type Milestone, useMilestones } from './execution.queries';
import { MilestoneTable } from './MilestoneTable';

const ANY = 'any';

/**
 * Every milestone of the organisation by due date, narrowed to one status or one initiative; the
 * filters stay in the address. The API answers the whole list at once (it is not paged), so the
 * filters work on what is loaded and offer only the initiatives that have milestones.
 */
export function AllMilestones(props: { onOpen: (milestoneId: string) => void }) {
  const milestones = useMilestones();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? ANY;
  const initiative = params.get('initiative') ?? ANY;
  const choose = (key: 'status' | 'initiative', value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value && value !== ANY) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (milestones.isPending) return <Skeleton height={160} />;
  if (milestones.isError) {
    return <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />;
  }
  const all = milestones.data;
  if (all.length === 0) {
    return (
      <EmptyState title="No milestone yet">
        Milestones are added to initiatives on the strategy map; they appear here by due date.
      </EmptyState>
    );
  }
  const shown = all.filter(
    (milestone) =>
      (status === ANY || milestone.status === status) &&
      (initiative === ANY || milestone.initiativeId === initiative),
  );
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label="Status"
          w={180}
          data={[
            { value: ANY, label: 'Any status' },
            ...Object.entries(MILESTONE_STATUS).map(([value, { label }]) => ({ value, label })),
          ]}
          value={status}
          onChange={(value) => choose('status', value)}
          allowDeselect={false}
        />
        <Select
          label="Initiative"
          w={{ base: '100%', xs: 320 }}
          data={[{ value: ANY, label: 'Every initiative' }, ...initiativeOptions(all)]}
          value={initiative}
          onChange={(value) => choose('initiative', value)}
          allowDeselect={false}
          searchable
        />
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {shown.length === all.length
          ? `${all.length} milestone${all.length === 1 ? '' : 's'}`
          : `${shown.length} of ${all.length} milestones`}
      </Text>
      {shown.length === 0 ? (
        <EmptyState title="No milestone matches">
          Choose another status or initiative to see more.
        </EmptyState>
      ) : (
        <MilestoneTable milestones={shown} label="All milestones" onOpen={props.onOpen} />
      )}
    </Stack>
  );
}

function initiativeOptions(milestones: Milestone[]) {
  const byId = new Map<string, string>();
  for (const milestone of milestones) {
    byId.set(milestone.initiativeId, `${milestone.initiativeCode} ${milestone.initiativeName}`);
  }
  return [...byId]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}
