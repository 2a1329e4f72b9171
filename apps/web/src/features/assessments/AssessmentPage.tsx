import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useCurrentOrganisation } from '../../app/current-organisation';
import { ErrorState } from '../../ui/ErrorState';
import {
  type Answer,
  type Assessment,
  type Question,
  useAssessment,
  useAssessmentActions,
} from './assessments.queries';
import { ResultsPanel } from './ResultsPanel';

export function AssessmentPage() {
  const { orgId = '', assessmentId = '' } = useParams();
  const current = useCurrentOrganisation();
  const assessment = useAssessment(orgId, assessmentId);
  const actions = useAssessmentActions(orgId, assessmentId);
  if (assessment.isPending) return <Skeleton height={300} />;
  if (assessment.isError)
    return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const data = assessment.data;
  const canRespond =
    data.status === 'open' &&
    (current?.can('assessments.respond') ?? false) &&
    data.myResponse?.status !== 'submitted';
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
          </Group>
        </div>
        {data.status === 'open' && current?.can('assessments.manage') && (
          <Button
            variant="default"
            loading={actions.close.isPending}
            onClick={() => void actions.close.mutateAsync()}
          >
            Close assessment
          </Button>
        )}
      </Group>
      {canRespond && <Questionnaire assessment={data} orgId={orgId} />}
      <ResultsPanel orgId={orgId} assessmentId={assessmentId} />
    </Stack>
  );
}

interface Draft {
  value: unknown;
  evidenceText: string;
  evidenceUrl: string;
}

function Questionnaire(props: { assessment: Assessment; orgId: string }) {
  const { assessment } = props;
  const actions = useAssessmentActions(props.orgId, assessment.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      (assessment.myResponse?.answers ?? []).map((answer) => [
        answer.questionId,
        {
          value: answer.value,
          evidenceText: answer.evidence?.text ?? '',
          evidenceUrl: answer.evidence?.url ?? '',
        },
      ]),
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const update = (questionId: string, change: Partial<Draft>) =>
    setDrafts((all) => ({
      ...all,
      [questionId]: {
        ...(all[questionId] ?? { value: undefined, evidenceText: '', evidenceUrl: '' }),
        ...change,
      },
    }));

  const answers = (): Answer[] =>
    Object.entries(drafts)
      .filter(
        ([, draft]) =>
          draft.value !== undefined &&
          draft.value !== '' &&
          !(Array.isArray(draft.value) && draft.value.length === 0),
      )
      .map(([questionId, draft]) => ({
        questionId,
        value: draft.value as Answer['value'],
        ...(draft.evidenceText.trim() || draft.evidenceUrl.trim()
          ? {
              evidence: {
                ...(draft.evidenceText.trim() ? { text: draft.evidenceText.trim() } : {}),
                ...(draft.evidenceUrl.trim() ? { url: draft.evidenceUrl.trim() } : {}),
              },
            }
          : {}),
      }));

  const run = async (submit: boolean) => {
    setProblem(null);
    try {
      await actions.save.mutateAsync(answers());
      if (submit) await actions.submit.mutateAsync();
      notifications.show({
        color: 'green',
        message: submit ? 'Your response is submitted' : 'Draft saved',
      });
    } catch (error) {
      setProblem(
        error instanceof ApiProblem ? (error.problem.detail ?? error.message) : 'Try again.',
      );
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack
        gap="lg"
        component="form"
        aria-label="Your answers"
        onSubmit={(event) => event.preventDefault()}
      >
        <Title order={3} size="h4">
          Your answers
        </Title>
        {assessment.questions.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            draft={drafts[question.id]}
            onChange={(change) => update(question.id, change)}
          />
        ))}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            loading={actions.save.isPending && !actions.submit.isPending}
            onClick={() => void run(false)}
          >
            Save draft
          </Button>
          <Button loading={actions.submit.isPending} onClick={() => void run(true)}>
            Submit
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function QuestionField(props: {
  question: Question;
  draft: Draft | undefined;
  onChange: (change: Partial<Draft>) => void;
}) {
  const { question, draft } = props;
  const label = (
    <Text fw={600} size="sm">
      {question.position + 1}. {question.prompt}
      {question.evidenceRequired && (
        <Text span c="orange" size="xs">
          {' '}
          (evidence required)
        </Text>
      )}
    </Text>
  );
  return (
    <Stack gap={6} role="group" aria-label={question.prompt}>
      {question.kind === 'scale' && (
        <Radio.Group
          label={label}
          value={draft?.value ? String(draft.value) : null}
          onChange={(rating) => props.onChange({ value: Number(rating) })}
        >
          <Group mt={6} gap="md">
            {[1, 2, 3, 4, 5].map((rating) => (
              <Radio
                key={rating}
                value={String(rating)}
                label={`${rating} ${question.anchors?.[rating - 1] ?? ''}`.trim()}
              />
            ))}
          </Group>
        </Radio.Group>
      )}
      {question.kind === 'number' && (
        <NumberInput
          label={label}
          description={question.unit ?? undefined}
          value={typeof draft?.value === 'number' ? draft.value : ''}
          onChange={(value) =>
            props.onChange({ value: typeof value === 'number' ? value : undefined })
          }
          w={260}
        />
      )}
      {question.kind === 'text' && (
        <Textarea
          label={label}
          autosize
          minRows={2}
          value={typeof draft?.value === 'string' ? draft.value : ''}
          onChange={(event) => props.onChange({ value: event.currentTarget.value })}
        />
      )}
      {question.kind === 'single_choice' && (
        <Select
          label={label}
          data={question.options ?? []}
          value={typeof draft?.value === 'string' ? draft.value : null}
          onChange={(value) => props.onChange({ value: value ?? undefined })}
        />
      )}
      {question.kind === 'multiple_choice' && (
        <Checkbox.Group
          label={label}
          value={Array.isArray(draft?.value) ? (draft.value as string[]) : []}
          onChange={(value) => props.onChange({ value })}
        >
          <Group mt={6}>
            {(question.options ?? []).map((option) => (
              <Checkbox key={option} value={option} label={option} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Group grow>
        <TextInput
          size="xs"
          placeholder="On what evidence? (a fact, a figure, a source)"
          aria-label={`Evidence for: ${question.prompt}`}
          value={draft?.evidenceText ?? ''}
          onChange={(event) => props.onChange({ evidenceText: event.currentTarget.value })}
        />
        <TextInput
          size="xs"
          placeholder="Link to the evidence (https://…)"
          aria-label={`Evidence link for: ${question.prompt}`}
          value={draft?.evidenceUrl ?? ''}
          onChange={(event) => props.onChange({ evidenceUrl: event.currentTarget.value })}
        />
      </Group>
    </Stack>
  );
}
