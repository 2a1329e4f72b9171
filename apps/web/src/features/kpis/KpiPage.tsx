import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { CommentsThread } from '../collaboration/CommentsThread';
import { KpiChart } from './KpiChart';
import { Measurements } from './Measurements';
import { formatDay, formatNumber, formatPercent, HEALTH } from '../../ui/plan-format';
import { type KpiDetail, useKpi, useObjective, useStrategyMap } from '../plan/plan.queries';
import { LiveBadge } from '../../ui/LiveBadge';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';
import { useInATaskOfItsOwn } from '../../ui/in-a-task-of-its-own';

// The form's code (and the map it offers objectives from) is loaded when someone edits.
const KpiForm = lazy(async () => ({ default: (await import('./KpiForm')).KpiForm }));

/**
 * One KPI: where it stands against where it should be by now, its path from baseline to target,
 * its measurements and the discussion around it.
 */
export function KpiPage() {
  const { kpiId = '' } = useParams();
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const [asOf, setAsOf] = useState('');
  const kpi = useKpi(kpiId, asOf || undefined);
  usePageTitle(kpi.data ? `KPI ${kpi.data.code} ${kpi.data.name}` : 'KPI');
  // The breadcrumb names the KPI's objective: one record, not the whole strategy map.
  const objective = useObjective(kpi.data?.objectiveId ?? '').data;
  const [editing, setEditing] = useState(false);
  // A KPI that arrives after the page has opened shows its figures at once, and the measurements
  // follow in a render React may interrupt; a KPI already there when the page opens (the router
  // waits for it as the app opens) is drawn with them in the first render. The chart always
  // comes in a task of its own after the rest is drawn: recharts measures and renders again as
  // it mounts.
  const later = useDeferredValue(kpi.data ?? null);
  const chartShown = useInATaskOfItsOwn(later !== null);

  if (kpi.isPending) return <Skeleton height={420} />;
  if (kpi.isError) return <ErrorState error={kpi.error} onRetry={() => void kpi.refetch()} />;
  const data = kpi.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/organisations/${orgId}/plan`} size="sm">
          Strategy map
        </Anchor>
        {objective && (
          <Text size="sm" c="dimmed">
            {objective.title}
          </Text>
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>
              <Text span c="dimmed" ff="monospace" inherit fz="h3" mr="xs">
                {data.code}
              </Text>
              {data.name}
            </Title>
            <LiveBadge />
          </Group>
          <Text size="sm" c="dimmed">
            {data.direction === 'increase' ? 'To increase' : 'To decrease'}
            {data.unit && `, in ${data.unit}`}
            {data.source && ` · source: ${data.source}`}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <TextInput
            label="Evaluate as of"
            type="date"
            size="xs"
            value={asOf}
            onChange={(event) => setAsOf(event.currentTarget.value)}
          />
          {current.can('plan.edit') && (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Edit KPI
            </Button>
          )}
        </Group>
      </Group>
      <Figures kpi={data} />
      <Paper withBorder p="md" component="section" aria-label="Trajectory">
        <Title order={3} size="h4" mb="xs">
          Trajectory
        </Title>
        {later && chartShown ? <KpiChart kpi={later} /> : <ChartPlaceholder />}
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="section" aria-label="Measurements">
          <Title order={3} size="h4" mb="xs">
            Measurements
          </Title>
          {later ? (
            <Measurements kpi={later} canRecord={current.can('execution.update') ?? false} />
          ) : (
            <Skeleton height={120} />
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            Questions and challenges
          </Title>
          <CommentsThread subjectType="kpi" subjectId={data.id} />
        </Paper>
      </SimpleGrid>
      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position="right"
        size="lg"
        title="Edit KPI"
        closeOnClickOutside={false}
      >
        {editing && (
          <Suspense fallback={<Skeleton height={420} />}>
            <KpiEditor kpi={data} onDone={() => setEditing(false)} />
          </Suspense>
        )}
      </Drawer>
    </Stack>
  );
}

/** The chart's tabs and box, the size KpiChart will take, while it is being built. */
function ChartPlaceholder() {
  return (
    <div aria-hidden>
      <Skeleton height={36} width={160} />
      <Skeleton height={340} mt="md" />
    </div>
  );
}

/** The KPI form, offering the objectives of the strategy map to move the KPI under. */
function KpiEditor(props: { kpi: KpiDetail; onDone: () => void }) {
  const map = useStrategyMap();
  if (map.isPending) return <Skeleton height={420} />;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} />;
  const objectives = map.data.outcomes.flatMap((outcome) =>
    outcome.objectives.map((objective) => ({ id: objective.id, title: objective.title })),
  );
  return <KpiForm objectives={objectives} kpi={props.kpi} onDone={props.onDone} />;
}

function Figure(props: { label: string; value: string; detail?: string; colour?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {props.label}
      </Text>
      <Text size="lg" fw={700} c={props.colour} lh={1.3}>
        {props.value}
      </Text>
      {props.detail && (
        <Text size="xs" c="dimmed">
          {props.detail}
        </Text>
      )}
    </Paper>
  );
}

function Figures(props: { kpi: KpiDetail }) {
  const { kpi } = props;
  const health = HEALTH[kpi.status];
  const gap =
    kpi.progress === null ? null : Math.round((kpi.progress - kpi.expectedProgress) * 100);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} role="region" aria-label="Figures">
      <Paper withBorder p="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Status
        </Text>
        <Badge size="lg" color={health.colour} variant="filled" mt={4}>
          {health.label}
        </Badge>
        <Text size="xs" c="dimmed" mt={4}>
          as of {formatDay(kpi.asOf)}
        </Text>
      </Paper>
      <Figure
        label="Current"
        value={formatNumber(kpi.current, kpi.unit)}
        detail={kpi.currentDate ? `measured ${formatDay(kpi.currentDate)}` : 'no measurement yet'}
      />
      <Figure
        label="Progress"
        value={formatPercent(kpi.progress)}
        detail="of the way from baseline to target"
        colour={health.colour}
      />
      <Figure
        label="Expected by now"
        value={formatPercent(kpi.expectedProgress)}
        detail={
          gap === null
            ? 'share of the time elapsed'
            : `${gap >= 0 ? `${gap} points ahead` : `${-gap} points behind`}`
        }
      />
      <Figure
        label="Baseline"
        value={formatNumber(kpi.baselineValue, kpi.unit)}
        detail={formatDay(kpi.baselineDate)}
      />
      <Figure
        label="Target"
        value={formatNumber(kpi.targetValue, kpi.unit)}
        detail={`by ${formatDay(kpi.targetDate)}`}
      />
    </SimpleGrid>
  );
}
