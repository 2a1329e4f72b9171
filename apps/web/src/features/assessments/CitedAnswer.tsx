import { Anchor, Stack, Text } from '@mantine/core';
import type { Question, SubmittedAnswer } from './assessments.queries';

/** An answer as people read it: a rating with its anchor, a figure with its unit, a list. */
export function formatAnswerValue(answer: SubmittedAnswer, question: Question | undefined): string {
  const { value } = answer;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && question?.kind === 'scale') {
    const anchor = question.anchors?.[value - 1];
    return anchor ? `${value} of 5 (${anchor})` : `${value} of 5`;
  }
  if (typeof value === 'number' && question?.unit) return `${value} ${question.unit}`;
  return String(value);
}

/** The evidence of an answer in one line: its text, its figure, its link. */
export function formatEvidence(answer: SubmittedAnswer): string | null {
  const parts = [
    answer.evidence?.text,
    answer.evidence?.figure !== undefined ? String(answer.evidence.figure) : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** One cited answer: who gave it, to which question, what, and on what evidence. */
export function CitedAnswer(props: { answer: SubmittedAnswer; question: Question | undefined }) {
  const { answer, question } = props;
  const evidence = formatEvidence(answer);
  return (
    <Stack
      gap={0}
      component="li"
      pl="sm"
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      aria-label={`Answer by ${answer.respondentName}`}
    >
      <Text size="xs" c="dimmed">
        {answer.respondentName} · {question?.prompt ?? 'A question no longer in the template'}
      </Text>
      <Text size="sm" fw={600}>
        {formatAnswerValue(answer, question)}
      </Text>
      {evidence || answer.evidence?.url ? (
        <Text size="sm">
          Evidence: {evidence}
          {evidence && answer.evidence?.url ? ' · ' : ''}
          {answer.evidence?.url && (
            <Anchor href={answer.evidence.url} target="_blank" rel="noreferrer" size="sm">
              {answer.evidence.url}
            </Anchor>
          )}
        </Text>
      ) : (
        <Text size="sm" c="orange">
          No evidence given
        </Text>
      )}
    </Stack>
  );
}
