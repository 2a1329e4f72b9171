import { Badge, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useOrganisation } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import { EXPERIMENT_OUTCOME } from '../../ui/plan-format';
import { useLearningLog } from '../collaboration/collaboration.queries';
import { useOrganisationRecord } from '../organisations/organisations.queries';
import { useBoardPacks } from '../reporting/board-packs.queries';
import { PackStatus } from '../reporting/BoardPacksPage';
import { KpisNeedingAttention, KpiStatusPanel, RoiToDate } from '../reporting/DashboardHeadline';
import { ExperimentsDecided } from '../reporting/DashboardNotes';
import { formatReportDay } from '../reporting/report-format';
import { type Dashboard, useDashboard } from '../reporting/reporting.queries';
import { type MoneyFormat, useMoney } from '../roi/money';
import { ReallocationPanel } from '../roi/ReallocationPanel';
import type { CycleSummary } from './current-cycle';
import { TONE } from './tones';
import { Loaded, SectionEmpty, SectionLink, WorkspaceSection } from './WorkspaceSection';

/**
 * Step 6, Measure and adapt: the cycle's return to date, where budget could move, what the
 * KPIs say and what the experiments taught, and the board packs that report it.
 */
export function MeasureWorkspace(props: { cycle: CycleSummary }) {
  const { cycle } = props;
  const current = useOrganisation();
  const base = `/organisations/${current.organisationId}`;
  const dashboard = useDashboard({ cycleId: cycle.id, interval: 'month' });
  const { money, error: moneyError, retry } = useMoney();
  const figures =
    dashboard.isError || moneyError ? (
      <ErrorState
        error={dashboard.error ?? moneyError}
        onRetry={() => {
          void dashboard.refetch();
          retry();
        }}
      />
    ) : !dashboard.data || !money ? (
      <Skeleton height={240} />
    ) : (
      <Figures dashboard={dashboard.data} money={money} base={base} />
    );
  return (
    <Stack gap="md">
      {figures}
      <BoardPacks cycle={cycle} base={base} />
      <LearningLog base={base} dashboard={dashboard.data} />
    </Stack>
  );
}

function Figures(props: { dashboard: Dashboard; money: MoneyFormat; base: string }) {
  const { dashboard, money, base } = props;
  const current = useOrganisation();
  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <RoiToDate
            roi={dashboard.roi}
            money={money}
            empty={
              <SectionEmpty
                action={
                  current.can('ledgers.record') && (
                    <SectionLink to={`${base}/ledgers/costs`}>Record costs</SectionLink>
                  )
                }
              >
                No costs or values recorded between {formatReportDay(dashboard.roi.from)} and{' '}
                {formatReportDay(dashboard.roi.to)} yet.
              </SectionEmpty>
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <KpiStatusPanel
            kpis={dashboard.kpis}
            overdue={dashboard.milestones.overdue}
            empty={
              <SectionEmpty
                action={<SectionLink to={`${base}/plan`}>Open the strategy map</SectionLink>}
              >
                No KPIs yet: the strategy map sets them under each objective.
              </SectionEmpty>
            }
          />
        </Grid.Col>
      </Grid>
      <Group gap="md">
        <SectionLink to={`${base}/roi`}>ROI by initiative, channel and activity</SectionLink>
        <SectionLink to={`${base}/ledgers/costs`}>Costs</SectionLink>
        <SectionLink to={`${base}/ledgers/values`}>Values</SectionLink>
      </Group>
      <ReallocationPanel
        period={{ from: dashboard.roi.from, to: dashboard.roi.to }}
        money={money}
      />
      <KpisNeedingAttention
        kpis={dashboard.kpis}
        kpiHref={(kpiId) => `${base}/plan/kpis/${kpiId}`}
        timelineHref={`${base}/execution/timeline`}
      />
    </Stack>
  );
}

function BoardPacks(props: { cycle: CycleSummary; base: string }) {
  const current = useOrganisation();
  const packs = useBoardPacks();
  const timeZone = useOrganisationRecord().data?.timeZone ?? 'UTC';
  const manages = current.can('board-packs.manage');
  type Pack = NonNullable<typeof packs.data>[number];
  const ofCycle = (all: Pack[]) => all.filter((pack) => pack.cycleId === props.cycle.id);
  return (
    <WorkspaceSection
      title="Board packs"
      description="Each reviews the cycle as of a date; publishing freezes its figures as the record of what the board saw."
      link={{ to: `${props.base}/board-packs`, label: 'All board packs' }}
    >
      <Loaded
        query={packs}
        isEmpty={(all) => ofCycle(all).length === 0}
        empty={
          <SectionEmpty
            action={
              manages && (
                <SectionLink to={`${props.base}/board-packs`}>Start a board pack</SectionLink>
              )
            }
          >
            {manages
              ? `No board pack for ${props.cycle.name} yet.`
              : `No pack for ${props.cycle.name} has been published yet.`}
          </SectionEmpty>
        }
      >
        {(all) => (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {ofCycle(all).map((pack) => (
              <li key={pack.id}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div>
                    <SectionLink to={`${props.base}/board-packs/${pack.id}`}>
                      {pack.title}
                    </SectionLink>
                    <Text size="xs" c="dimmed">
                      As of {formatReportDay(pack.asOf)}
                    </Text>
                  </div>
                  <PackStatus pack={pack} timeZone={timeZone} />
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Loaded>
    </WorkspaceSection>
  );
}

/** The experiments, how many went which way, and the lessons of those decided. */
function LearningLog(props: { base: string; dashboard: Dashboard | undefined }) {
  const log = useLearningLog();
  return (
    <Stack gap="md">
      <WorkspaceSection
        title="Learning log"
        description="Experiments are kept whichever way they went: failing in order to learn is the point."
        link={{ to: `${props.base}/plan/learning`, label: 'Open the learning log' }}
      >
        <Loaded
          query={log}
          height={40}
          isEmpty={(data) => data.length === 0}
          empty={
            <SectionEmpty>
              No experiment yet: mark an initiative as one on the strategy map, with its hypothesis
              and kill criteria.
            </SectionEmpty>
          }
        >
          {(data) => {
            const count = (outcome: string | null) =>
              data.filter((experiment) => experiment.experimentOutcome === outcome).length;
            return (
              <Group gap="xs" aria-label="Experiments by outcome">
                <Badge variant="outline" color={TONE.grey}>
                  {data.length} experiment{data.length === 1 ? '' : 's'}
                </Badge>
                {Object.entries(EXPERIMENT_OUTCOME).map(([outcome, { label }]) => (
                  <Badge key={outcome} variant="outline" color={TONE.grey}>
                    {count(outcome)} {label.toLowerCase()}
                  </Badge>
                ))}
                <Badge variant="outline" color={TONE.blue}>
                  {count(null)} awaiting a decision
                </Badge>
              </Group>
            );
          }}
        </Loaded>
      </WorkspaceSection>
      {props.dashboard && (
        <ExperimentsDecided experiments={props.dashboard.experiments} asOf={props.dashboard.asOf} />
      )}
    </Stack>
  );
}
