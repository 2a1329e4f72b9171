import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState(props: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs" ta="center">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        <Text c="dimmed" maw={520}>
          {props.children}
        </Text>
        {props.action}
      </Stack>
    </Paper>
  );
}
