import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatPercent } from '@roi/domain';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import type { MoneyFormat } from './money';
import { type Period, type ReallocationItem, useReallocation } from './roi.queries';

/** Where budget could move: activities that could give and those that could receive, with why. */
export function ReallocationPanel(props: { period: Period; money: MoneyFormat }) {
  const reallocation = useReallocation(props.period);
  const data = reallocation.data;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="Reallocation"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            Reallocation
          </Title>
          <Text size="sm" c="dimmed">
            Activities ranked by ROI: those in the lowest quarter and below the organisation could
            give budget; those in the highest quarter and above it could receive.
          </Text>
        </div>
        {reallocation.isError ? (
          <ErrorState error={reallocation.error} onRetry={() => void reallocation.refetch()} />
        ) : !data ? (
          <PageLoader />
        ) : (
          <>
            <Group gap="xs">
              <Badge variant="light" size="lg">
                Organisation ROI {formatPercent(data.organisationRoi)}
              </Badge>
              <Badge variant="light" color="gray" size="lg">
                Lower quartile {formatPercent(data.lowerQuartile)}
              </Badge>
              <Badge variant="light" color="gray" size="lg">
                Upper quartile {formatPercent(data.upperQuartile)}
              </Badge>
              <Text size="sm" c="dimmed">
                {data.activitiesCompared} activities compared
              </Text>
            </Group>
            {data.explanation && (
              <Alert color="blue" title="Nothing to suggest" role="status">
                {data.explanation}
              </Alert>
            )}
            {!data.explanation && (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Suggestions
                  title="Could give budget"
                  items={data.give}
                  colour="orange"
                  money={props.money}
                />
                <Suggestions
                  title="Could receive budget"
                  items={data.receive}
                  colour="green"
                  money={props.money}
                />
              </SimpleGrid>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Suggestions(props: {
  title: string;
  items: ReallocationItem[];
  colour: string;
  money: MoneyFormat;
}) {
  return (
    <Stack gap="xs" aria-label={props.title} role="group">
      <Text fw={600}>{props.title}</Text>
      {props.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None in this period.
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {props.items.map((item) => (
            <List.Item key={item.activity}>
              <Group gap="xs" wrap="wrap">
                <Text fw={500}>{item.activity}</Text>
                <Badge color={props.colour} variant="light">
                  ROI {formatPercent(item.roi)}
                </Badge>
                <Text size="xs" c="dimmed">
                  cost {props.money.format(item.cost)} · value {props.money.format(item.value)}
                </Text>
              </Group>
              <Text size="sm">{item.reason}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
