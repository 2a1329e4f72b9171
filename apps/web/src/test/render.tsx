import { MantineProvider } from '@mantine/core';
import { isExternalRole, type Role } from '@roi/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { currentOrganisation, OrganisationContext } from '../session/organisation';

export const ORGANISATION_ID = '11111111-1111-4111-8111-111111111111';

/** The current organisation as the organisation route provides it, for a member with `role`. */
export function organisationAs(role: Role) {
  return currentOrganisation({
    organisationId: ORGANISATION_ID,
    organisationName: 'Guild of Independent Booksellers',
    role,
    external: isExternalRole(role),
    isDemo: false,
  });
}

/** Renders a component as the app would: Mantine, a query client, a router, an organisation. */
export function renderInOrganisation(ui: ReactElement, options: { role?: Role } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    // Without transitions: a dialog is then fully shown once it is there, instead of fading in
    // over 200 ms that a loaded machine may not have left by the next assertion.
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <OrganisationContext.Provider value={organisationAs(options.role ?? 'owner')}>
            {ui}
          </OrganisationContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
