import { Badge, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useOrganisation } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import { formatDay } from '../../ui/plan-format';
import { type Finding, useAssessments, useFindings } from '../assessments/assessments.queries';
import { useBaselineFigures } from '../assessments/respondents.queries';
import { MaturityRadar } from '../reporting/DashboardMaturity';
import { useDashboard } from '../reporting/reporting.queries';
import type { CycleSummary } from './current-cycle';
import { TONE } from './tones';
import { Loaded, SectionEmpty, SectionLink, WorkspaceSection } from './WorkspaceSection';

type AssessmentSummary = NonNullable<ReturnType<typeof useAssessments>['data']>[number];

const SEVERITY: Record<Finding['severity'], { label: string; colour: string }> = {
  high: { label: 'High', colour: TONE.red },
  medium: { label: 'Medium', colour: TONE.orange },
  low: { label: 'Low', colour: TONE.grey },
};

/**
 * Step 1, Assess: the cycle's assessments and where they stand, the maturity stage their results
 * give, the baseline figures they recorded and the findings drawn from them.
 */
export function AssessWorkspace(props: { cycle: CycleSummary }) {
  const { cycle } = props;
  const current = useOrganisation();
  const base = `/organisations/${current.organisationId}`;
  const assessments = useAssessments();
  const inCycle = (all: AssessmentSummary[]) =>
    all.filter((assessment) => assessment.cycleId === cycle.id);
  return (
    <Stack gap="md">
      <WorkspaceSection
        title="Assessments in this cycle"
        description="The empirical baseline: ratings with evidence, not opinion."
        link={{ to: `${base}/assessments`, label: 'All assessments' }}
      >
        <Loaded
          query={assessments}
          isEmpty={(all) => inCycle(all).length === 0}
          empty={
            <SectionEmpty
              action={
                current.can('assessments.manage') && (
                  <SectionLink to={`${base}/assessments`}>Start an assessment</SectionLink>
                )
              }
            >
              No assessment in {cycle.name} yet: start with the leadership pulse or the maturity
              assessment.
            </SectionEmpty>
          }
        >
          {(all) => <AssessmentList assessments={inCycle(all)} base={base} />}
        </Loaded>
      </WorkspaceSection>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Maturity cycle={cycle} base={base} />
        <BaselineFigures cycle={cycle} />
      </SimpleGrid>
      <WorkspaceSection
        title="Findings"
        description="What the answers show; objectives in the plan cite the findings they answer."
      >
        <Loaded
          query={assessments}
          isEmpty={(all) => inCycle(all).length === 0}
          empty={
            <SectionEmpty>Findings are recorded against the cycle’s assessments.</SectionEmpty>
          }
        >
          {(all) => (
            <Stack gap="md">
              {inCycle(all).map((assessment) => (
                <AssessmentFindings key={assessment.id} assessment={assessment} base={base} />
              ))}
            </Stack>
          )}
        </Loaded>
      </WorkspaceSection>
    </Stack>
  );
}

function AssessmentList(props: { assessments: AssessmentSummary[]; base: string }) {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.assessments.map((assessment) => (
        <li key={assessment.id}>
          <Group gap="xs" wrap="wrap" align="baseline">
            <SectionLink to={`${props.base}/assessments/${assessment.id}`}>
              {assessment.title}
            </SectionLink>
            <Badge
              variant="outline"
              color={assessment.status === 'open' ? TONE.blue : TONE.grey}
              size="sm"
            >
              {assessment.status === 'open' ? 'Open' : 'Closed'}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {assessment.submitted} response{assessment.submitted === 1 ? '' : 's'} submitted
            {assessment.deadline && ` · answers due by ${formatDay(assessment.deadline)}`}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/** The stage the cycle's latest closed maturity assessment scores, against the previous cycle. */
function Maturity(props: { cycle: CycleSummary; base: string }) {
  const dashboard = useDashboard({ cycleId: props.cycle.id, interval: 'month' });
  if (!dashboard.data) {
    return (
      <WorkspaceSection title="Maturity stage">
        {dashboard.isError ? (
          <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : (
          <Skeleton height={220} />
        )}
      </WorkspaceSection>
    );
  }
  return (
    <MaturityRadar
      maturity={dashboard.data.maturity}
      cycleName={props.cycle.name}
      empty={
        <SectionEmpty
          action={<SectionLink to={`${props.base}/assessments`}>Open the assessments</SectionLink>}
        >
          No maturity assessment has been closed in this cycle yet: its results give the stage.
        </SectionEmpty>
      }
    />
  );
}

function BaselineFigures(props: { cycle: CycleSummary }) {
  const figures = useBaselineFigures(props.cycle.id);
  return (
    <WorkspaceSection
      title="Baseline figures"
      description="Recorded when an assessment closed: the starting points the plan’s KPIs are measured from."
    >
      <Loaded
        query={figures}
        isEmpty={(data) => data.length === 0}
        empty={
          <SectionEmpty>
            No baseline figure yet: closing an assessment with number questions records them.
          </SectionEmpty>
        }
      >
        {(data) => (
          <Table verticalSpacing={6} aria-label="Baseline figures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Figure</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((figure) => (
                <Table.Tr key={figure.id}>
                  <Table.Td>
                    <Text size="sm">{figure.name}</Text>
                    <Text size="xs" c="dimmed">
                      {figure.dimension} · {formatDay(figure.measuredOn)} · {figure.respondents}{' '}
                      answer{figure.respondents === 1 ? '' : 's'}
                    </Text>
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                  >
                    {figure.value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}
                    {figure.unit ? ` ${figure.unit}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
    </WorkspaceSection>
  );
}

function AssessmentFindings(props: { assessment: AssessmentSummary; base: string }) {
  const { assessment } = props;
  const findings = useFindings(assessment.id);
  return (
    <Stack gap={6}>
      <Title order={4} size="h6">
        {assessment.title}
      </Title>
      <Loaded
        query={findings}
        height={48}
        isEmpty={(data) => data.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            No finding recorded{assessment.status === 'open' ? ' yet: it is still open' : ''}.
          </Text>
        }
      >
        {(data) => (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.map((finding) => (
              <li key={finding.id}>
                <Group gap={6} wrap="wrap" align="baseline">
                  <Badge variant="outline" size="sm" color={SEVERITY[finding.severity].colour}>
                    {SEVERITY[finding.severity].label}
                  </Badge>
                  <SectionLink to={`${props.base}/assessments/${assessment.id}`}>
                    {finding.title}
                  </SectionLink>
                  {finding.dimension && (
                    <Text size="xs" c="dimmed">
                      {finding.dimension}
                    </Text>
                  )}
                </Group>
                {finding.text && (
                  <Text size="sm" lineClamp={2}>
                    {finding.text}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
