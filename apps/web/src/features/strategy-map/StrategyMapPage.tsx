import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import type { CommentSubject } from '../collaboration/collaboration.queries';
import { ChallengesButton, EditButton, HealthBadge, InitiativeCard, KpiRow } from './MapItems';
import { formatDay, HEALTH, outcomeKindLabel } from '../../ui/plan-format';
import {
  type MapObjective,
  type MapOutcome,
  type StrategyMap,
  useStrategyMap,
} from '../plan/plan.queries';
import { LiveBadge } from '../../ui/LiveBadge';
import { PlanEditor } from './PlanEditor';
import type { EditorTarget } from './plan-editor-target';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

// What opens over the map (a milestone with its check-ins and forms, a discussion with its comment
// box) loads when first opened; the map is read far more often. The milestone drawer is imported
// from its own module, not the execution folder's index, so that it becomes a chunk of its own.
const MilestoneDrawer = lazy(async () => ({
  default: (await import('../execution/MilestoneDrawer')).MilestoneDrawer,
}));
const CommentsThread = lazy(async () => ({
  default: (await import('../collaboration/CommentsThread')).CommentsThread,
}));

interface Discussion {
  subjectType: CommentSubject;
  subjectId: string;
  title: string;
}

interface MapActions {
  map: StrategyMap;
  canEdit: boolean;
  edit: (target: EditorTarget) => void;
  discuss: (discussion: Discussion) => void;
  openMilestone: (milestoneId: string) => void;
}

const SEVERITY_COLOUR: Record<string, string> = { high: 'red', medium: 'orange', low: 'gray' };

/**
 * The strategy map: business outcomes, the objectives under them, and for each objective its KPIs
 * and the initiatives serving it with their milestones, coloured by status, editable in place by
 * whoever may shape the plan, and live: other people's changes appear as they are saved.
 */
