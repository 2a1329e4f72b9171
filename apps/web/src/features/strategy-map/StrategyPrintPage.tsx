import './print.css';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { KpiStatus } from '@roi/domain';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { usePlanVersions } from '../collaboration/collaboration.queries';
import {
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
  HEALTH,
  outcomeKindLabel,
} from '../../ui/plan-format';
import { type MapObjective, type StrategyMap, useStrategyMap } from '../plan/plan.queries';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const dot = (health: KpiStatus) => (
  <span
    aria-label={HEALTH[health].label}
    role="img"
    style={{
      display: 'inline-block',
      width: 8,
      height: 8,
      borderRadius: 8,
      marginRight: 4,
      flexShrink: 0,
      background: `var(--mantine-color-${HEALTH[health].colour}-6)`,
    }}
  />
);

/**
 * The whole strategy on one landscape sheet, for a board pack or a wall: outcomes side by side,
 * their objectives, KPIs against target and initiatives with who is accountable and responsible.
 */
export function StrategyPrintPage() {
  usePageTitle('Strategy on a page');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const map = useStrategyMap();
  const versions = usePlanVersions();
  useEffect(() => {
    document.body.classList.add('strategy-print');
    return () => document.body.classList.remove('strategy-print');
  }, []);
  const latest = versions.data?.[0];

  return (
    <Stack gap="sm">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/organisations/${orgId}/plan`} size="sm">
          ← Strategy map
        </Anchor>
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
      </Group>
      {map.isPending ? (
        <Skeleton height={520} />
      ) : map.isError ? (
        <ErrorState error={map.error} onRetry={() => void map.refetch()} />
      ) : map.data.outcomes.length === 0 ? (
        <EmptyState title="Nothing to print yet">
          Add business outcomes, objectives and KPIs on the strategy map first.
        </EmptyState>
      ) : (
        <Paper
          withBorder
          p="lg"
          className="strategy-sheet"
          component="article"
          aria-label="Strategy on a page"
        >
          <Group justify="space-between" align="flex-end" mb={8}>
            <div>
              <Text fw={800} fz={18} lh={1.2}>
                Strategy on a page
              </Text>
              <Text fz={12} c="dimmed">
                {current.membership.organisationName}
              </Text>
            </div>
            <div style={{ textAlign: 'right' }}>
              <Text fz={11}>
                As of {formatDay(map.data.asOf)}
                {latest
                  ? ` · plan version ${latest.number} ${latest.status}${latest.decidedAt ? ` ${formatDay(latest.decidedAt.slice(0, 10))}` : ''}`
                  : ' · draft, not yet submitted'}
              </Text>
              <Group gap={10} justify="flex-end" mt={2}>
                {(Object.keys(HEALTH) as KpiStatus[]).map((status) => (
                  <Text
                    key={status}
                    fz={10}
                    c="dimmed"
                    style={{ display: 'flex', alignItems: 'center' }}
                  >
                    {dot(status)}
                    {HEALTH[status].label}
                  </Text>
                ))}
              </Group>
            </div>
          </Group>
          <Sheet map={map.data} />
        </Paper>
      )}
    </Stack>
  );
}

function Sheet(props: { map: StrategyMap }) {
  const { map } = props;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${Math.min(map.outcomes.length, 4)}, minmax(0, 1fr))`,
        gap: 10,
      }}
    >
      {map.outcomes.map((outcome) => (
        <section key={outcome.id} aria-label={`Outcome: ${outcome.title}`}>
          <div
            className="strategy-block"
            style={{
              background: `var(--mantine-color-${HEALTH[outcome.health].colour}-0)`,
              borderTop: `3px solid var(--mantine-color-${HEALTH[outcome.health].colour}-6)`,
              padding: '6px 8px',
              marginBottom: 6,
            }}
          >
            <Text fz={9} tt="uppercase" fw={700} c="dimmed">
              {outcomeKindLabel(outcome.kind)} · owner {outcome.ownerName}
            </Text>
            <Text fw={700} fz={13} lh={1.25} style={{ display: 'flex', alignItems: 'baseline' }}>
              {dot(outcome.health)}
              {outcome.title}
            </Text>
          </div>
          {outcome.objectives.map((objective) => (
            <ObjectiveBlock key={objective.id} objective={objective} currency={map.currency} />
          ))}
        </section>
      ))}
    </div>
  );
}

function ObjectiveBlock(props: { objective: MapObjective; currency: string }) {
  const { objective } = props;
  return (
    <div
      className="strategy-block"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderLeft: `3px solid var(--mantine-color-${HEALTH[objective.health].colour}-6)`,
        padding: '5px 7px',
        marginBottom: 6,
      }}
    >
      <Text fw={700} fz={11.5} lh={1.25}>
        {objective.title}
      </Text>
      {objective.findings.length > 0 && (
        <Text fz={9.5} c="dimmed">
          Answers: {objective.findings.map((finding) => finding.title).join('; ')}
        </Text>
      )}
      {objective.kpis.length > 0 && <SubHeading>KPIs</SubHeading>}
      {objective.kpis.map((kpi) => (
        <Text key={kpi.id} fz={10.5} style={{ display: 'flex', alignItems: 'baseline' }} mt={2}>
          {dot(kpi.status)}
          <span>
            <b>{kpi.code}</b> {kpi.name}: {formatNumber(kpi.current ?? kpi.baselineValue, kpi.unit)}{' '}
            → {formatNumber(kpi.targetValue, kpi.unit)} by {formatDay(kpi.targetDate)}
            <Text span fz={9.5} c="dimmed">
              {' '}
              (
              {kpi.progress === null
                ? `no measurement yet; ${formatPercent(kpi.expectedProgress)} expected by now`
                : `${formatPercent(kpi.progress)} of the way, ${formatPercent(kpi.expectedProgress)} expected`}
              )
            </Text>
          </span>
        </Text>
      ))}
      {objective.initiatives.length > 0 && <SubHeading>Initiatives</SubHeading>}
      {objective.initiatives.map((initiative) => {
        const next = initiative.milestones.find(
          (milestone) => milestone.status === 'planned' || milestone.status === 'in_progress',
        );
        return (
          <Text
            key={initiative.id}
            fz={10.5}
            style={{ display: 'flex', alignItems: 'baseline' }}
            mt={2}
          >
            {dot(initiative.health)}
            <span>
              <b>{initiative.code}</b> {initiative.name}
              {initiative.isExperiment ? ' (experiment)' : ''}
              <Text span fz={9.5} c="dimmed">
                {' '}
                · {formatMoney(initiative.budget, props.currency)} · A {initiative.accountableName}{' '}
                · R {initiative.responsibleName}
                {next ? ` · next: ${next.title}, ${formatDay(next.dueDate)}` : ''}
              </Text>
            </span>
          </Text>
        );
      })}
    </div>
  );
}

function SubHeading(props: { children: string }) {
  return (
    <Text fz={8.5} fw={700} tt="uppercase" c="dimmed" mt={4} style={{ letterSpacing: 0.4 }}>
      {props.children}
    </Text>
  );
}
