import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the pages before signing in: the product's name and one card. */
export function AuthLayout(props: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w="100%" maw={440} gap="lg">
        <div>
          <Text fw={700} c="indigo">
            Return-on-Impact planner
          </Text>
          <Title order={1} size="h2">
            {props.title}
          </Title>
        </div>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {props.children}
        </Paper>
      </Stack>
    </Center>
  );
}
