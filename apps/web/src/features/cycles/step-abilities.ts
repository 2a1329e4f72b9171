import type { Permission } from '@roi/domain';
import type { Step } from './cycles.queries';

/** What a member may do to one step of a cycle, wherever the step is shown. */
export interface StepAbilities {
  /** Tick and untick the step's exit criteria, and add new ones. */
  editCriteria: boolean;
  /** Offered the sign-off; it can be pressed only once every criterion is met (`signOffReady`). */
  offerSignOff: boolean;
  signOffReady: boolean;
  /** Reopen a signed-off step, with a reason. */
  reopen: boolean;
}

/**
 * The permission table decides, the step's state narrows it: criteria change while the step is
 * open and only for those who plan the cycle ('cycles.manage'); signing off and reopening belong
 * to those who may sign steps off ('steps.sign-off'), as the API enforces.
 */
export function stepAbilities(
  can: (permission: Permission) => boolean,
  step: Pick<Step, 'status' | 'canSignOff'>,
): StepAbilities {
  const open = step.status !== 'done';
  const signs = can('steps.sign-off');
  return {
    editCriteria: open && can('cycles.manage'),
    offerSignOff: open && signs,
    signOffReady: open && signs && step.canSignOff,
    reopen: !open && signs,
  };
}
