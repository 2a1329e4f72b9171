import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import type { Answer, Question } from './assessments.queries';
import {
  answeredQuestions,
  answersOf,
  clientErrors,
  type Draft,
  draftsOf,
  EMPTY_DRAFT,
  type QuestionErrors,
  type SavedAnswer,
  serverErrors,
} from './questionnaire-drafts';

export type { SavedAnswer };

/**
 * The questions of an assessment with the respondent's answers and the evidence behind each:
 * answered by a member in the app and by a manager through a response link alike. The caller
 * decides where answers are saved (`onSave`) and submitted (`onSubmit`, after a save).
 */
export function Questionnaire(props: {
  questions: Question[];
  initialAnswers: readonly SavedAnswer[];
  onSave: (answers: Answer[]) => Promise<unknown>;
  onSubmit: () => Promise<unknown>;
  title?: string;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsOf(props.initialAnswers));
  const [errors, setErrors] = useState<Record<string, QuestionErrors>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<'save' | 'submit' | null>(null);

  const update = (questionId: string, change: Partial<Draft>) => {
    setDrafts((all) => ({
      ...all,
      [questionId]: { ...(all[questionId] ?? EMPTY_DRAFT), ...change },
    }));
    setErrors((all) => {
      if (!all[questionId]) return all;
      const rest = { ...all };
      delete rest[questionId];
      return rest;
    });
  };

  const answered = answeredQuestions(props.questions, drafts);

  const run = async (submitting: boolean) => {
    setProblem(null);
    const found = clientErrors(props.questions, drafts, submitting);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem('Some answers need attention: see the questions marked in red.');
      return;
    }
    if (submitting && answered.length === 0) {
      setProblem('Answer at least one question before you submit.');
      return;
    }
    setPending(submitting ? 'submit' : 'save');
    try {
      await props.onSave(answersOf(props.questions, drafts));
      if (submitting) await props.onSubmit();
      notifications.show({
        color: 'green',
        message: submitting ? 'Your response is submitted' : 'Draft saved',
      });
    } catch (error) {
      const fromServer = error instanceof ApiProblem ? serverErrors(error, answered) : {};
      setErrors(fromServer);
      setProblem(
        Object.keys(fromServer).length > 0
          ? 'Some answers need attention: see the questions marked in red.'
          : error instanceof ApiProblem
            ? (error.problem.detail ?? error.message)
            : 'That did not work; try again.',
      );
    } finally {
      setPending(null);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack
        gap="lg"
        component="form"
        aria-label={props.title ?? 'Your answers'}
        onSubmit={(event) => event.preventDefault()}
      >
        <Title order={3} size="h4">
          {props.title ?? 'Your answers'}
        </Title>
        {props.questions.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            draft={drafts[question.id]}
            errors={errors[question.id]}
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
            loading={pending === 'save'}
            disabled={pending === 'submit'}
            onClick={() => void run(false)}
          >
            Save draft
          </Button>
          <Button
            loading={pending === 'submit'}
            disabled={pending === 'save'}
            onClick={() => void run(true)}
          >
            Submit
          </Button>
          <Text size="xs" c="dimmed">
            A submitted response no longer changes.
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

function QuestionField(props: {
  question: Question;
  draft: Draft | undefined;
  errors: QuestionErrors | undefined;
  onChange: (change: Partial<Draft>) => void;
}) {
  const { question, draft } = props;
  const valueError = props.errors?.value;
  const label = (
    <Text fw={600} size="sm" span>
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
          error={valueError}
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
          error={valueError}
          description={question.unit ?? undefined}
          value={typeof draft?.value === 'number' ? draft.value : ''}
          onChange={(value) =>
            props.onChange({ value: typeof value === 'number' ? value : undefined })
          }
          maw={360}
        />
      )}
      {question.kind === 'text' && (
        <Textarea
          label={label}
          error={valueError}
          autosize
          minRows={2}
          value={typeof draft?.value === 'string' ? draft.value : ''}
          onChange={(event) => props.onChange({ value: event.currentTarget.value })}
        />
      )}
      {question.kind === 'single_choice' && (
        <Select
          label={label}
          error={valueError}
          data={question.options ?? []}
          value={typeof draft?.value === 'string' ? draft.value : null}
          onChange={(value) => props.onChange({ value: value ?? undefined })}
          maw={420}
        />
      )}
      {question.kind === 'multiple_choice' && (
        <Checkbox.Group
          label={label}
          error={valueError}
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
      <Group grow align="flex-start">
        <TextInput
          size="xs"
          placeholder="On what evidence? (a fact, a figure, a source)"
          aria-label={`Evidence for: ${question.prompt}`}
          error={props.errors?.evidence}
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

/** An answer as people read it: a rating with its anchor, a figure with its unit, a list. */
function formatValue(value: unknown, question: Question): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && question.kind === 'scale') {
    const anchor = question.anchors?.[value - 1];
    return anchor ? `${value} of 5 (${anchor})` : `${value} of 5`;
  }
  if (typeof value === 'number' && question.unit) return `${value} ${question.unit}`;
  return String(value);
}

/** Answers that no longer change (a submitted response), question by question. */
export function AnswersReadOnly(props: {
  questions: Question[];
  answers: readonly SavedAnswer[];
  title?: string;
}) {
  const byQuestion = new Map(props.answers.map((answer) => [answer.questionId, answer]));
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title ?? 'Your answers'}>
      <Stack gap="md">
        <Title order={3} size="h4">
          {props.title ?? 'Your answers'}
        </Title>
        {props.questions.map((question) => {
          const answer = byQuestion.get(question.id);
          const evidence = answer?.evidence;
          return (
            <Stack key={question.id} gap={2}>
              <Text size="sm" fw={600}>
                {question.position + 1}. {question.prompt}
              </Text>
              {answer ? (
                <Text size="sm">{formatValue(answer.value, question)}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Not answered
                </Text>
              )}
              {evidence && (evidence.text || evidence.url) && (
                <Text size="sm" c="dimmed">
                  Evidence: {evidence.text}
                  {evidence.text && evidence.url ? ' · ' : ''}
                  {evidence.url && (
                    <Anchor href={evidence.url} target="_blank" rel="noreferrer" size="sm">
                      {evidence.url}
                    </Anchor>
                  )}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
