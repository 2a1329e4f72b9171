import { ValidationProblem } from '../../common/problem-details/problem';
import { nextStatusFields, type StatusFields } from './milestone-status';

const today = '2026-05-04';
const planned: StatusFields = {
  status: 'planned',
  doneOn: null,
  missReason: null,
  missCategory: null,
  missNote: null,
};
const categoryRequired = {
  field: 'missCategory',
  reason:
    'is required when the status is missed (resources, dependency, scope_change, external, strategy_changed, other), unless missReason is given',
};

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationProblem) return error.errors;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('nextStatusFields', () => {
  it('dates a milestone done today unless told otherwise', () => {
    expect(nextStatusFields(planned, { status: 'done' }, today)).toEqual({
      ...planned,
      status: 'done',
      doneOn: today,
    });
    expect(nextStatusFields(planned, { status: 'done', doneOn: '2026-04-30' }, today).doneOn).toBe(
      '2026-04-30',
    );
  });

  it('keeps the done date of a milestone that stays done, and refuses one in the future', () => {
    const done = { ...planned, status: 'done' as const, doneOn: '2026-04-01' };
    expect(nextStatusFields(done, {}, today).doneOn).toBe('2026-04-01');
    expect(refusal(() => nextStatusFields(done, { doneOn: '2026-05-05' }, today))).toEqual([
      { field: 'doneOn', reason: 'must not be after today (2026-05-04)' },
    ]);
    expect(refusal(() => nextStatusFields(done, { doneOn: null }, today))).toEqual([
      { field: 'doneOn', reason: 'is required when done' },
    ]);
  });

  it('needs a category to call a milestone missed, and keeps it while it stays missed', () => {
    expect(refusal(() => nextStatusFields(planned, { status: 'missed' }, today))).toEqual([
      categoryRequired,
    ]);
    const missed = nextStatusFields(
      planned,
      { status: 'missed', missCategory: 'dependency', missNote: '' },
      today,
    );
    expect(missed).toEqual({ ...planned, status: 'missed', missCategory: 'dependency' });
    expect(nextStatusFields(missed, { missNote: 'Agency late' }, today)).toEqual({
      ...missed,
      missNote: 'Agency late',
    });
    expect(refusal(() => nextStatusFields(missed, { missCategory: null }, today))).toEqual([
      categoryRequired,
    ]);
  });

  it('derives the category from the older reason when only the reason is given', () => {
    expect(nextStatusFields(planned, { status: 'missed', missReason: 'execution' }, today)).toEqual(
      { ...planned, status: 'missed', missReason: 'execution', missCategory: 'other' },
    );
    const missed = nextStatusFields(planned, { status: 'missed', missReason: 'plan' }, today);
    expect(missed.missCategory).toBe('strategy_changed');
    expect(nextStatusFields(missed, { missReason: 'external' }, today)).toMatchObject({
      missReason: 'external',
      missCategory: 'external',
    });
  });

  it('takes the category given over the one the reason would give', () => {
    expect(
      nextStatusFields(
        planned,
        { status: 'missed', missReason: 'plan', missCategory: 'scope_change' },
        today,
      ),
    ).toEqual({ ...planned, status: 'missed', missReason: 'plan', missCategory: 'scope_change' });
  });

  it('clears the done date and the miss reason when a milestone moves on', () => {
    const missed: StatusFields = {
      status: 'missed',
      doneOn: null,
      missReason: 'plan',
      missCategory: 'scope_change',
      missNote: 'Too ambitious',
    };
    expect(nextStatusFields(missed, { status: 'in_progress' }, today)).toEqual({
      ...planned,
      status: 'in_progress',
    });
    const done = { ...planned, status: 'done' as const, doneOn: '2026-04-01' };
    expect(nextStatusFields(done, { status: 'cancelled' }, today)).toEqual({
      ...planned,
      status: 'cancelled',
    });
  });

  it('refuses fields that contradict the status, naming each', () => {
    expect(
      refusal(() =>
        nextStatusFields(
          planned,
          { doneOn: '2026-04-01', missReason: 'plan', missCategory: 'other' },
          today,
        ),
      ),
    ).toEqual([
      { field: 'doneOn', reason: 'is only set when the status is done' },
      { field: 'missReason', reason: 'is only set when the status is missed' },
      { field: 'missCategory', reason: 'is only set when the status is missed' },
    ]);
    // Clearing them is always fine.
    expect(
      nextStatusFields(planned, { doneOn: null, missReason: null, missCategory: null }, today),
    ).toEqual(planned);
  });
});
