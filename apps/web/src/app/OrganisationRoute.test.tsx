import { MantineProvider } from '@mantine/core';
import type { Role } from '@roi/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../test/fetch-mock';
import { ORGANISATION_ID } from '../test/render';
import { OrganisationRoute } from './OrganisationRoute';
import { missingPermission, requires } from './route-access';

/** The organisation route over two pages, one open to every member, one to those who audit. */
function openAs(role: Role, path: string) {
  fetchMock.mockImplementation(async () =>
    apiAnswer(200, {
      user: { id: 'u1', email: 'sarah@example.org', name: 'Sarah Whitcombe' },
      memberships: [
        {
          organisationId: ORGANISATION_ID,
          organisationName: 'Guild of Independent Booksellers',
          role,
          external: false,
          isDemo: false,
        },
      ],
    }),
  );
  const router = createMemoryRouter(
    [
      {
        path: 'organisations/:orgId',
        element: <OrganisationRoute />,
        children: [
          { index: true, element: <p>Front page</p> },
          { path: 'audit-log', ...requires('audit.read'), element: <p>The audit log</p> },
        ],
      },
    ],
    { initialEntries: [`/organisations/${ORGANISATION_ID}/${path}`] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the organisation route', () => {
  it('tells a board member the audit log is not theirs to open, instead of not found', async () => {
    openAs('board_member', 'audit-log');

    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('The audit log')).not.toBeInTheDocument();
    expect(screen.queryByText('Page not found')).not.toBeInTheDocument();
    expect(screen.getByText(/may browse and export the audit log/)).toHaveTextContent(
      'Your role in Guild of Independent Booksellers, Board member (read-only), does not include that.',
    );
    expect(screen.getByText(/can change your role/)).toHaveTextContent(
      'Roles that may open it: Owner, Executive, Consultant (external).',
    );
    expect(
      screen.getByRole('link', { name: 'Back to Guild of Independent Booksellers' }),
    ).toHaveAttribute('href', `/organisations/${ORGANISATION_ID}/board-packs`);
    expect(document.title).toBe(
      'No access · Guild of Independent Booksellers · Return-on-Impact planner',
    );
  });

  it('opens the page for a role that holds the permission', async () => {
    openAs('executive', 'audit-log');

    expect(await screen.findByText('The audit log')).toBeInTheDocument();
    expect(screen.queryByText(/do not have access/)).not.toBeInTheDocument();
  });

  it('opens a page that requires nothing for every member', async () => {
    openAs('board_member', '');

    expect(await screen.findByText('Front page')).toBeInTheDocument();
  });
});

describe('missingPermission', () => {
  const boardMember = (permission: string) => permission === 'organisation.read';

  it('names the first permission the matched routes require that the role lacks', () => {
    expect(
      missingPermission(
        [undefined, requires('organisation.read').handle, requires('members.read').handle],
        boardMember,
      ),
    ).toBe('members.read');
  });

  it('lets through routes with no requirement or another kind of handle', () => {
    expect(missingPermission([undefined, { crumb: 'Plan' }, null], boardMember)).toBeNull();
  });
});
