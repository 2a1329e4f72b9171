import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EXPERIMENT_OUTCOME } from '../../ui/plan-format';
import { formatReportDay } from './report-format';
import type { ExperimentLesson, OpenChallenge } from './reporting.queries';
import { ToneBadge } from './report-parts';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label={props.title}
    >
      <Title order={3} size="h4" mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/** Questions and challenges on the plan nobody has resolved yet, newest first. */
export function OpenChallenges(props: {
  challenges: OpenChallenge[];
  /** Where a challenge's subject lives, when it has a page. */
  subjectHref: (challenge: OpenChallenge) => string | undefined;
}) {
  return (
    <Section title="Open challenges">
      {props.challenges.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open questions or challenges on the plan.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {props.challenges.map((challenge) => {
            const href = props.subjectHref(challenge);
            return (
              <li key={challenge.id}>
                <Group gap={6} wrap="nowrap" align="baseline">
                  <ToneBadge size="sm" colour={challenge.kind === 'challenge' ? 'red' : 'blue'}>
                    {challenge.kind === 'challenge' ? 'Challenge' : 'Question'}
                  </ToneBadge>
                  {href ? (
                    <Anchor component={Link} to={href} size="sm" fw={600}>
                      {challenge.subjectLabel}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {challenge.subjectLabel}
                    </Text>
                  )}
                </Group>
                <Text size="sm" mt={2}>
                  {challenge.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {challenge.authorName ?? 'A former member'} ·{' '}
                  {formatReportDay(challenge.createdAt)}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

/** Experiments with a decision by the as-of date: what they tested, the verdict, the lesson. */
export function ExperimentsDecided(props: { experiments: ExperimentLesson[]; asOf: string }) {
  return (
    <Section title="Experiments decided">
      {props.experiments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No experiment had been decided by {formatReportDay(props.asOf)}.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {props.experiments.map((experiment) => {
            const outcome = EXPERIMENT_OUTCOME[experiment.outcome] ?? {
              label: experiment.outcome,
              colour: 'gray',
            };
            return (
              <li key={experiment.initiativeId}>
                <Group gap={6} align="baseline">
                  <ToneBadge size="sm" colour={outcome.colour}>
                    {outcome.label}
                  </ToneBadge>
                  <Text size="sm" fw={600}>
                    {experiment.code} · {experiment.name}
                  </Text>
                  {experiment.decisionDate && (
                    <Text size="xs" c="dimmed">
                      decided {formatReportDay(experiment.decisionDate)}
                    </Text>
                  )}
                </Group>
                {experiment.hypothesis && (
                  <Text size="sm" c="dimmed" mt={2}>
                    Hypothesis: {experiment.hypothesis}
                  </Text>
                )}
                <Text size="sm" mt={2}>
                  {experiment.lessons ? `Lesson: ${experiment.lessons}` : 'No lesson recorded yet.'}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
