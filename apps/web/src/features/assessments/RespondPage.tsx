import { Alert, Badge, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { AnswersReadOnly, Questionnaire } from './Questionnaire';
import {
  type ResponseLinkView,
  useResponseLink,
  useResponseLinkActions,
} from './respondents.queries';
import { usePageTitle } from '../../ui/page-title';

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const formatDay = (iso: string) => new Date(iso).toLocaleDateString(undefined, DAY);
/** A calendar day (YYYY-MM-DD) is the same day wherever the reader is. */
const formatCalendarDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { ...DAY, timeZone: 'UTC' });

/**
 * Where a response link lands: a senior manager without an account answers the assessment once,
 * without signing in. The token in the address is the only key.
 */
export function RespondPage() {
  const token = useParams().token ?? '';
  const link = useResponseLink(token);
  usePageTitle(link.data?.assessmentTitle ?? 'Answer an assessment');
  const actions = useResponseLinkActions(token);
  if (link.isPending) return <PageLoader />;
  if (link.isError) {
    return (
      <Frame>
        <LinkProblem error={link.error} onRetry={() => void link.refetch()} />
      </Frame>
    );
  }
  const view = link.data;
  const submitted = view.response?.status === 'submitted';
  return (
    <Frame view={view}>
      {submitted ? (
        <>
          <Alert color="green" title={`Thank you, ${view.respondentName}`} role="status">
            Your answers were submitted
            {view.response?.submittedAt ? ` on ${formatDay(view.response.submittedAt)}` : ''}. They
            count in the assessment now and no longer change; this link has done its work.
          </Alert>
          <AnswersReadOnly questions={view.questions} answers={view.response?.answers ?? []} />
        </>
      ) : view.assessmentStatus === 'closed' ? (
        <Alert color="orange" title="This assessment is closed" role="alert">
          {view.organisationName} has closed “{view.assessmentTitle}”: answers are no longer
          collected. Thank you all the same.
        </Alert>
      ) : (
        <>
          <Text>
            {view.organisationName} asks for your view, {view.respondentName}. Answer each question
            and say on what evidence: a fact, a figure or a link. You can save a draft and come back
            through the same link until {formatDay(view.expiresAt)}.
          </Text>
          <Questionnaire
            questions={view.questions}
            initialAnswers={view.response?.answers ?? []}
            onSave={(answers) => actions.save.mutateAsync(answers)}
            onSubmit={() => actions.submit.mutateAsync()}
          />
        </>
      )}
    </Frame>
  );
}

/** The page without the signed-in shell: the product's name, then what the link opens. */
function Frame(props: { view?: ResponseLinkView; children: ReactNode }) {
  const { view } = props;
  return (
    <Box mih="100vh" bg="gray.0" py="xl">
      <Container size={760}>
        <Stack gap="lg">
          <Text fw={700} c="indigo">
            Return-on-Impact planner
          </Text>
          {view && (
            <Paper withBorder p="lg" component="header">
              <Text size="sm" c="dimmed">
                {view.organisationName} · {view.templateName}
              </Text>
              <Title order={1} size="h2">
                {view.assessmentTitle}
              </Title>
              <Group gap="xs" mt="xs">
                <Text size="sm">
                  For <b>{view.respondentName}</b>
                </Text>
                {view.deadline && (
                  <Badge variant="light" color="orange">
                    Answers due by {formatCalendarDay(view.deadline)}
                  </Badge>
                )}
                {view.assessmentStatus === 'closed' && (
                  <Badge variant="light" color="gray">
                    closed
                  </Badge>
                )}
              </Group>
            </Paper>
          )}
          {props.children}
        </Stack>
      </Container>
    </Box>
  );
}

/** An unknown, expired or used link: say which, and what the holder can do about it. */
function LinkProblem(props: { error: unknown; onRetry: () => void }) {
  const problem = props.error instanceof ApiProblem ? props.error.problem : undefined;
  if (problem?.status === 404) {
    return (
      <Alert color="red" title="This link does not open anything" role="alert">
        Check that the whole link was copied. If it was, ask whoever sent it for a new one.
      </Alert>
    );
  }
  if (problem?.status === 410) {
    return (
      <Alert color="orange" title={problem.title} role="alert">
        {problem.detail ?? 'This response link no longer works.'}
      </Alert>
    );
  }
  return <ErrorState error={props.error} onRetry={props.onRetry} />;
}
