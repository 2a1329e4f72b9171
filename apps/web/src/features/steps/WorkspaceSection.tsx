import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';

/**
 * One part of a step's workspace: a titled region with, where the work continues elsewhere, the
 * link to the full page.
 */
export function WorkspaceSection(props: {
  title: string;
  description?: ReactNode;
  link?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label={props.title}
      h="100%"
    >
      <Stack gap="sm">
        <div>
          <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
            <Title order={3} size="h4">
              {props.title}
            </Title>
            {props.link && (
              <Anchor component={Link} to={props.link.to} size="sm" fw={600}>
                {props.link.label}
              </Anchor>
            )}
          </Group>
          {props.description && (
            <Text size="sm" c="dimmed">
              {props.description}
            </Text>
          )}
        </div>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** Nothing to show yet: says so in a sentence, with the way to add it when the person may. */
export function SectionEmpty(props: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap={4} py="xs">
      <Text size="sm" c="dimmed">
        {props.children}
      </Text>
      {props.action}
    </Stack>
  );
}

/** A link inside a section's text, to the page where the work is done. */
export function SectionLink(props: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={props.to} size="sm" fw={600}>
      {props.children}
    </Anchor>
  );
}

/**
 * The three states every section has before its content: loading, failed (with a retry) and
 * empty; the content renders only with data.
 */
export function Loaded<T>(props: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  height?: number;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Skeleton height={props.height ?? 96} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (props.isEmpty?.(query.data)) return <>{props.empty}</>;
  return <>{props.children(query.data)}</>;
}
