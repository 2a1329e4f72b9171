import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../test/fetch-mock';
import { ORGANISATION_ID, organisationAs, renderInOrganisation } from '../test/render';
import { navigationGroups, OrganisationNav } from './OrganisationNav';

const CYCLE_ID = '22222222-2222-4222-8222-222222222222';
const STEP_NAMES = ['Assess', 'Envision', 'Plan', 'Organise', 'Execute', 'Measure and adapt'];
const administration = [
  'Members and invitations',
  'API keys',
  'Audit log',
  'Mail outbox',
  'Settings',
];

/** The API as the nav reads it: the organisation (for its today), its cycles and the current one. */
function answerCycles(cycles: { id: string; startsOn: string; endsOn: string }[]) {
  const statuses = ['done', 'done', 'in_progress', 'in_progress', 'in_progress', 'not_started'];
  fetchMock.mockImplementation(async (input) => {
    const path = new URL((input as Request).url).pathname;
    const base = `/api/v1/organisations/${ORGANISATION_ID}`;
    if (path === base) return apiAnswer(200, { id: ORGANISATION_ID, timeZone: 'Europe/London' });
    if (path === `${base}/cycles`)
      return apiAnswer(
        200,
        cycles.map((cycle) => ({ ...cycle, name: 'This year', previousCycleId: null, version: 1 })),
      );
    if (path === `${base}/cycles/${CYCLE_ID}`)
      return apiAnswer(200, {
        id: CYCLE_ID,
        steps: STEP_NAMES.map((name, index) => ({
          key: ['assess', 'envision', 'plan', 'organise', 'execute', 'measure'][index],
          name,
          status: statuses[index],
        })),
      });
    return apiAnswer(404, { title: 'Not Found', status: 404 });
  });
}

const navItems = () =>
  Array.from(document.querySelectorAll('a, p')).map((element) => element.textContent);

describe('navigationGroups', () => {
  it('groups the detailed pages under their step, then the cycles, then the administration', () => {
    const groups = navigationGroups(organisationAs('owner').can);
    expect(groups.map((group) => group.label)).toEqual([
      'Plan',
      'Organise',
      'Execute',
      'Measure and adapt',
      'Cycles and assessments',
      'Organisation',
    ]);
    const labels = (name: string) =>
      groups.find((group) => group.label === name)?.items.map((item) => item.label);
    expect(labels('Plan')).toEqual(['Strategy map', 'Plan versions', 'Learning log']);
    expect(labels('Organise')).toEqual(['Accountability map']);
    expect(labels('Execute')).toEqual(['Milestones', 'Timeline and burn-up']);
    expect(labels('Measure and adapt')).toEqual([
      'ROI and reallocation',
      'Costs',
      'Values',
      'Imports and exports',
      'Board packs',
      'Channels and activities',
    ]);
    expect(labels('Cycles and assessments')).toEqual([
      'Strategy cycles',
      'Assessments',
      'Assessment templates',
    ]);
  });

  it('leaves out pages a role may not open, and a group left empty', () => {
    const groups = navigationGroups(organisationAs('board_member').can);
    expect(groups.map((group) => group.label)).not.toContain('Organisation');
    const measure = groups.find((group) => group.label === 'Measure and adapt');
    expect(measure?.items.map((item) => item.label)).not.toContain('Channels and activities');
  });
});

describe('OrganisationNav', () => {
  it('lists the dashboard, the six numbered steps, then the pages grouped under their step', () => {
    answerCycles([]);
    renderInOrganisation(
      <OrganisationNav current={organisationAs('owner')} onNavigate={vi.fn()} />,
    );
    const items = navItems();
    expect(items.slice(0, 8)).toEqual([
      'Dashboard',
      'Strategy cycle',
      '1Assess',
      '2Envision',
      '3Plan',
      '4Organise',
      '5Execute',
      '6Measure and adapt',
    ]);
    expect(items.indexOf('Plan')).toBeGreaterThan(items.indexOf('6Measure and adapt'));
    expect(items.indexOf('Strategy map')).toBe(items.indexOf('Plan') + 1);
    expect(items.indexOf('Accountability map')).toBe(items.indexOf('Organise') + 1);
    expect(items.indexOf('Milestones')).toBe(items.indexOf('Execute') + 1);
    expect(items.indexOf('Strategy cycles')).toBeGreaterThan(items.indexOf('Board packs'));
    expect(items.indexOf('Members and invitations')).toBeGreaterThan(
      items.indexOf('Assessment templates'),
    );
  });

  it('shows where each step of the current cycle stands', async () => {
    answerCycles([
      { id: 'an-older-cycle', startsOn: '2000-04-01', endsOn: '2001-03-31' },
      { id: CYCLE_ID, startsOn: '2001-04-01', endsOn: '2999-03-31' },
    ]);
    renderInOrganisation(
      <OrganisationNav current={organisationAs('board_member')} onNavigate={vi.fn()} />,
    );
    const step = (key: string) =>
      screen.getByRole('link', { name: (_, link) => link.getAttribute('data-step') === key });
    // Three requests in turn (the organisation's today, its cycles, the current one's steps).
    expect(
      await within(step('assess')).findByText('Signed off', {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(within(step('plan')).getByText('In progress')).toBeVisible();
    expect(within(step('measure')).getByText('Not started')).toBeVisible();
  });

  it('offers an owner every page of the organisation', () => {
    answerCycles([]);
    renderInOrganisation(
      <OrganisationNav current={organisationAs('owner')} onNavigate={vi.fn()} />,
    );
    for (const label of administration) {
      expect(screen.getByRole('link', { name: label })).toBeInTheDocument();
    }
  });

  it('hides what a contributor may not do, by the permission table the API enforces', () => {
    answerCycles([]);
    renderInOrganisation(
      <OrganisationNav current={organisationAs('contributor')} onNavigate={vi.fn()} />,
    );
    expect(screen.getByRole('link', { name: 'Strategy map' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Milestones' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Members and invitations' })).toBeInTheDocument();
    for (const label of [
      'API keys',
      'Audit log',
      'Mail outbox',
      'Settings',
      'Channels and activities',
    ]) {
      expect(screen.queryByRole('link', { name: label })).not.toBeInTheDocument();
    }
  });

  it('leaves out the organisation section for a board member, who may see none of it', () => {
    answerCycles([]);
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
    answerCycles([]);
    const current = organisationAs('owner');
    renderInOrganisation(<OrganisationNav current={current} onNavigate={vi.fn()} />);
    expect(screen.getByRole('link', { name: 'Plan versions' })).toHaveAttribute(
      'href',
      `/organisations/${current.organisationId}/plan/versions`,
    );
    expect(screen.getByRole('link', { name: /Organise/ })).toHaveAttribute(
      'href',
      `/organisations/${current.organisationId}/steps/organise`,
    );
  });

  it('opens the organisation on its dashboard, the front page, and lists no second dashboard', () => {
    answerCycles([]);
    const current = organisationAs('board_member');
    renderInOrganisation(<OrganisationNav current={current} onNavigate={vi.fn()} />);
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      `/organisations/${current.organisationId}`,
    );
    expect(screen.queryByRole('link', { name: /Executive dashboard|Overview/ })).toBeNull();
  });
});
