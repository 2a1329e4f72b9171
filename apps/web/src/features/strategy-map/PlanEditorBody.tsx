import { Button, Divider, Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '../../ui/ErrorState';
import { MilestoneForm, useMilestone } from '../execution';
import { InitiativeForm } from '../initiatives/InitiativeForm';
import { KpiForm } from '../kpis/KpiForm';
import { ObjectiveForm } from './ObjectiveForm';
import { OutcomeForm } from './OutcomeForm';
import {
  fetchPlanRecord,
  planKeys,
  type StrategyMap,
  useInitiative,
  useObjective,
  useOutcome,
} from '../plan/plan.queries';
import { useOrganisationId } from '../../session/organisation';
import type { EditorTarget, PlanDeleteTarget } from './plan-editor-target';

/** The form of the record the plan editor's drawer is open on, loaded fresh when it is existing. */
export function EditorBody(props: {
  map: StrategyMap;
  target: EditorTarget;
  onClose: () => void;
  onDelete: (target: PlanDeleteTarget) => void;
}) {
  const { map, target, onClose } = props;
  const outcomes = map.outcomes.map((outcome) => ({ id: outcome.id, title: outcome.title }));
  const objectives = map.outcomes.flatMap((outcome) =>
    outcome.objectives.map((objective) => ({ id: objective.id, title: objective.title })),
  );
  switch (target.kind) {
    case 'outcome':
      return target.id ? (
        <EditOutcome {...props} id={target.id} />
      ) : (
        <OutcomeForm onDone={onClose} />
      );
    case 'objective':
      return target.id ? (
        <EditObjective {...props} id={target.id} outcomes={outcomes} />
      ) : (
        <ObjectiveForm outcomes={outcomes} outcomeId={target.outcomeId} onDone={onClose} />
      );
    case 'kpi':
      return target.id ? (
        <EditKpi {...props} id={target.id} objectives={objectives} />
      ) : (
        <KpiForm objectives={objectives} objectiveId={target.objectiveId} onDone={onClose} />
      );
    case 'initiative':
      return target.id ? (
        <EditInitiative {...props} id={target.id} objectives={objectives} />
      ) : (
        <InitiativeForm
          currency={map.currency}
          objectives={objectives}
          objectiveId={target.objectiveId}
          onDone={onClose}
        />
      );
    case 'milestone':
      return target.id ? (
        <EditMilestone {...props} id={target.id} />
      ) : (
        <MilestoneForm initiativeId={target.initiativeId} onDone={onClose} />
      );
  }
}

interface EditProps {
  map: StrategyMap;
  id: string;
  onClose: () => void;
  onDelete: (target: PlanDeleteTarget) => void;
}

/** Waits for the record, then shows its form and, below it, the way to delete it. */
function Loaded<T>(props: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T; refetch: () => unknown };
  children: (record: T) => ReactNode;
  onDelete: () => void;
}) {
  const { query } = props;
  if (query.isPending) return <Skeleton height={320} />;
  if (query.isError || query.data === undefined) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <>
      {props.children(query.data)}
      <Divider my="lg" />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Deleting asks first, and says what depends on it.
        </Text>
        <Button variant="subtle" color="red" size="xs" onClick={props.onDelete}>
          Delete…
        </Button>
      </Group>
    </>
  );
}

function EditOutcome(props: EditProps) {
  const query = useOutcome(props.id);
  return (
    <Loaded
      query={query}
      onDelete={() =>
        props.onDelete({
          type: 'outcomes',
          id: props.id,
          label: `the outcome "${query.data?.title ?? ''}"`,
        })
      }
    >
      {(outcome) => <OutcomeForm outcome={outcome} onDone={props.onClose} />}
    </Loaded>
  );
}

function EditObjective(props: EditProps & { outcomes: { id: string; title: string }[] }) {
  const query = useObjective(props.id);
  return (
    <Loaded
      query={query}
      onDelete={() =>
        props.onDelete({
          type: 'objectives',
          id: props.id,
          label: `the objective "${query.data?.title ?? ''}"`,
        })
      }
    >
      {(objective) => (
        <ObjectiveForm outcomes={props.outcomes} objective={objective} onDone={props.onClose} />
      )}
    </Loaded>
  );
}

function EditKpi(props: EditProps & { objectives: { id: string; title: string }[] }) {
  const orgId = useOrganisationId();
  const query = useQuery({
    queryKey: planKeys.record(orgId, 'kpis', props.id),
    queryFn: () => fetchPlanRecord(orgId, 'kpis', props.id),
  });
  return (
    <Loaded
      query={query}
      onDelete={() =>
        props.onDelete({
          type: 'kpis',
          id: props.id,
          label: `the KPI ${query.data?.code ?? ''}`,
        })
      }
    >
      {(kpi) => <KpiForm objectives={props.objectives} kpi={kpi} onDone={props.onClose} />}
    </Loaded>
  );
}

function EditInitiative(props: EditProps & { objectives: { id: string; title: string }[] }) {
  const query = useInitiative(props.id);
  return (
    <Loaded
      query={query}
      onDelete={() =>
        props.onDelete({
          type: 'initiatives',
          id: props.id,
          label: `the initiative ${query.data?.code ?? ''}`,
        })
      }
    >
      {(initiative) => (
        <InitiativeForm
          currency={props.map.currency}
          objectives={props.objectives}
          initiative={initiative}
          onDone={props.onClose}
        />
      )}
    </Loaded>
  );
}

function EditMilestone(props: EditProps) {
  const query = useMilestone(props.id);
  return (
    <Loaded
      query={query}
      onDelete={() =>
        props.onDelete({
          type: 'milestones',
          id: props.id,
          label: `the milestone "${query.data?.title ?? ''}"`,
        })
      }
    >
      {(milestone) => (
        <MilestoneForm
          initiativeId={milestone.initiativeId}
          milestone={milestone}
          onDone={props.onClose}
        />
      )}
    </Loaded>
  );
}
