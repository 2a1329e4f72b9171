import { describe, expect, it } from 'vitest';
import {
  asksForDashboard,
  DASHBOARD_ASKED_FOR,
  landingPathFor,
  organisationLanding,
} from './landing';

describe('landingPathFor', () => {
  it('sends a board member to the board packs', () => {
    expect(landingPathFor('board_member')).toBe('board-packs');
  });

  it('sends a program manager and a contributor to their own milestones', () => {
    expect(landingPathFor('program_manager')).toBe('execution?view=mine');
    expect(landingPathFor('contributor')).toBe('execution?view=mine');
  });

  it('opens the dashboard, the front page, for the leadership', () => {
    for (const role of ['owner', 'executive', 'consultant'] as const)
      expect(landingPathFor(role)).toBe('');
  });

  it('builds the whole address within the organisation', () => {
    expect(organisationLanding('org-1', 'board_member')).toBe('/organisations/org-1/board-packs');
    expect(organisationLanding('org-1', 'program_manager')).toBe(
      '/organisations/org-1/execution?view=mine',
    );
    expect(organisationLanding('org-1', 'owner')).toBe('/organisations/org-1');
  });
});

describe('asksForDashboard', () => {
  it('is asked for by the nav’s Dashboard link and by a dashboard view in the address', () => {
    expect(asksForDashboard({ search: '', state: DASHBOARD_ASKED_FOR })).toBe(true);
    expect(asksForDashboard({ search: '?interval=quarter', state: null })).toBe(true);
  });

  it('is not asked for by opening the organisation itself', () => {
    expect(asksForDashboard({ search: '', state: null })).toBe(false);
    expect(asksForDashboard({ search: '', state: { from: 'elsewhere' } })).toBe(false);
  });
});
