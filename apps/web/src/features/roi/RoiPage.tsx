import {
  Anchor,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatPercent, isIsoDate } from '@roi/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrganisation } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { formatDay } from '../../ui/plan-format';
import { BudgetChart } from './BudgetChart';
import { CostValueOverTime } from './CostValueOverTime';
import { CumulativeChart } from './CumulativeChart';
import { useMoney, type MoneyFormat } from './money';
import { ReallocationPanel } from './ReallocationPanel';
import { isNegative } from './roi-chart-data';
import { GROUPING_LABEL, RoiByGroupChart } from './RoiByGroupChart';
import {
  type Period,
  type RoiFigures,
  type RoiGrouping,
  type RoiIntervalKind,
  useRoiReport,
} from './roi.queries';
import { usePageTitle } from '../../ui/page-title';

/**
 * Step 6, "Measure and adapt": what the work cost and returned in a period, by initiative,
 * objective, channel or activity, over time, against budget, and where budget could move.
 */
export function RoiPage() {
  usePageTitle('ROI and reallocation');
  const current = useOrganisation();
  const { money, error: moneyError, retry } = useMoney();
  const [period, setPeriod] = useState<Period>({});
  const [groupBy, setGroupBy] = useState<RoiGrouping>('initiative');
  const [interval, setIntervalKind] = useState<RoiIntervalKind>('month');
  const report = useRoiReport(period, groupBy, interval);
  // Payback and budget are the initiatives': the same query when grouping by initiative.
  const initiatives = useRoiReport(period, 'initiative', interval);
  const base = `/organisations/${current.organisationId}`;

  const setDay = (which: keyof Period) => (value: string) => {
    if (value === '' || isIsoDate(value))
      setPeriod((previous) => ({ ...previous, [which]: value || undefined }));
  };

  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          Step 6 · Measure and adapt
        </Text>
        <Title order={2}>Return on investment</Title>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="From"
          type="date"
          value={period.from ?? report.data?.from ?? ''}
          onChange={(event) => setDay('from')(event.currentTarget.value)}
          w={160}
        />
        <TextInput
          label="To"
          type="date"
          value={period.to ?? report.data?.to ?? ''}
          onChange={(event) => setDay('to')(event.currentTarget.value)}
          w={160}
        />
        <Select
          label="Group by"
          data={Object.entries(GROUPING_LABEL).map(([value, label]) => ({ value, label }))}
          value={groupBy}
          onChange={(value) => value && setGroupBy(value as RoiGrouping)}
          allowDeselect={false}
          w={160}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="roi-interval">
            Over time by
          </Text>
          <SegmentedControl
            aria-labelledby="roi-interval"
            data={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
            ]}
            value={interval}
            onChange={(value) => setIntervalKind(value as RoiIntervalKind)}
          />
        </Stack>
        {(period.from || period.to) && (
          <Anchor component="button" size="sm" onClick={() => setPeriod({})} mb={8}>
            Back to this fiscal year
          </Anchor>
        )}
      </Group>
      {report.isError || moneyError ? (
        <ErrorState
          error={report.error ?? moneyError}
          onRetry={() => {
            void report.refetch();
            retry();
          }}
        />
      ) : report.isPending || !money ? (
        <PageLoader />
      ) : report.data.groups.length === 0 ? (
        <EmptyState
          title="Nothing recorded in this period"
          action={
            current.can('ledgers.record') ? (
              <Group>
                <Anchor component={Link} to={`${base}/ledgers/costs`}>
                  Record costs
                </Anchor>
                <Anchor component={Link} to={`${base}/imports`}>
                  Import a CSV
                </Anchor>
              </Group>
            ) : undefined
          }
        >
          ROI needs costs and values dated between {formatDay(report.data.from)} and{' '}
          {formatDay(report.data.to)}.
        </EmptyState>
      ) : (
        <>
          <Headline
            totals={report.data.totals}
            money={money}
            from={report.data.from}
            to={report.data.to}
          />
          <RoiByGroupChart groups={report.data.groups} groupBy={groupBy} money={money} />
          <CostValueOverTime
            intervals={report.data.intervals ?? []}
            interval={interval}
            money={money}
          />
          {initiatives.data && (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <CumulativeChart
                initiatives={initiatives.data.groups}
                from={initiatives.data.from}
                money={money}
              />
              <BudgetChart initiatives={initiatives.data.groups} money={money} />
            </SimpleGrid>
          )}
          <ReallocationPanel period={period} money={money} />
        </>
      )}
    </Stack>
  );
}

/** The period's figures for the whole organisation, risk-adjusted ROI beside ROI. */
function Headline(props: { totals: RoiFigures; money: MoneyFormat; from: string; to: string }) {
  const { totals, money } = props;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="Totals for the period"
    >
      <Text size="sm" c="dimmed" mb="xs">
        {formatDay(props.from)} – {formatDay(props.to)}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
        <Figure label="Cost" value={money.format(totals.cost)} />
        <Figure label="Value" value={money.format(totals.value)} />
        <Figure label="Net return" value={money.format(totals.net)} />
        <Figure
          label="ROI"
          value={formatPercent(totals.roi)}
          large
          negative={isNegative(totals.roi)}
        />
        <Figure
          label="Risk-adjusted ROI"
          value={formatPercent(totals.riskAdjustedRoi)}
          large
          highlight
          negative={isNegative(totals.riskAdjustedRoi)}
        />
      </SimpleGrid>
      <Text size="sm" mt="sm">
        <b>Risk-adjusted ROI</b> counts each value at its attribution confidence: value we are 60%
        sure this work brought counts at 60%. Risk-adjusted value{' '}
        {money.format(totals.riskAdjustedValue)} of {money.format(totals.value)}.
      </Text>
    </Paper>
  );
}

function Figure(props: {
  label: string;
  value: string;
  large?: boolean;
  highlight?: boolean;
  /** A loss reads red, whatever the emphasis. */
  negative?: boolean;
}) {
  return (
    <div data-figure={props.label}>
      <Text size="xs" tt="uppercase" fw={700} c={props.highlight ? 'teal' : 'dimmed'}>
        {props.label}
      </Text>
      <Text
        fz={props.large ? 28 : 20}
        fw={props.large ? 700 : 600}
        c={props.negative ? 'red' : props.highlight ? 'teal' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
      >
        {props.value}
      </Text>
    </div>
  );
}
