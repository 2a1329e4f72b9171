import '@mantine/charts/styles.css';
import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One figure of a report (the ROI page, the dashboard): a title, a sentence that says what the
 * chart shows with its key numbers (its text alternative, also read out for the drawing), and the
 * chart or the same figures as a table.
 */
export function ChartOrTable(props: {
  title: string;
  /** What the chart shows in words; the drawing's accessible name too. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  controls?: ReactNode;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: ReactNode;
  /** Fills the height of its grid cell, so figures side by side line up. */
  fill?: boolean;
}) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label={props.title}
      h={props.fill ? '100%' : undefined}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {props.title}
          </Title>
          <Text size="sm" c="dimmed">
            {props.summary}
          </Text>
        </div>
        {props.controls}
        {props.empty ?? (
          <Tabs defaultValue="chart" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="chart">Chart</Tabs.Tab>
              <Tabs.Tab value="table">Table</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart" pt="md">
              <div role="img" aria-label={props.summary}>
                {props.chart}
              </div>
            </Tabs.Panel>
            <Tabs.Panel value="table" pt="md">
              {props.table}
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}

/** A right-aligned figure cell with digits that line up. */
export const NUMERIC = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;
