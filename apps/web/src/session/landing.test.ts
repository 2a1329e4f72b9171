import { describe, expect, it } from 'vitest';
import { landingPathFor, organisationLanding } from './landing';

describe('landingPathFor', () => {
  it('sends a board member to the board packs and everyone else to the overview', () => {
    expect(landingPathFor('board_member')).toBe('board-packs');
    for (const role of [
      'owner',
      'executive',
      'consultant',
      'program_manager',
      'contributor',
    ] as const)
      expect(landingPathFor(role)).toBe('');
  });

  it('builds the whole address within the organisation', () => {
    expect(organisationLanding('org-1', 'board_member')).toBe('/organisations/org-1/board-packs');
    expect(organisationLanding('org-1', 'owner')).toBe('/organisations/org-1');
  });
});