export function StrategyMapPage() {
  usePageTitle('Strategy map');
  const orgId = useOrganisationId();
  const current = useOrganisation();
  const map = useStrategyMap();
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [discussion, setDiscussion] = useState<Discussion | null>(null);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const [milestoneOpened, setMilestoneOpened] = useState(false);
  const canEdit = current.can('plan.edit') ?? false;
  // The map is built in a render React may interrupt (a large plan is hundreds of cards), so the
  // page keeps answering while it is built; the header shows the data's date at once.
  const shown = useDeferredValue(map.data ?? null, null);
  const openMilestone = (id: string) => {
    setMilestoneOpened(true);
    setMilestoneId(id);
  };

  return (
    <Stack>
      {/* The header keeps its shape while the map loads: the line that names the date and the
          open challenges spans the page below the buttons (beside them, it pushed them onto a
          line of their own and the whole map down), and "Add outcome" holds its place. */}
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>Strategy map</Title>
          <LiveBadge />
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/organisations/${orgId}/plan/print`} variant="default">
            Strategy on a page
          </Button>
          <Button component={Link} to={`/organisations/${orgId}/plan/versions`} variant="default">
            Versions
          </Button>
          {canEdit && (
            <Button disabled={!map.data} onClick={() => setEditor({ kind: 'outcome' })}>
              Add outcome
            </Button>
          )}
        </Group>
      </Group>
      <Text c="dimmed" size="sm" mt={-8}>
        Outcomes → objectives → KPIs and initiatives → milestones
        {map.data && ` · as of ${formatDay(map.data.asOf)}`}
        {map.data && map.data.openChallenges > 0 && (
          <Text span c="orange" size="sm">
            {' '}
            · {map.data.openChallenges} open question
            {map.data.openChallenges === 1 ? '' : 's'} or challenge
            {map.data.openChallenges === 1 ? '' : 's'}
          </Text>
        )}
      </Text>
      <Legend />
      {map.isPending || (map.data && !shown) ? (
        <Stack>
          <Skeleton height={180} />
          <Skeleton height={180} />
        </Stack>
      ) : map.isError ? (
        <ErrorState error={map.error} onRetry={() => void map.refetch()} />
      ) : !shown ? null : shown.outcomes.length === 0 ? (
        <EmptyState
          title="No business outcome yet"
          action={
            canEdit && (
              <Button onClick={() => setEditor({ kind: 'outcome' })}>Add the first outcome</Button>
            )
          }
        >
          Start from what the organisation wants (more revenue, lower costs, members who stay), give
          each outcome an owner, then add the objectives, KPIs and initiatives that serve it.
        </EmptyState>
      ) : (
        <Stack gap="lg">
          {shown.outcomes.map((outcome) => (
            <OutcomeSection
              key={outcome.id}
              outcome={outcome}
              map={shown}
              canEdit={canEdit}
              edit={setEditor}
              discuss={setDiscussion}
              openMilestone={openMilestone}
            />
          ))}
        </Stack>
      )}
      {map.data && <PlanEditor map={map.data} target={editor} onClose={() => setEditor(null)} />}
      <Drawer
        opened={Boolean(discussion)}
        onClose={() => setDiscussion(null)}
        position="right"
        size="md"
        title={discussion ? `Discussion: ${discussion.title}` : ''}
      >
        {discussion && (
          <Suspense fallback={<Skeleton height={200} />}>
            <CommentsThread subjectType={discussion.subjectType} subjectId={discussion.subjectId} />
          </Suspense>
        )}
      </Drawer>
      {milestoneOpened && (
        <Suspense fallback={null}>
          <MilestoneDrawer milestoneId={milestoneId} onClose={() => setMilestoneId(null)} />
        </Suspense>
      )}
    </Stack>
  );
}

function Legend() {
  return (
    <Group gap="xs" aria-label="Status colours">
      {Object.entries(HEALTH).map(([status, health]) => (
        <Badge key={status} variant="dot" color={health.colour} size="xs">
          {health.label}
        </Badge>
      ))}
      <Text size="xs" c="dimmed">
        An objective or outcome takes the worst status of the KPIs beneath it; an initiative, of its
        milestones.
      </Text>
    </Group>
  );
}

function OutcomeSection(props: MapActions & { outcome: MapOutcome }) {
  const { outcome } = props;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={`Outcome: ${outcome.title}`}
      style={{ borderTop: `4px solid var(--mantine-color-${HEALTH[outcome.health].colour}-6)` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Badge variant="light" size="sm">
                {outcomeKindLabel(outcome.kind)}
              </Badge>
              <HealthBadge health={outcome.health} />
            </Group>
            <Group gap={4} mt={4} wrap="nowrap">
              <Title order={3} size="h4">
                {outcome.title}
              </Title>
              {props.canEdit && (
                <EditButton
                  label={`Edit outcome ${outcome.title}`}
                  onClick={() => props.edit({ kind: 'outcome', id: outcome.id })}
                />
              )}
            </Group>
            <Text size="sm" c="dimmed">
              Owner: {outcome.ownerName}
            </Text>
          </div>
          <ChallengesButton
            count={outcome.openChallenges}
            label={outcome.title}
            onClick={() =>
              props.discuss({ subjectType: 'outcome', subjectId: outcome.id, title: outcome.title })
            }
          />
        </Group>
        {outcome.objectives.length === 0 && (
          <Text size="sm" c="dimmed">
            No objective yet: say how social will move this outcome.
          </Text>
        )}
        {outcome.objectives.map((objective) => (
          <ObjectiveSection key={objective.id} {...props} objective={objective} />
        ))}
        {props.canEdit && (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => props.edit({ kind: 'objective', outcomeId: outcome.id })}
              aria-label={`Add an objective to ${outcome.title}`}
            >
              + Objective
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ObjectiveSection(props: MapActions & { objective: MapObjective }) {
  const orgId = useOrganisationId();
  const { objective } = props;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="var(--mantine-color-gray-0)"
      component="section"
      aria-label={`Objective: ${objective.title}`}
      style={{ borderLeft: `4px solid var(--mantine-color-${HEALTH[objective.health].colour}-6)` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap={6} wrap="nowrap" align="center">
            <Text fw={600} size="md" lh={1.3}>
              {objective.title}
            </Text>
            <HealthBadge health={objective.health} size="xs" />
            {props.canEdit && (
              <EditButton
                label={`Edit objective ${objective.title}`}
                onClick={() => props.edit({ kind: 'objective', id: objective.id })}
              />
            )}
          </Group>
          <ChallengesButton
            count={objective.openChallenges}
            label={objective.title}
            onClick={() =>
              props.discuss({
                subjectType: 'objective',
                subjectId: objective.id,
                title: objective.title,
              })
            }
          />
        </Group>
        {objective.findings.length > 0 && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              Answers findings:
            </Text>
            {objective.findings.map((finding) => (
              <Anchor
                key={finding.id}
                component={Link}
                to={`/organisations/${orgId}/assessments/${finding.assessmentId}`}
                size="xs"
              >
                <Badge
                  size="sm"
                  variant="outline"
                  color={SEVERITY_COLOUR[finding.severity] ?? 'gray'}
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                >
                  {finding.title}
                </Badge>
              </Anchor>
            ))}
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          <Stack gap={6} aria-label={`KPIs of ${objective.title}`} component="section">
            <ColumnHeading
              title="KPIs"
              canAdd={props.canEdit}
              addLabel={`Add a KPI to ${objective.title}`}
              onAdd={() => props.edit({ kind: 'kpi', objectiveId: objective.id })}
            />
            {objective.kpis.length === 0 && (
              <Text size="xs" c="dimmed">
                No KPI yet: how will you know it worked?
              </Text>
            )}
            {objective.kpis.map((kpi) => (
              <KpiRow
                key={kpi.id}
                kpi={kpi}
                href={`/organisations/${orgId}/plan/kpis/${kpi.id}`}
                canEdit={props.canEdit}
                onEdit={() => props.edit({ kind: 'kpi', id: kpi.id })}
              />
            ))}
          </Stack>
          <Stack gap={6} aria-label={`Initiatives of ${objective.title}`} component="section">
            <ColumnHeading
              title="Initiatives"
              canAdd={props.canEdit}
              addLabel={`Add an initiative to ${objective.title}`}
              onAdd={() => props.edit({ kind: 'initiative', objectiveId: objective.id })}
            />
            {objective.initiatives.length === 0 && (
              <Text size="xs" c="dimmed">
                No initiative serves it yet.
              </Text>
            )}
            {objective.initiatives.map((initiative) => (
              <InitiativeCard
                key={initiative.id}
                initiative={initiative}
                currency={props.map.currency}
                canEdit={props.canEdit}
                onEdit={() => props.edit({ kind: 'initiative', id: initiative.id })}
                onAddMilestone={() =>
                  props.edit({ kind: 'milestone', initiativeId: initiative.id })
                }
                onOpenMilestone={props.openMilestone}
              />
            ))}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function ColumnHeading(props: {
  title: string;
  canAdd: boolean;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {props.title}
      </Text>
      {props.canAdd && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={props.onAdd}
          aria-label={props.addLabel}
        >
          + Add
        </Button>
      )}
    </Group>
  );
}
