import { Anchor, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { findStrategyStep, type StrategyStep, type StrategyStepKey } from '@roi/domain';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrganisation } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PageLoader } from '../../ui/PageLoader';
import { usePageTitle } from '../../ui/page-title';
import { useCycle } from '../cycles';
import { AssessWorkspace } from './AssessWorkspace';
import { type CycleSummary, useCurrentCycle } from './current-cycle';
import { EnvisionWorkspace } from './EnvisionWorkspace';
import { ExecuteWorkspace } from './ExecuteWorkspace';
import { MeasureWorkspace } from './MeasureWorkspace';
import { OrganiseWorkspace } from './OrganiseWorkspace';
import { PlanWorkspace } from './PlanWorkspace';
import { StepHeader } from './StepHeader';

/**
 * One step of a strategy cycle, as the people doing it work on it: the step's status, owner, exit
 * criteria and sign-off at the top, then the step's own work. It opens on the current cycle (the
 * one running today) unless the address asks for another (`?cycleId=`).
 */
export function StepPage() {
  const definition = findStrategyStep(useParams().stepKey ?? '');
  const [params, setParams] = useSearchParams();
  const requested = params.get('cycleId');
  const current = useCurrentCycle(requested);
  usePageTitle(definition ? `Step ${definition.number}: ${definition.name}` : 'Step');
  if (!definition) return <NotFoundPage />;
  return (
    <Stack gap="md">
      {current.state === 'pending' ? (
        <PageLoader />
      ) : current.state === 'error' ? (
        <ErrorState error={current.error} onRetry={current.retry} />
      ) : current.state === 'none' ? (
        <NoCycleYet step={definition} />
      ) : (
        <CycleStep
          key={current.cycleId}
          step={definition}
          cycleId={current.cycleId}
          cycles={current.cycles}
          requested={Boolean(requested)}
          onChooseCycle={(cycleId) => setParams({ cycleId })}
          onCurrentCycle={() => setParams({})}
        />
      )}
    </Stack>
  );
}

function CycleStep(props: {
  step: StrategyStep;
  cycleId: string;
  cycles: readonly CycleSummary[];
  requested: boolean;
  onChooseCycle: (cycleId: string) => void;
  onCurrentCycle: () => void;
}) {
  const cycle = useCycle(props.cycleId);
  // The workspace's content loads beside the header, from the cycle as the list has it.
  const summary = props.cycles.find((each) => each.id === props.cycleId);
  const step = cycle.data?.steps.find((each) => each.key === props.step.key);
  return (
    <>
      {cycle.isPending ? (
        <Skeleton height={260} radius="md" />
      ) : cycle.isError || !step ? (
        <Stack gap="xs" align="flex-start">
          <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />
          {props.requested && (
            <Anchor component="button" size="sm" onClick={props.onCurrentCycle}>
              Show the current cycle instead
            </Anchor>
          )}
        </Stack>
      ) : (
        <StepHeader
          cycle={cycle.data}
          step={step}
          cycles={props.cycles}
          onChooseCycle={props.onChooseCycle}
        />
      )}
      {summary && <StepWorkspace stepKey={props.step.key} cycle={summary} />}
    </>
  );
}

function StepWorkspace(props: { stepKey: StrategyStepKey; cycle: CycleSummary }) {
  switch (props.stepKey) {
    case 'assess':
      return <AssessWorkspace cycle={props.cycle} />;
    case 'envision':
      return <EnvisionWorkspace />;
    case 'plan':
      return <PlanWorkspace />;
    case 'organise':
      return <OrganiseWorkspace />;
    case 'execute':
      return <ExecuteWorkspace />;
    case 'measure':
      return <MeasureWorkspace cycle={props.cycle} />;
  }
}

/** The steps belong to a cycle: without one, the way to start it. */
function NoCycleYet(props: { step: StrategyStep }) {
  const current = useOrganisation();
  const { step } = props;
  const cycles = `/organisations/${current.organisationId}/cycles`;
  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <Badge size="xl" circle variant="light" aria-hidden>
          {step.number}
        </Badge>
        <div>
          <Text size="sm" c="dimmed">
            Step {step.number} of 6
          </Text>
          <Title order={2}>{step.name}</Title>
        </div>
      </Group>
      <Text>{step.purpose}.</Text>
      <EmptyState
        title="No strategy cycle yet"
        action={
          current.can('cycles.manage') ? (
            <Button component={Link} to={cycles}>
              Start a strategy cycle
            </Button>
          ) : (
            <Anchor component={Link} to={cycles}>
              See the strategy cycles
            </Anchor>
          )
        }
      >
        Each step is worked on within a strategy cycle, with its owner, exit criteria and sign-off.
        {current.can('cycles.manage')
          ? ' Start the first cycle, for the coming fiscal year, and its six steps open here.'
          : ' Once one is started, its six steps open here.'}
      </EmptyState>
    </>
  );
}
