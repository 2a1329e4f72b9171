import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  type PlanVersion,
  useDecidePlan,
  useSubmitPlan,
} from '../collaboration/collaboration.queries';

/** The working draft sent for approval, with a note saying what changed. */
export function SubmitDraft() {
  const submit = useSubmitPlan();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label="Submit the draft">
      <Stack gap="xs">
        <Textarea
          label="Submit the draft for approval"
          description="Say what changed, for the approvers."
          placeholder="Adds the podcast experiment; moves £2,000 from paid promotion to the inbox rota"
          autosize
          minRows={2}
          value={note}
          error={error}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button
            loading={submit.isPending}
            onClick={async () => {
              setError(null);
              if (note.length > 2000) return setError('At most 2000 characters');
              try {
                const version = await submit.mutateAsync(note.trim() ? { note: note.trim() } : {});
                notifications.show({
                  color: 'green',
                  message: `Submitted as version ${version.number}`,
                });
                setNote('');
              } catch (caught) {
                setError(caught instanceof Error ? caught.message : 'Try again');
              }
            }}
          >
            Submit draft
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A leader's decision on a submitted version: a rejection must give its reason. */
export function DecisionForm(props: {
  version: PlanVersion;
  decision: 'approve' | 'reject';
  onDone: () => void;
}) {
  const decide = useDecidePlan();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rejecting = props.decision === 'reject';
  return (
    <Stack>
      <Text size="sm">
        {rejecting
          ? 'Say what has to change; the plan stays a draft.'
          : 'An approved version is frozen: later changes make the next draft.'}
      </Text>
      <Textarea
        label={rejecting ? 'Why is it rejected?' : 'Note (optional)'}
        autosize
        minRows={2}
        value={note}
        error={error}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button
          color={rejecting ? 'red' : 'green'}
          loading={decide.isPending}
          onClick={async () => {
            setError(null);
            if (rejecting && !note.trim()) return setError('Give the reason');
            try {
              await decide.mutateAsync({
                number: props.version.number,
                decision: props.decision,
                version: props.version.version,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
              notifications.show({
                color: 'green',
                message: `Version ${props.version.number} ${rejecting ? 'rejected' : 'approved'}`,
              });
              props.onDone();
            } catch (caught) {
              setError(caught instanceof Error ? caught.message : 'Try again');
            }
          }}
        >
          {rejecting ? 'Reject' : 'Approve'}
        </Button>
      </Group>
    </Stack>
  );
}
