import { Anchor, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { isIsoDate } from '@roi/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type Dashboard,
  type DashboardInterval,
  type DashboardView,
  useCycleChoices,
} from './reporting.queries';

/**
 * The dashboard's view lives in the address (?cycleId=&asOf=&interval=), so a view can be shared
 * and the back button returns to the last one. Each left out lets the API choose: the cycle
 * running on the date, today, by month.
 */
export function useDashboardView(): {
  view: DashboardView;
  choose: (change: Partial<DashboardView>) => void;
} {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const view: DashboardView = {
    cycleId: params.get('cycleId') || undefined,
    asOf: asOf && isIsoDate(asOf) ? asOf : undefined,
    interval: params.get('interval') === 'quarter' ? 'quarter' : 'month',
  };
  const choose = (change: Partial<DashboardView>) => {
    const next = { ...view, ...change };
    const search = new URLSearchParams();
    if (next.cycleId) search.set('cycleId', next.cycleId);
    if (next.asOf) search.set('asOf', next.asOf);
    if (next.interval === 'quarter') search.set('interval', 'quarter');
    setParams(search, { replace: true });
  };
  return { view, choose };
}

/** The cycle, the as-of date and month or quarter. */
export function DashboardControls(props: {
  view: DashboardView;
  choose: (change: Partial<DashboardView>) => void;
  dashboard: Dashboard | undefined;
}) {
  const { view, choose, dashboard } = props;
  // The first view needs the dashboard alone: the cycles are listed once the picker opens.
  const [picking, setPicking] = useState(false);
  const cycles = useCycleChoices(picking);
  const shown = dashboard?.cycle;
  const options = cycles.data
    ? cycles.data.map((cycle) => ({ value: cycle.id, label: cycle.name }))
    : shown
      ? [{ value: shown.id, label: shown.name }]
      : [];

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Strategy cycle"
        data={options}
        value={view.cycleId ?? shown?.id ?? null}
        onDropdownOpen={() => setPicking(true)}
        onChange={(cycleId) => cycleId && choose({ cycleId })}
        allowDeselect={false}
        nothingFoundMessage={cycles.isFetching ? 'Loading the cycles…' : 'No other cycle'}
        rightSectionPointerEvents="none"
        w={{ base: '100%', xs: 240 }}
      />
      <TextInput
        label="As of"
        type="date"
        value={view.asOf ?? dashboard?.asOf ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === '' || isIsoDate(value)) choose({ asOf: value || undefined });
        }}
        w={{ base: '100%', xs: 160 }}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="dashboard-interval">
          Cost and value by
        </Text>
        <SegmentedControl
          aria-labelledby="dashboard-interval"
          data={[
            { value: 'month', label: 'Month' },
            { value: 'quarter', label: 'Quarter' },
          ]}
          value={view.interval}
          onChange={(value) => choose({ interval: value as DashboardInterval })}
        />
      </Stack>
      {(view.cycleId || view.asOf) && (
        <Anchor
          component="button"
          size="sm"
          mb={8}
          onClick={() => choose({ cycleId: undefined, asOf: undefined })}
        >
          Back to today and the current cycle
        </Anchor>
      )}
    </Group>
  );
}
