import { Anchor, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatPercent } from '@roi/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MoneyFormat } from '../roi/money';
import { isNegative, isZero } from './dashboard-chart-data';
import { dayRange } from './report-format';
import { KpiStatusCountTiles, KpiTable, MissLegend, MissSplit } from './report-parts';
import type { DashboardKpis, DashboardRoi } from './reporting.queries';

function Panel(props: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label={props.title}
      h="100%"
    >
      <Group justify="space-between" align="baseline" gap="xs" mb="sm">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        {props.aside}
      </Group>
      {props.children}
    </Paper>
  );
}

function Figure(props: { label: string; value: string; large?: boolean; negative?: boolean }) {
  return (
    <div data-figure={props.label}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {props.label}
      </Text>
      <Text
        // Fluid sizes: large on a projector, still one line on a phone.
        fz={props.large ? 'clamp(2rem, 3.6vw, 3rem)' : 'clamp(1.25rem, 1.8vw, 1.5rem)'}
        fw={700}
        lh={1.15}
        c={props.negative ? 'red.8' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
      >
        {props.value}
      </Text>
    </div>
  );
}

/** ROI and risk-adjusted ROI of the cycle to date, large, with the cost, value and net behind them. */
export function RoiToDate(props: { roi: DashboardRoi; money: MoneyFormat; empty: ReactNode }) {
  const { roi, money } = props;
  const { totals } = roi;
  const nothing = isZero(totals.cost) && isZero(totals.value);
  return (
    <Panel
      title="ROI to date"
      aside={
        <Text size="sm" c="dimmed">
          {dayRange(roi.from, roi.to)}
        </Text>
      }
    >
      {nothing ? (
        props.empty
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md">
            <Figure
              label="ROI"
              value={formatPercent(totals.roi)}
              large
              negative={isNegative(totals.roi)}
            />
            <Figure
              label="Risk-adjusted ROI"
              value={formatPercent(totals.riskAdjustedRoi)}
              large
              negative={isNegative(totals.riskAdjustedRoi)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Figure label="Cost" value={money.format(totals.cost)} />
            <Figure label="Value" value={money.format(totals.value)} />
            <Figure
              label="Net return"
              value={money.format(totals.net)}
              negative={isNegative(totals.net)}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Risk-adjusted ROI counts each value at its attribution confidence: risk-adjusted value{' '}
            {money.format(totals.riskAdjustedValue)} of {money.format(totals.value)}.
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

/** How many KPIs stand where, as of the date. */
export function KpiStatusPanel(props: { kpis: DashboardKpis; overdue: number; empty: ReactNode }) {
  const { kpis } = props;
  const total = kpis.onTrack + kpis.atRisk + kpis.offTrack + kpis.noData;
  return (
    <Panel
      title="KPI status"
      aside={
        total > 0 && (
          <Text size="sm" c="dimmed">
            {total} KPIs
          </Text>
        )
      }
    >
      {total === 0 ? (
        props.empty
      ) : (
        <Stack gap="md">
          <KpiStatusCountTiles counts={kpis} />
          <Text size="sm" data-figure="Overdue milestones">
            <Text span fz={28} fw={700} c={props.overdue > 0 ? 'red.8' : undefined}>
              {props.overdue}
            </Text>{' '}
            milestone{props.overdue === 1 ? '' : 's'} overdue
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

/**
 * The KPIs at risk or off track, worst first, with who answers first for each (the miss
 * attribution) and the milestones behind an execution miss.
 */
export function KpisNeedingAttention(props: {
  kpis: DashboardKpis;
  kpiHref: (kpiId: string) => string;
  timelineHref: string;
}) {
  const { kpis } = props;
  const withData = kpis.onTrack + kpis.atRisk + kpis.offTrack;
  if (withData === 0) return null;
  return (
    <Panel
      title="KPIs needing attention"
      aside={
        <Anchor component={Link} to={props.timelineHref} size="sm">
          Timeline and burn-up
        </Anchor>
      }
    >
      {kpis.attention.length === 0 ? (
        <Text size="sm">Every KPI with data is on track: no miss to attribute.</Text>
      ) : (
        <Stack gap="md">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <MissSplit misses={kpis.misses} label="Who answers first" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <MissLegend />
            </Grid.Col>
          </Grid>
          <KpiTable
            kpis={kpis.attention}
            label="KPIs needing attention"
            kpiHref={(kpi) => props.kpiHref(kpi.kpiId)}
          />
        </Stack>
      )}
    </Panel>
  );
}
