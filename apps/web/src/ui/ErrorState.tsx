import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiProblem } from '../api/client';
import { NO_ACCESS_TITLE, refusalReason } from './no-access';

/**
 * Shows why something could not be loaded, with the request id support will ask for. A refusal
 * (403) reads like the page a role may not open: no access, and who can change that.
 */
export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const problem = props.error instanceof ApiProblem ? props.error.problem : undefined;
  const refused = problem?.status === 403;
  return (
    <Alert
      color={refused ? 'gray' : 'red'}
      title={refused ? NO_ACCESS_TITLE : (problem?.title ?? 'Something went wrong')}
      role="alert"
    >
      <Text size="sm">
        {refused ? refusalReason(problem.detail) : (problem?.detail ?? 'Please try again.')}
      </Text>
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {problem.requestId}
        </Text>
      )}
      {props.onRetry && !refused && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
