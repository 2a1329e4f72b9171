import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import { PortfolioPage } from './PortfolioPage';
import type { PortfolioOrganisation } from './reporting.queries';

const GUILD = '369582bc-409e-48f4-a085-4c9b255cc88d';
const HARBOUR = '5c1f6f0e-2c57-4d0e-9a3b-6b8f0f6c1a11';

const guild: PortfolioOrganisation = {
  organisationId: GUILD,
  name: 'Guild of Independent Booksellers',
  role: 'consultant',
  asOf: '2026-12-02',
  cycle: {
    id: 'ba66b33e-648f-45d2-b369-d087476ccbad',
    name: 'FY2027 social strategy',
    startsOn: '2026-07-05',
    endsOn: '2027-08-04',
  },
  step: { key: 'plan', number: 3, name: 'Plan', status: 'in_progress' },
  kpis: { onTrack: 2, atRisk: 1, offTrack: 0, noData: 1 },
  roi: {
    from: '2026-07-05',
    to: '2026-12-02',
    currency: 'GBP',
    totals: {
      cost: '11368.27',
      value: '13535.60',
      riskAdjustedValue: '8897.92',
      net: '2167.33',
      roi: '0.1906',
      riskAdjustedRoi: '-0.2173',
    },
  },
  overdueMilestones: 4,
  misses: { strategy: 0, execution: 1, unplanned: 0 },
};

const harbour: PortfolioOrganisation = {
  organisationId: HARBOUR,
  name: 'Harbour Credit Union',
  role: 'owner',
  asOf: '2026-12-02',
  cycle: null,
  step: null,
  kpis: { onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 },
  roi: {
    from: '2026-04-01',
    to: '2026-12-02',
    currency: 'EUR',
    totals: {
      cost: '0.00',
      value: '0.00',
      riskAdjustedValue: '0.00',
      net: '0.00',
      roi: null,
      riskAdjustedRoi: null,
    },
  },
  overdueMilestones: 0,
  misses: { strategy: 0, execution: 0, unplanned: 0 },
};

describe('PortfolioPage', () => {
  it('shows each organisation side by side, leading into its dashboard', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = new URL((input as Request).url);
      if (url.pathname === '/api/v1/portfolio')
        return apiAnswer(200, { organisations: [guild, harbour] });
      return apiAnswer(200, {
        items: [
          { id: GUILD, name: guild.name, currency: 'GBP', locale: 'en-GB' },
          { id: HARBOUR, name: harbour.name, currency: 'EUR', locale: 'en-IE' },
        ],
      });
    });
    renderInOrganisation(<PortfolioPage />);

    const card = await screen.findByRole('article', { name: guild.name });
    expect(within(card).getByRole('link', { name: guild.name })).toHaveAttribute(
      'href',
      `/organisations/${GUILD}`,
    );
    expect(within(card).getByText('Consultant (external)')).toBeVisible();
    expect(card).toHaveTextContent('FY2027 social strategy · Step 3, Plan (in progress)');
    expect(card.querySelector('[data-kpi-count="at_risk"]')).toHaveTextContent('1At risk');
    expect(card.querySelector('[data-figure="ROI to date"]')).toHaveTextContent(
      'ROI to date19.06%Risk-adjusted -21.73% · 5 Jul 2026 – 2 Dec 2026',
    );
    expect(card.querySelector('[data-figure="Overdue milestones"]')).toHaveTextContent('4');
    expect(card).toHaveTextContent('Cost £11,368.27 · value £13,535.60 · net £2,167.33');
    await userEvent.click(within(card).getByRole('tab', { name: 'Table' }));
    const rows = within(within(card).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Execution1', 'Strategy0', 'Unplanned0']);
    expect(
      within(card).getByRole('link', { name: `Open the dashboard of ${guild.name}` }),
    ).toHaveAttribute('href', `/organisations/${GUILD}`);

    const other = screen.getByRole('article', { name: harbour.name });
    expect(other).toHaveTextContent('No strategy cycle yet');
    expect(other.querySelector('[data-figure="ROI to date"]')).toHaveTextContent('n/a');
    expect(other).toHaveTextContent('Cost €0.00');
    expect(within(other).getByRole('img', { name: /no misses to attribute/ })).toBeVisible();
  });
});
