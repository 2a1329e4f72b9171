import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { organisationAs, renderInOrganisation } from '../test/render';
import { OrganisationNav } from './OrganisationNav';

const administration = [
  'Members and invitations',
  'API keys',
  'Audit log',
  'Mail outbox',
  'Settings',
];

describe('OrganisationNav', () => {
  it('offers an owner every page of the organisation', () => {
    renderInOrganisation(
      <OrganisationNav current={organisationAs('owner')} onNavigate={vi.fn()} />,
    );
    for (const label of administration) {
      expect(screen.getByRole('link', { name: label })).toBeInTheDocument();
    }
  });

  it('hides what a contributor may not do, by the permission table the API enforces', () => {
    renderInOrganisation(
      <OrganisationNav current={organisationAs('contributor')} onNavigate={vi.fn()} />,
    );
    expect(screen.getByRole('link', { name: 'Strategy map' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Milestones' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Members and invitations' })).toBeInTheDocument();
    for (const label of ['API keys', 'Audit log', 'Mail outbox', 'Settings']) {
      expect(screen.queryByRole('link', { name: label })).not.toBeInTheDocument();
    }
  });

  it('leaves out the organisation section for a board member, who may see none of it', () => {
    renderInOrganisation(
      <OrganisationNav current={organisationAs('board_member')} onNavigate={vi.fn()} />,
    );
    expect(screen.getByRole('link', { name: 'Strategy map' })).toBeInTheDocument();
    expect(screen.queryByText('Organisation')).not.toBeInTheDocument();
    for (const label of administration) {
      expect(screen.queryByRole('link', { name: label })).not.toBeInTheDocument();
    }
  });

  it('links to pages of the current organisation', () => {
    const current = organisationAs('owner');
    renderInOrganisation(<OrganisationNav current={current} onNavigate={vi.fn()} />);
    expect(screen.getByRole('link', { name: 'Plan versions' })).toHaveAttribute(
      'href',
      `/organisations/${current.organisationId}/plan/versions`,
    );
  });

  it('opens the organisation on its dashboard, the front page, and lists no second dashboard', () => {
    const current = organisationAs('board_member');
    renderInOrganisation(<OrganisationNav current={current} onNavigate={vi.fn()} />);
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      `/organisations/${current.organisationId}`,
    );
    expect(screen.queryByRole('link', { name: /Executive dashboard|Overview/ })).toBeNull();
  });
});
