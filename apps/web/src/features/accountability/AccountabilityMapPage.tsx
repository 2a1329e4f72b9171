import './print.css';
import { Alert, Anchor, Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { BOTH_ROLES_GAP_THRESHOLD } from '@roi/domain';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useOrganisation } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { type MoneyFormat, useMoney } from '../roi/money';
import { type AccountabilityMap, useAccountabilityMap } from './accountability.queries';
import { GAP_TITLE } from './accountability-cells';
import { AccountabilityGrid } from './AccountabilityGrid';
import { ChangeHolderModal, type HolderChange } from './ChangeHolderModal';
import { InitiativeHolders } from './InitiativeHolders';
import { usePageTitle } from '../../ui/page-title';

/**
 * Step 4, "Organise": who is accountable (strategy) and who is responsible (execution) for each
 * initiative, each person's load, and the gaps. Those who edit the plan change a holder here;
 * everyone may print it.
 */
export function AccountabilityMapPage() {
  usePageTitle('Accountability map');
  const current = useOrganisation();
  const map = useAccountabilityMap();
  const { money, error: moneyError, retry } = useMoney();
  useEffect(() => {
    document.body.classList.add('accountability-print');
    return () => document.body.classList.remove('accountability-print');
  }, []);

  return (
    <Stack className="accountability-sheet">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" c="dimmed">
            Step 4 · Organise
          </Text>
          <Title order={2}>Accountability map</Title>
          <Text size="sm" c="dimmed">
            {current.membership.organisationName}
          </Text>
        </div>
        <Button variant="default" className="no-print" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      {map.isPending || (!money && !moneyError) ? (
        <PageLoader />
      ) : map.isError || !money ? (
        <ErrorState
          error={map.error ?? moneyError}
          onRetry={() => {
            void map.refetch();
            retry();
          }}
        />
      ) : map.data.initiatives.length === 0 ? (
        <EmptyState
          title="No initiatives yet"
          action={
            <Anchor component={Link} to={`/organisations/${current.organisationId}/plan`}>
              Open the strategy map
            </Anchor>
          }
        >
          The map shows who is accountable and who is responsible for each initiative. Add
          initiatives to the plan first.
        </EmptyState>
      ) : (
        <MapView map={map.data} money={money} canEdit={current.can('plan.edit')} />
      )}
    </Stack>
  );
}

function MapView(props: { map: AccountabilityMap; money: MoneyFormat; canEdit: boolean }) {
  const { map, money } = props;
  const [change, setChange] = useState<HolderChange | null>(null);
  // The initiative as the map has it now: a live change to it reaches the open form.
  const changing = change && {
    ...change,
    initiative:
      map.initiatives.find((initiative) => initiative.id === change.initiative.id) ??
      change.initiative,
  };
  const onChange = props.canEdit
    ? (initiative: HolderChange['initiative'], role: HolderChange['role']) =>
        setChange({ initiative, role })
    : undefined;
  const views = { map, money, ...(onChange ? { onChange } : {}) };
  return (
    <>
      <Text size="sm">
        Accountable: owns the strategy and answers for whether it was the right one. Responsible:
        carries out the work and answers for delivering it.
      </Text>
      <Gaps map={map} />
      <Box visibleFrom="sm" className="accountability-grid">
        <AccountabilityGrid {...views} />
      </Box>
      <Box hiddenFrom="sm" className="accountability-list">
        <InitiativeHolders {...views} />
      </Box>
      <ChangeHolderModal change={changing} people={map.people} onClose={() => setChange(null)} />
    </>
  );
}

function Gaps(props: { map: AccountabilityMap }) {
  const { gaps } = props.map;
  if (gaps.length === 0) {
    return (
      <Text size="sm" role="status">
        No gaps: every initiative has a member accountable and a member responsible, no outside
        consultant is accountable, and nobody holds both roles on {BOTH_ROLES_GAP_THRESHOLD}{' '}
        initiatives or more.
      </Text>
    );
  }
  return (
    <Alert
      color="orange"
      title={
        gaps.length === 1
          ? '1 gap in who answers for what'
          : `${gaps.length} gaps in who answers for what`
      }
      className="accountability-gaps"
      // Orange on its own light background is below 4.5:1; the title keeps the text's colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <List size="sm" spacing={4} aria-label="Gaps">
        {gaps.map((gap) => (
          <List.Item key={`${gap.kind}-${gap.initiativeId ?? ''}-${gap.userId ?? ''}`}>
            <Text span fw={700} size="sm">
              {GAP_TITLE[gap.kind]}:
            </Text>{' '}
            {gap.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
