import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import {
  type Assessment,
  type Finding,
  type Question,
  type SubmittedAnswer,
  useFindings,
  useSubmittedAnswers,
} from './assessments.queries';
import { CitedAnswer } from './CitedAnswer';
import { FindingForm } from './FindingForm';
import { useOrganisation } from '../../session/organisation';

const SEVERITY_COLOUR: Record<Finding['severity'], string> = {
  high: 'red',
  medium: 'orange',
  low: 'gray',
};

/** What the assessment shows, each finding resting on the answers it cites. */
export function FindingsSection(props: { assessment: Assessment }) {
  const { assessment } = props;
  const current = useOrganisation();
  const findings = useFindings(assessment.id);
  const answers = useSubmittedAnswers(assessment.id);
  const [recording, setRecording] = useState(false);
  const canRecord = current.can('assessments.manage') ?? false;
  const questions = new Map(assessment.questions.map((question) => [question.id, question]));
  const answersById = new Map((answers.data ?? []).map((answer) => [answer.id, answer]));

  return (
    <Stack component="section" aria-label="Findings">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4">
            Findings
          </Title>
          <Text size="sm" c="dimmed">
            What the answers show, each resting on the answers it cites. Objectives in the plan cite
            the findings they answer.
          </Text>
        </div>
        {canRecord && !recording && (
          <Button variant="light" onClick={() => setRecording(true)}>
            Record a finding
          </Button>
        )}
      </Group>
      {canRecord && recording && (
        <FindingForm
          assessment={assessment}
          answers={answers.data ?? []}
          answersLoading={answers.isPending}
          onDone={() => setRecording(false)}
        />
      )}
      {findings.isError || answers.isError ? (
        <ErrorState
          error={findings.error ?? answers.error}
          onRetry={() => void Promise.all([findings.refetch(), answers.refetch()])}
        />
      ) : findings.isPending || answers.isPending ? (
        <Skeleton height={120} />
      ) : findings.data.length === 0 ? (
        <EmptyState title="No finding yet">
          {canRecord
            ? 'Record what the results show (a gap between belief and evidence, a weak dimension) and cite the answers it rests on.'
            : 'The people running the assessment record findings here once the results are in.'}
        </EmptyState>
      ) : (
        findings.data.map((finding) => (
          <FindingCard
            key={finding.id}
            finding={finding}
            answers={answersById}
            questions={questions}
          />
        ))
      )}
    </Stack>
  );
}

function FindingCard(props: {
  finding: Finding;
  answers: Map<string, SubmittedAnswer>;
  questions: Map<string, Question>;
}) {
  const { finding } = props;
  return (
    <Paper withBorder p="md" component="article" aria-label={finding.title}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{finding.title}</Text>
          <Badge color={SEVERITY_COLOUR[finding.severity]} variant="light">
            {finding.severity}
          </Badge>
          {finding.dimension && (
            <Badge color="indigo" variant="outline">
              {finding.dimension}
            </Badge>
          )}
        </Group>
        {finding.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {finding.text}
          </Text>
        )}
        {finding.answerIds.length > 0 ? (
          <Stack gap={4}>
            <Text size="xs" fw={600} tt="uppercase" c="dimmed">
              Cited answers
            </Text>
            <Stack
              component="ul"
              gap="xs"
              aria-label="Cited answers"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {finding.answerIds.map((answerId) => {
                const answer = props.answers.get(answerId);
                return answer ? (
                  <CitedAnswer
                    key={answerId}
                    answer={answer}
                    question={props.questions.get(answer.questionId)}
                  />
                ) : (
                  <Text key={answerId} component="li" size="sm" c="dimmed">
                    An answer that is no longer submitted
                  </Text>
                );
              })}
            </Stack>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Cites no answer.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
