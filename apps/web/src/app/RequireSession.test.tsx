import type { Role } from '@roi/domain';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_ASKED_FOR } from '../session/landing';
import { OrganisationContext } from '../session/organisation';
import { ORGANISATION_ID, organisationAs } from '../test/render';
import { OrganisationFrontPage } from './RequireSession';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

/** The organisation's index as the router has it, for a member holding `role`. */
function open(role: Role, entry: string | { pathname: string; search?: string; state?: unknown }) {
  const router = createMemoryRouter(
    [
      {
        path: 'organisations/:orgId',
        element: (
          <OrganisationContext.Provider value={organisationAs(role)}>
            <Outlet />
            <Where />
          </OrganisationContext.Provider>
        ),
        children: [
          {
            element: <OrganisationFrontPage />,
            children: [{ index: true, element: <h2>The dashboard</h2> }],
          },
          { path: 'board-packs', element: <h2>Board packs</h2> },
          { path: 'execution', element: <h2>Milestones</h2> },
        ],
      },
    ],
    { initialEntries: [entry] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const front = `/organisations/${ORGANISATION_ID}`;

describe('OrganisationFrontPage', () => {
  it.each(['owner', 'executive', 'consultant'] as const)(
    'opens the dashboard for %s',
    async (role) => {
      open(role, front);
      expect(await screen.findByRole('heading', { name: 'The dashboard' })).toBeVisible();
    },
  );

  it('lands a board member on the board packs', async () => {
    open('board_member', front);
    expect(await screen.findByRole('heading', { name: 'Board packs' })).toBeVisible();
    expect(screen.getByTestId('where')).toHaveTextContent(`${front}/board-packs`);
  });

  it('lands a program manager on their own milestones', async () => {
    open('program_manager', front);
    expect(await screen.findByRole('heading', { name: 'Milestones' })).toBeVisible();
    expect(screen.getByTestId('where')).toHaveTextContent(`${front}/execution?view=mine`);
  });

  it('still opens the dashboard when the nav asks for it', async () => {
    open('board_member', { pathname: front, state: DASHBOARD_ASKED_FOR });
    expect(await screen.findByRole('heading', { name: 'The dashboard' })).toBeVisible();
  });

  it('still opens a dashboard view someone chose, kept in the address', async () => {
    open('program_manager', { pathname: front, search: '?interval=quarter' });
    expect(await screen.findByRole('heading', { name: 'The dashboard' })).toBeVisible();
  });

  it('keeps the dashboard open while its view changes the address', async () => {
    const router = open('board_member', { pathname: front, state: DASHBOARD_ASKED_FOR });
    await screen.findByRole('heading', { name: 'The dashboard' });
    await router.navigate({ pathname: front, search: '' }, { replace: true });
    expect(await screen.findByRole('heading', { name: 'The dashboard' })).toBeVisible();
  });
});
