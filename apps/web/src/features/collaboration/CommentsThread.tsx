import { Badge, Button, Group, Paper, Radio, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { GrowingTextarea } from '../../ui/GrowingTextarea';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import {
  type Comment,
  type CommentSubject,
  useComments,
  usePostComment,
  useResolveComment,
} from './collaboration.queries';
import { useOrganisation } from '../../session/organisation';

const KIND: Record<Comment['kind'], { label: string; colour: string }> = {
  question: { label: 'Question', colour: 'blue' },
  challenge: { label: 'Challenge', colour: 'orange' },
  comment: { label: 'Comment', colour: 'gray' },
};

/**
 * The discussion of an outcome, objective or KPI: leaders question and challenge each other's
 * plan; questions and challenges stay open until someone resolves them, saying how.
 */
export function CommentsThread(props: { subjectType: CommentSubject; subjectId: string }) {
  const current = useOrganisation();
  const comments = useComments(props.subjectType, props.subjectId);
  const canComment = current.can('plan.comment') ?? false;
  const open = (comments.data ?? []).filter(
    (comment) => comment.kind !== 'comment' && !comment.resolved,
  ).length;
  return (
    <Stack gap="sm" component="section" aria-label="Discussion">
      {comments.isPending ? (
        <Skeleton height={80} />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <EmptyState title="No discussion yet">
          {canComment
            ? 'Ask a question or challenge it below: open questions and challenges show on the strategy map until they are resolved.'
            : 'Nobody has questioned or challenged it yet. Questions and challenges show here and on the strategy map until they are resolved.'}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {open === 0
              ? 'Nothing open.'
              : `${open} open question${open === 1 ? '' : 's'} or challenge${open === 1 ? '' : 's'}.`}
          </Text>
          {comments.data.map((comment) => (
            <CommentCard key={comment.id} comment={comment} canResolve={canComment} />
          ))}
        </>
      )}
      {canComment && <NewComment {...props} />}
    </Stack>
  );
}

function CommentCard(props: { comment: Comment; canResolve: boolean }) {
  const { comment } = props;
  const resolve = useResolveComment();
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const kind = KIND[comment.kind];
  const resolvable = comment.kind !== 'comment';
  const decide = async (resolved: boolean) => {
    setError(null);
    try {
      await resolve.mutateAsync({
        id: comment.id,
        version: comment.version,
        resolved,
        ...(resolved && resolution.trim() ? { resolution: resolution.trim() } : {}),
      });
      setResolving(false);
      setResolution('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Try again');
    }
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="article"
      aria-label={`${kind.label} by ${comment.authorName}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge size="sm" variant="light" color={kind.colour}>
              {kind.label}
            </Badge>
            <Text size="sm" fw={600}>
              {comment.authorName}
            </Text>
            <Text size="xs" c="dimmed">
              {new Date(comment.createdAt).toLocaleString('en-GB', {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </Text>
          </Group>
          {resolvable && (
            <Badge size="sm" color={comment.resolved ? 'green' : 'orange'} variant="outline">
              {comment.resolved ? 'Resolved' : 'Open'}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {comment.body}
        </Text>
        {comment.resolved && (
          <Text size="xs" c="green">
            Resolved by {comment.resolvedByName ?? 'someone'}
            {comment.resolution ? `: ${comment.resolution}` : ''}
          </Text>
        )}
        {props.canResolve && resolvable && !resolving && (
          <Group gap="xs">
            {comment.resolved ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => void decide(false)}
                loading={resolve.isPending}
              >
                Reopen
              </Button>
            ) : (
              <Button size="compact-xs" variant="light" onClick={() => setResolving(true)}>
                Resolve
              </Button>
            )}
          </Group>
        )}
        {resolving && (
          <Stack gap="xs">
            <Textarea
              size="xs"
              label="How was it answered?"
              autosize
              minRows={2}
              value={resolution}
              onChange={(event) => setResolution(event.currentTarget.value)}
              data-autofocus
            />
            <Group gap="xs">
              <Button size="xs" onClick={() => void decide(true)} loading={resolve.isPending}>
                Mark resolved
              </Button>
              <Button size="xs" variant="default" onClick={() => setResolving(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function NewComment(props: { subjectType: CommentSubject; subjectId: string }) {
  const post = usePostComment();
  const form = useForm({
    initialValues: { kind: 'question' as Comment['kind'], body: '' },
    validate: {
      body: (value) =>
        !value.trim()
          ? 'Write something first'
          : value.length > 5000
            ? 'At most 5000 characters'
            : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await post.mutateAsync({
        subjectType: props.subjectType,
        subjectId: props.subjectId,
        kind: values.kind,
        body: values.body.trim(),
      });
      form.reset();
    } catch (error) {
      showProblemInForm(form, error, 'body');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add to the discussion">
      <Stack gap="xs">
        {/* Radios rather than a segmented control: its sliding highlight measures the page as
            it appears (a forced layout of the whole KPI page, about 60 ms, as it opens). */}
        <Radio.Group size="xs" label="Kind" {...form.getInputProps('kind')}>
          <Group gap="md">
            {(['question', 'challenge', 'comment'] as const).map((kind) => (
              <Radio key={kind} value={kind} label={KIND[kind].label} />
            ))}
          </Group>
        </Radio.Group>
        <GrowingTextarea
          aria-label="Your question, challenge or comment"
          placeholder="What evidence says the target is reachable?"
          {...form.getInputProps('body')}
        />
        <Group>
          <Button type="submit" size="xs" loading={post.isPending}>
            Post
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
