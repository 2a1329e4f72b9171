import { can, type Permission, type Role } from '@roi/domain';
import { describe, expect, it } from 'vitest';
import { stepAbilities } from './step-abilities';

const as = (role: Role) => (permission: Permission) => can(role, permission);
const open = { status: 'in_progress' as const, canSignOff: false };
const ready = { status: 'in_progress' as const, canSignOff: true };
const signedOff = { status: 'done' as const, canSignOff: true };

describe('stepAbilities', () => {
  it('lets leadership tick criteria and sign off an open step once every criterion is met', () => {
    for (const role of ['owner', 'executive', 'consultant'] as const) {
      expect(stepAbilities(as(role), open)).toEqual({
        editCriteria: true,
        offerSignOff: true,
        signOffReady: false,
        reopen: false,
      });
      expect(stepAbilities(as(role), ready).signOffReady).toBe(true);
    }
  });

  it('lets a program manager tick criteria but leaves the sign-off to leadership', () => {
    expect(stepAbilities(as('program_manager'), ready)).toEqual({
      editCriteria: true,
      offerSignOff: false,
      signOffReady: false,
      reopen: false,
    });
  });

  it('lets contributors and board members read the step only', () => {
    for (const role of ['contributor', 'board_member'] as const)
      expect(stepAbilities(as(role), ready)).toEqual({
        editCriteria: false,
        offerSignOff: false,
        signOffReady: false,
        reopen: false,
      });
  });

  it('freezes the criteria of a signed-off step, which only a signer may reopen', () => {
    expect(stepAbilities(as('owner'), signedOff)).toEqual({
      editCriteria: false,
      offerSignOff: false,
      signOffReady: false,
      reopen: true,
    });
    expect(stepAbilities(as('program_manager'), signedOff).reopen).toBe(false);
  });
});
