import { Alert, Anchor, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '@roi/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useOrganisation } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { OrganisationOverviewPage } from '../organisations/OrganisationOverviewPage';
import { useMoney } from '../roi/money';
import { DashboardControls, useDashboardView } from './DashboardControls';
import { BurnUpChart, MilestonesByStatus } from './DashboardDelivery';
import { KpisNeedingAttention, KpiStatusPanel, RoiToDate } from './DashboardHeadline';
import { MaturityRadar } from './DashboardMaturity';
import { BudgetAgainstActual, CostValueChart, InitiativeRanking } from './DashboardMoney';
import { ExperimentsDecided, OpenChallenges } from './DashboardNotes';
import { dayRange, formatReportDay } from './report-format';
import { RoadmapStrip } from './report-parts';
import { type Dashboard, useDashboard } from './reporting.queries';
import { usePageTitle } from '../../ui/page-title';

/**
 * The organisation's landing page: where its strategy cycle stands as of a date, in one request,
 * laid out to be read in ten seconds on a projector and stacked on a phone. Without a cycle it
 * says so and shows the organisation's overview.
 */
export function DashboardPage() {
  usePageTitle('Dashboard');
  const current = useOrganisation();
  const { view, choose } = useDashboardView();
  const dashboard = useDashboard(view);
  const { money, error: moneyError, retry } = useMoney();

  const notFound = dashboard.error instanceof ApiProblem && dashboard.error.status === 404;
  if (notFound && !view.cycleId) return <NoCycleYet />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Text size="sm" fw={700} c="indigo.8" tt="uppercase">
            Executive dashboard
          </Text>
          <Group gap="sm" align="center">
            <Title order={2}>{current.membership.organisationName}</Title>
            {dashboard.isPlaceholderData && <Loader size="sm" aria-label="Updating" />}
          </Group>
          {/* The line holds its place while the dashboard loads, so nothing below it moves. */}
          <Text size="sm" c="dimmed">
            {dashboard.data ? (
              <>
                {dashboard.data.cycle.name} (
                {dayRange(dashboard.data.cycle.startsOn, dashboard.data.cycle.endsOn)}) · as of{' '}
                {formatReportDay(dashboard.data.asOf)} · You are{' '}
                {current.membership.external ? 'an external ' : ''}
                {ROLE_LABELS[current.role].toLowerCase()} here.
              </>
            ) : (
              '\u00a0'
            )}
          </Text>
        </div>
        <DashboardControls view={view} choose={choose} dashboard={dashboard.data} />
      </Group>
      {dashboard.isError || moneyError ? (
        <Stack gap="xs">
          <ErrorState
            error={dashboard.error ?? moneyError}
            onRetry={() => {
              void dashboard.refetch();
              retry();
            }}
          />
          {notFound && (
            <Anchor component="button" size="sm" onClick={() => choose({ cycleId: undefined })}>
              Show the current cycle instead
            </Anchor>
          )}
        </Stack>
      ) : dashboard.isPending || !money ? (
        <PageLoader />
      ) : (
        <DashboardSections
          data={dashboard.data}
          interval={view.interval}
          money={money}
          base={`/organisations/${current.organisationId}`}
          canRecord={current.can('ledgers.record')}
          busy={dashboard.isPlaceholderData}
        />
      )}
    </Stack>
  );
}

function Empty(props: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap={4} py="sm">
      <Text size="sm" c="dimmed">
        {props.children}
      </Text>
      {props.action}
    </Stack>
  );
}

function DashboardSections(props: {
  data: Dashboard;
  interval: 'month' | 'quarter';
  money: NonNullable<ReturnType<typeof useMoney>['money']>;
  base: string;
  canRecord: boolean;
  busy: boolean;
}) {
  const { data, money, base } = props;
  const link = (to: string, text: string) => (
    <Anchor component={Link} to={`${base}/${to}`} size="sm">
      {text}
    </Anchor>
  );
  const noMoney = (
    <Empty action={props.canRecord ? link('ledgers/costs', 'Record costs') : undefined}>
      No costs or values recorded between {formatReportDay(data.roi.from)} and{' '}
      {formatReportDay(data.roi.to)} yet.
    </Empty>
  );
  return (
    <Stack gap="lg" aria-busy={props.busy}>
      <section aria-label="Roadmap progress">
        <Title order={3} size="h4" mb="xs">
          Roadmap progress
        </Title>
        <RoadmapStrip steps={data.roadmap} stepHref={(step) => `${base}/steps/${step.step}`} />
      </section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <RoiToDate roi={data.roi} money={money} empty={noMoney} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <KpiStatusPanel
            kpis={data.kpis}
            overdue={data.milestones.overdue}
            empty={
              <Empty action={link('plan', 'Open the strategy map')}>
                No KPIs yet: the strategy map sets them under each objective.
              </Empty>
            }
          />
        </Grid.Col>
      </Grid>
      <KpisNeedingAttention
        kpis={data.kpis}
        kpiHref={(kpiId) => `${base}/plan/kpis/${kpiId}`}
        timelineHref={`${base}/execution/timeline`}
      />
      {data.roi.intervals.length > 0 && (
        <CostValueChart roi={data.roi} interval={props.interval} money={money} />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <BudgetAgainstActual
          budget={data.roi.budget}
          money={money}
          empty={
            <Empty action={link('plan', 'Open the strategy map')}>
              No initiative has a budget yet.
            </Empty>
          }
        />
        <InitiativeRanking roi={data.roi} money={money} empty={noMoney} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <MilestonesByStatus
          milestones={data.milestones}
          empty={
            <Empty action={link('execution', 'Plan milestones')}>
              No milestones in this cycle yet.
            </Empty>
          }
        />
        <BurnUpChart
          milestones={data.milestones}
          empty={<Empty>No milestone is due in the cycle up to this date.</Empty>}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <MaturityRadar
          maturity={data.maturity}
          cycleName={data.cycle.name}
          empty={
            <Empty action={link('assessments', 'Open the assessments')}>
              No maturity assessment has been closed in this cycle yet.
            </Empty>
          }
        />
        <Stack gap="md">
          <OpenChallenges
            challenges={data.openChallenges}
            subjectHref={(challenge) =>
              challenge.subjectType === 'kpi'
                ? `${base}/plan/kpis/${challenge.subjectId}`
                : undefined
            }
          />
          <ExperimentsDecided experiments={data.experiments} asOf={data.asOf} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** Without a strategy cycle there is nothing to report: say so, and show the overview. */
function NoCycleYet() {
  const current = useOrganisation();
  return (
    <Stack gap="lg">
      <Alert color="indigo" title="No strategy cycle yet" role="status">
        <Text size="sm">
          The executive dashboard shows a cycle&apos;s roadmap, KPIs, ROI and milestones once the
          organisation has one.{' '}
          <Anchor component={Link} to={`/organisations/${current.organisationId}/cycles`} size="sm">
            Go to Strategy cycles
          </Anchor>{' '}
          to start the first.
        </Text>
      </Alert>
      <OrganisationOverviewPage />
    </Stack>
  );
}
