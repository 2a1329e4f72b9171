import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatPercent } from '@roi/domain';
import { BudgetChart } from '../roi/BudgetChart';
import { NUMERIC } from '../../ui/ChartOrTable';
import { CostValueOverTime } from '../roi/CostValueOverTime';
import { isNegative } from '../roi/roi-chart-data';
import { RoiByGroupChart } from '../roi/RoiByGroupChart';
import type { BoardPackContent } from './board-packs.queries';
import type { PackFormat } from './BoardPackFormat';

/**
 * The money of the pack: ROI to date (the cycle's start to the as-of date) for the organisation,
 * by initiative with payback dates and by channel, budget against actual, and cost against value
 * month by month. Every figure is the API's, printed as the ROI page prints it.
 */
export function BoardPackMoney(props: { content: BoardPackContent; format: PackFormat }) {
  const { content, format } = props;
  const { money } = format;
  const { roi } = content;
  if (roi.groups.length === 0 && content.costValueByMonth.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text c="gray.7">
          Nothing was recorded between {format.day(roi.from)} and {format.day(roi.to)}: ROI needs
          costs and values.
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <RoiTotals content={content} format={format} />
      <RoiByGroupChart groups={roi.groups} groupBy="initiative" money={money} />
      <Payback content={content} format={format} />
      <RoiByGroupChart groups={content.roiByChannel.groups} groupBy="channel" money={money} />
      <BudgetChart initiatives={roi.groups} money={money} />
      <CostValueOverTime intervals={content.costValueByMonth} interval="month" money={money} />
    </Stack>
  );
}

function RoiTotals(props: { content: BoardPackContent; format: PackFormat }) {
  const { roi } = props.content;
  const { money } = props.format;
  const totals = roi.totals;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="ROI to date"
    >
      <Text size="sm" mb="xs">
        {props.format.day(roi.from)} – {props.format.day(roi.to)}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
        <Figure label="Cost" value={money.format(totals.cost)} />
        <Figure label="Value" value={money.format(totals.value)} />
        <Figure label="Net return" value={money.format(totals.net)} />
        <Figure label="ROI" value={formatPercent(totals.roi)} negative={isNegative(totals.roi)} />
        <Figure
          label="Risk-adjusted ROI"
          value={formatPercent(totals.riskAdjustedRoi)}
          negative={isNegative(totals.riskAdjustedRoi)}
        />
      </SimpleGrid>
      <Text size="sm" mt="sm">
        Risk-adjusted ROI counts each value at its attribution confidence: risk-adjusted value{' '}
        {money.format(totals.riskAdjustedValue)} of {money.format(totals.value)}.
      </Text>
    </Paper>
  );
}

function Figure(props: { label: string; value: string; negative?: boolean }) {
  return (
    <div data-figure={props.label}>
      <Text size="xs" tt="uppercase" fw={700} c="gray.7">
        {props.label}
      </Text>
      <Text
        fz={22}
        fw={700}
        c={props.negative ? 'red.9' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
      >
        {props.value}
      </Text>
    </div>
  );
}

/** When each initiative's running value first reached its running cost in the period. */
function Payback(props: { content: BoardPackContent; format: PackFormat }) {
  const { roi } = props.content;
  const paidBack = roi.groups.filter((group) => group.paybackDate).length;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="Payback by initiative"
    >
      <Title order={3} size="h4">
        Payback by initiative
      </Title>
      <Text size="sm" mb="xs">
        {paidBack} of {roi.groups.length} initiatives paid back between {props.format.day(roi.from)}{' '}
        and {props.format.day(roi.to)}: the first day their running value reached their running
        cost.
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table aria-label="Payback by initiative" verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Initiative</Table.Th>
              <Table.Th style={NUMERIC}>ROI</Table.Th>
              <Table.Th style={NUMERIC}>Payback date</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roi.groups.map((group) => (
              <Table.Tr key={group.key} data-key={group.key}>
                <Table.Td>
                  <Text size="sm">{group.label}</Text>
                  <Text size="xs" c="gray.7">
                    {group.key}
                  </Text>
                </Table.Td>
                <Table.Td style={NUMERIC}>{formatPercent(group.roi)}</Table.Td>
                <Table.Td style={NUMERIC}>
                  {group.paybackDate ? props.format.day(group.paybackDate) : 'Not yet'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
