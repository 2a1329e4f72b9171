import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiProblem } from '../api/client';

export interface DeleteTarget<Type extends string = string> {
  type: Type;
  id: string;
  /** How the record reads in a sentence: `the objective "Answer every question"`. */
  label: string;
}

/**
 * Deleting asks once; when others depend on the record the API refuses and says which (409), and
 * only then, after reading that, can the user confirm deleting them too.
 */
export function DeleteRecordDialog<Type extends string>(props: {
  target: DeleteTarget<Type> | null;
  /** The feature's delete: `cascade` deletes what depends on the record too. */
  remove: {
    mutateAsync: (input: { type: Type; id: string; cascade: boolean }) => Promise<unknown>;
    isPending: boolean;
  };
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { remove } = props;
  const [dependents, setDependents] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setDependents(null);
    setFailure(null);
    props.onClose();
  };
  const run = async (cascade: boolean) => {
    if (!props.target) return;
    setFailure(null);
    try {
      await remove.mutateAsync({ type: props.target.type, id: props.target.id, cascade });
      notifications.show({ color: 'green', message: 'Deleted' });
      close();
      props.onDeleted?.();
    } catch (error) {
      if (!cascade && error instanceof ApiProblem && error.status === 409) {
        setDependents(error.problem.detail ?? error.message);
      } else {
        setFailure(error instanceof Error ? error.message : 'That did not work; try again.');
      }
    }
  };
  return (
    <Modal
      opened={Boolean(props.target)}
      onClose={close}
      title={dependents ? 'Others depend on it' : 'Delete?'}
    >
      <Stack>
        {dependents ? (
          <>
            <Alert color="orange" role="alert">
              {dependents.replace(/\s*\(cascade=true\)/, '')}
            </Alert>
            <Text size="sm">
              Delete {props.target?.label} together with everything that depends on it? This cannot
              be undone.
            </Text>
          </>
        ) : (
          <Text size="sm">Delete {props.target?.label}?</Text>
        )}
        {failure && (
          <Text size="sm" c="red" role="alert">
            {failure}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          {dependents ? (
            <Button color="red" loading={remove.isPending} onClick={() => void run(true)}>
              Delete all of it
            </Button>
          ) : (
            <Button color="red" loading={remove.isPending} onClick={() => void run(false)}>
              Delete
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
