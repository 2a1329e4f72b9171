import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiProblem } from '../api/client';

/** Shows why something could not be loaded, with the request id support will ask for. */
export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const problem = props.error instanceof ApiProblem ? props.error.problem : undefined;
  return (
    <Alert color="red" title={problem?.title ?? 'Something went wrong'} role="alert">
      <Text size="sm">{problem?.detail ?? 'Please try again.'}</Text>
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {problem.requestId}
        </Text>
      )}
      {props.onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
