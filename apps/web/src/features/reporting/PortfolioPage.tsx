import {
  Anchor,
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { formatPercent, isExternalRole, ROLE_LABELS } from '@roi/domain';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { useOrganisations } from '../organisations/organisations.queries';
import { type MoneyFormat, moneyFormat } from '../roi/money';
import { isNegative } from './dashboard-chart-data';
import { dayRange } from './report-format';
import { KpiStatusCountTiles, MissSplit, ToneBadge } from './report-parts';
import { type PortfolioOrganisation, usePortfolio } from './reporting.queries';
import { usePageTitle } from '../../ui/page-title';

const STEP_STATUS_TEXT: Record<string, string> = {
  in_progress: 'in progress',
  not_started: 'not started',
  done: 'done',
};

/**
 * For a person serving several organisations (a consultant, a group executive): each of them side
 * by side as of its own today, leading into its dashboard.
 */
export function PortfolioPage() {
  usePageTitle('Portfolio');
  const portfolio = usePortfolio();
  // Each organisation's money is written in its own currency and locale.
  const organisations = useOrganisations();
  const locales = new Map(
    (organisations.data?.items ?? []).map((organisation) => [organisation.id, organisation.locale]),
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Portfolio</Title>
        <Text c="dimmed" size="sm">
          Your organisations side by side, each as of today in its own time zone: where its cycle
          stands, its KPIs, ROI to date and who answers for its misses.
        </Text>
      </div>
      {portfolio.isError ? (
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : portfolio.isPending || organisations.isPending ? (
        <PageLoader />
      ) : portfolio.data.organisations.length === 0 ? (
        <EmptyState
          title="No organisations yet"
          action={
            <Anchor component={Link} to="/organisations">
              Your organisations
            </Anchor>
          }
        >
          Join or create an organisation to see it here.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {portfolio.data.organisations.map((organisation) => (
            <OrganisationCard
              key={organisation.organisationId}
              organisation={organisation}
              money={moneyFormat(
                organisation.roi.currency,
                locales.get(organisation.organisationId) ?? 'en-GB',
              )}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function OrganisationCard(props: { organisation: PortfolioOrganisation; money: MoneyFormat }) {
  const { organisation, money } = props;
  const { totals } = organisation.roi;
  const href = `/organisations/${organisation.organisationId}`;
  const external = isExternalRole(organisation.role);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={`portfolio-${organisation.organisationId}`}
      data-organisation={organisation.organisationId}
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={`portfolio-${organisation.organisationId}`}>
            <Anchor component={Link} to={href} inherit>
              {organisation.name}
            </Anchor>
          </Title>
          <ToneBadge colour={external ? 'orange' : 'indigo'}>
            {ROLE_LABELS[organisation.role]}
          </ToneBadge>
        </Group>
        <Text size="sm">
          {organisation.cycle ? (
            <>
              <b>{organisation.cycle.name}</b>
              {' · '}
              {organisation.step
                ? `Step ${organisation.step.number}, ${organisation.step.name} (${STEP_STATUS_TEXT[organisation.step.status] ?? organisation.step.status})`
                : 'all six steps done'}
            </>
          ) : (
            <Text span c="dimmed" size="sm">
              No strategy cycle yet
            </Text>
          )}
        </Text>
        <KpiStatusCountTiles counts={organisation.kpis} size="sm" />
        <Divider />
        <SimpleGrid cols={2} spacing="sm">
          <div data-figure="ROI to date">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              ROI to date
            </Text>
            <Text
              fz={28}
              fw={700}
              lh={1.15}
              c={isNegative(totals.roi) ? 'red.8' : undefined}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {formatPercent(totals.roi)}
            </Text>
            <Text size="xs" c="dimmed">
              Risk-adjusted {formatPercent(totals.riskAdjustedRoi)} ·{' '}
              {dayRange(organisation.roi.from, organisation.roi.to)}
            </Text>
          </div>
          <div data-figure="Overdue milestones">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              Overdue milestones
            </Text>
            <Text
              fz={28}
              fw={700}
              lh={1.15}
              c={organisation.overdueMilestones > 0 ? 'red.8' : undefined}
            >
              {organisation.overdueMilestones}
            </Text>
          </div>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Cost {money.format(totals.cost)} · value {money.format(totals.value)} · net{' '}
          {money.format(totals.net)}
        </Text>
        <MissSplit misses={organisation.misses} label="Misses by who answers first" />
        <Group justify="flex-end" mt="auto">
          <Button
            component={Link}
            to={href}
            variant="light"
            size="xs"
            aria-label={`Open the dashboard of ${organisation.name}`}
          >
            Open the dashboard
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
