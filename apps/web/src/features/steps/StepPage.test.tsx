import { MantineProvider } from '@mantine/core';
import type { Role } from '@roi/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { OrganisationContext } from '../../session/organisation';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, organisationAs } from '../../test/render';
import { StepPage } from './StepPage';

// A few requests in turn (the organisation's today, its cycles, the cycle) before the page shows.
const SLOW = { timeout: 5000 };
const BASE = `/api/v1/organisations/${ORGANISATION_ID}`;
const CYCLE_ID = '22222222-2222-4222-8222-222222222222';
const cycleSummary = {
  id: CYCLE_ID,
  name: 'FY2026 social strategy',
  startsOn: '2026-04-01',
  endsOn: '2099-03-31',
  previousCycleId: null,
  version: 1,
};
const envision = {
  id: '33333333-3333-4333-8333-333333333333',
  key: 'envision',
  number: 2,
  name: 'Envision',
  purpose: "Tie social to the organisation's purpose and to business outcomes it can measure",
  produces: 'business outcomes with owners',
  status: 'done',
  ownerUserId: null,
  ownerName: 'Maeve Lonergan',
  plannedStart: null,
  plannedEnd: null,
  progress: 1,
  canSignOff: true,
  blockers: [],
  signedOffAt: '2026-05-01T15:30:00Z',
  signedOffByName: 'Maeve Lonergan',
  reopenReason: null,
  criteria: [
    { id: '55555555-5555-4555-8555-555555555551', text: 'Outcomes owned', done: true, version: 2 },
  ],
  version: 3,
};

/** The API as the step's page reads it; anything else answers 404. */
function answer(routes: Record<string, unknown>) {
  fetchMock.mockImplementation(async (input) => {
    const path = new URL((input as Request).url).pathname;
    return path in routes
      ? apiAnswer(200, routes[path])
      : apiAnswer(404, { title: 'Not Found', status: 404 });
  });
}

function renderStep(stepKey: string, role: Role = 'owner') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[`/organisations/${ORGANISATION_ID}/steps/${stepKey}`]}>
          <OrganisationContext.Provider value={organisationAs(role)}>
            <Routes>
              <Route path="/organisations/:orgId/steps/:stepKey" element={<StepPage />} />
            </Routes>
          </OrganisationContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const organisation = {
  id: ORGANISATION_ID,
  name: 'Guild of Independent Booksellers',
  description: 'A membership association of independent bookshops.',
  currency: 'GBP',
  locale: 'en-GB',
  timeZone: 'Europe/London',
};

describe('StepPage', () => {
  it('leads to starting a cycle when the organisation has none', async () => {
    answer({ [BASE]: organisation, [`${BASE}/cycles`]: [] });
    renderStep('plan');
    expect(await screen.findByText('No strategy cycle yet', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Plan', level: 2 })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Start a strategy cycle' })).toHaveAttribute(
      'href',
      `/organisations/${ORGANISATION_ID}/cycles`,
    );
    expect(screen.queryByText(/on their way/)).toBeNull();
  });

  it('points a board member, who may not start one, to the cycles', async () => {
    answer({ [BASE]: organisation, [`${BASE}/cycles`]: [] });
    renderStep('plan', 'board_member');
    expect(
      await screen.findByRole('link', { name: 'See the strategy cycles' }, SLOW),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Start a strategy cycle' })).toBeNull();
  });

  it('opens the current cycle’s step with its header, then the step’s own work', async () => {
    answer({
      [BASE]: organisation,
      [`${BASE}/cycles`]: [cycleSummary],
      [`${BASE}/cycles/${CYCLE_ID}`]: { ...cycleSummary, steps: [envision] },
      [`${BASE}/strategy-map`]: {
        asOf: '2026-09-03',
        currency: 'GBP',
        openChallenges: 0,
        outcomes: [
          {
            id: 'o1',
            title: 'Members who stay',
            kind: 'retention',
            ownerName: 'Tom Achebe',
            health: 'on_track',
            openChallenges: 0,
            objectives: [],
          },
        ],
      },
    });
    renderStep('envision');
    const header = await screen.findByRole('region', { name: 'Step 2 of 6: Envision' }, SLOW);
    expect(within(header).getByText('Signed off')).toBeVisible();
    expect(within(header).getByText(/Owner: Maeve Lonergan/)).toBeVisible();
    const purpose = await screen.findByRole('region', { name: 'Purpose' });
    expect(
      await within(purpose).findByText('A membership association of independent bookshops.'),
    ).toBeVisible();
    const outcomes = screen.getByRole('region', { name: 'Business outcomes' });
    const outcome = await within(outcomes).findByRole('article', { name: 'Members who stay' });
    expect(within(outcome).getByText('Owner: Tom Achebe')).toBeVisible();
  });

  it('says so when the step’s work cannot be loaded, with a retry', async () => {
    answer({
      [BASE]: organisation,
      [`${BASE}/cycles`]: [cycleSummary],
      [`${BASE}/cycles/${CYCLE_ID}`]: { ...cycleSummary, steps: [envision] },
    });
    renderStep('envision');
    const outcomes = await screen.findByRole('region', { name: 'Business outcomes' }, SLOW);
    expect(await within(outcomes).findByRole('alert', {}, SLOW)).toBeVisible();
    expect(within(outcomes).getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('answers an unknown step as a page that is not there', () => {
    answer({});
    renderStep('celebrate');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
