import { Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { useCycles } from '../cycles/cycles.queries';
import { useAssessment, useAssessmentActions } from './assessments.queries';
import { BaselineFigures } from './BaselineFigures';
import { FindingsSection } from './FindingsSection';
import { Questionnaire } from './Questionnaire';
import { RespondentsPanel } from './RespondentsPanel';
import { ResultsPanel } from './ResultsPanel';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

export function AssessmentPage() {
  const { assessmentId = '' } = useParams();

  const current = useOrganisation();
  const assessment = useAssessment(assessmentId);
  usePageTitle(assessment.data?.title ?? 'Assessment');
  const actions = useAssessmentActions(assessmentId);
  const cycles = useCycles();
  if (assessment.isPending) return <Skeleton height={300} />;
  if (assessment.isError)
    return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const data = assessment.data;
  const canRespond =
    data.status === 'open' &&
    (current.can('assessments.respond') ?? false) &&
    data.myResponse?.status !== 'submitted';
  // While open, who still has to answer comes before the results; once closed, after them.
  const respondents = (
    <RespondentsPanel assessment={data} manage={current.can('assessments.manage') ?? false} />
  );
  return (
    <Stack maw={900}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{data.title}</Title>
          <Group gap="xs">
            <Badge variant="light" color={data.status === 'open' ? 'blue' : 'gray'}>
              {data.status}
            </Badge>
            <Text size="sm" c="dimmed">
              {data.submitted} submitted
              {data.myResponse?.status === 'submitted' ? ' · you have submitted' : ''}
            </Text>
            {data.deadline && (
              <Text size="sm" c={data.status === 'open' ? 'orange' : 'dimmed'}>
                · answers due by {data.deadline}
              </Text>
            )}
          </Group>
        </div>
        {data.status === 'open' && current.can('assessments.manage') && (
          <Button
            variant="default"
            loading={actions.close.isPending}
            onClick={() => void actions.close.mutateAsync()}
          >
            Close assessment
          </Button>
        )}
      </Group>
      {canRespond && (
        <Questionnaire
          questions={data.questions}
          initialAnswers={data.myResponse?.answers ?? []}
          onSave={(answers) => actions.save.mutateAsync(answers)}
          onSubmit={() => actions.submit.mutateAsync()}
        />
      )}
      {data.status === 'open' && respondents}
      <ResultsPanel
        assessmentId={assessmentId}
        cycleName={cycles.data?.find((cycle) => cycle.id === data.cycleId)?.name ?? 'This cycle'}
      />
      {data.status === 'closed' && <BaselineFigures assessment={data} />}
      {data.status === 'closed' && respondents}
      <FindingsSection assessment={data} />
    </Stack>
  );
}
