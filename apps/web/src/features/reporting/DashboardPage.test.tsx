import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import { DEMO_DASHBOARD } from './dashboard-test-data';
import type { Dashboard } from './reporting.queries';

const organisation = {
  id: ORGANISATION_ID,
  name: 'Guild of Independent Booksellers',
  description: 'Membership association of independent bookshops.',
  sector: null,
  currency: 'GBP',
  fiscalYearStartMonth: 4,
  timeZone: 'Europe/London',
  locale: 'en-GB',
  isDemo: false,
  version: 1,
  createdAt: '2026-12-02T07:25:17.937Z',
  updatedAt: '2026-12-02T07:25:17.937Z',
};

/** The API as the dashboard reads it; every URL asked for is kept. */
function answer(dashboard: () => Response) {
  const asked: URL[] = [];
  fetchMock.mockImplementation(async (input) => {
    const url = new URL((input as Request).url);
    asked.push(url);
    if (url.pathname.endsWith('/dashboard')) return dashboard();
    if (url.pathname === `/api/v1/organisations/${ORGANISATION_ID}`)
      return apiAnswer(200, organisation);
    return apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  return asked;
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('DashboardPage', () => {
  it('shows ROI to date, the KPI counts and the KPIs needing attention from one request', async () => {
    const asked = answer(() => apiAnswer(200, DEMO_DASHBOARD));
    renderInOrganisation(<DashboardPage />);

    const roi = await screen.findByRole('region', { name: 'ROI to date' });
    const figure = (label: string) => roi.querySelector(`[data-figure="${label}"]`)?.textContent;
    expect(figure('ROI')).toBe('ROI19.06%');
    expect(figure('Risk-adjusted ROI')).toBe('Risk-adjusted ROI-21.73%');
    expect(figure('Cost')).toBe('Cost£11,368.27');
    expect(figure('Net return')).toBe('Net return£2,167.33');
    expect(within(roi).getByText('5 Jul 2026 – 2 Dec 2026')).toBeInTheDocument();

    const status = screen.getByRole('region', { name: 'KPI status' });
    const count = (key: string) => status.querySelector(`[data-kpi-count="${key}"]`)?.textContent;
    expect([count('on_track'), count('at_risk'), count('off_track'), count('no_data')]).toEqual([
      '2On track',
      '1At risk',
      '0Off track',
      '1No data',
    ]);
    expect(within(status).getByText(/milestones overdue/)).toHaveTextContent(
      '4 milestones overdue',
    );

    const attention = screen.getByRole('table', { name: 'KPIs needing attention' });
    const [row] = within(attention).getAllByRole('row').slice(1);
    expect(within(row as HTMLElement).getByText('Execution')).toBeVisible();
    expect(within(row as HTMLElement).getByText('Owen Hughes, Programme Manager')).toBeVisible();
    expect(
      screen.getByRole('img', {
        name: 'Who answers first: 1 miss: 1 execution, 0 strategy and 0 unplanned.',
      }),
    ).toBeInTheDocument();

    // One request for the figures; the organisation's record only for its currency and locale.
    expect(asked.filter((url) => url.pathname.endsWith('/dashboard'))).toHaveLength(1);
    expect(asked.map((url) => url.pathname)).not.toContain(
      `/api/v1/organisations/${ORGANISATION_ID}/cycles`,
    );
  });

  it('holds the same figures in the table view of cost against value, by month then quarter', async () => {
    const asked = answer(() => apiAnswer(200, DEMO_DASHBOARD));
    renderInOrganisation(<DashboardPage />);
    const chart = await screen.findByRole('region', { name: 'Cost against value by month' });
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain(
      'value exceeded cost in 4 of 6 months',
    );
    await userEvent.click(within(chart).getByRole('tab', { name: 'Table' }));
    const rows = within(within(chart).getByRole('table')).getAllByRole('row').slice(1);
    expect(cellsOf(rows[2] as HTMLElement)).toEqual([
      'Sep 20261 Sep 2026 – 30 Sep 2026',
      '£1,858.73',
      '£2,859.93',
      '£1,937.16',
      '£1,001.20',
      '53.86%',
      '4.22%',
    ]);
    expect(cellsOf(rows[5] as HTMLElement).slice(-2)).toEqual(['n/a', 'n/a']);

    await userEvent.click(screen.getByRole('radio', { name: 'Quarter' }));
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('interval')).toBe('quarter'));
  });

  it('says there is no cycle yet and leads to the cycles, above the overview, on a 404', async () => {
    answer(() =>
      apiAnswer(404, {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'The organisation has no strategy cycle yet',
      }),
    );
    renderInOrganisation(<DashboardPage />);
    expect(await screen.findByText('No strategy cycle yet')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to Strategy cycles' })).toHaveAttribute(
      'href',
      `/organisations/${ORGANISATION_ID}/cycles`,
    );
    expect(
      await screen.findByRole('heading', { name: 'Guild of Independent Booksellers' }),
    ).toBeVisible();
    expect(screen.getByText('The strategy cycle')).toBeVisible();
  });

  it('says per section what is missing when a cycle has no KPIs and no money yet', async () => {
    const zero = { ...DEMO_DASHBOARD.roi.totals, cost: '0.00', value: '0.00', net: '0.00' };
    const empty: Dashboard = {
      ...DEMO_DASHBOARD,
      kpis: {
        onTrack: 0,
        atRisk: 0,
        offTrack: 0,
        noData: 0,
        attention: [],
        misses: DEMO_DASHBOARD.kpis.misses,
      },
      roi: { ...DEMO_DASHBOARD.roi, totals: zero, topInitiatives: [], bottomInitiatives: [] },
    };
    answer(() => apiAnswer(200, empty));
    renderInOrganisation(<DashboardPage />);
    const roi = await screen.findByRole('region', { name: 'ROI to date' });
    expect(
      within(roi).getByText(/No costs or values recorded between 5 Jul 2026 and 2 Dec 2026/),
    ).toBeVisible();
    expect(within(roi).getByRole('link', { name: 'Record costs' })).toBeVisible();
    const status = screen.getByRole('region', { name: 'KPI status' });
    expect(within(status).getByText(/No KPIs yet/)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'KPIs needing attention' })).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Top and bottom initiatives by ROI' })).getByText(
        /No costs or values recorded/,
      ),
    ).toBeVisible();
  });
});
