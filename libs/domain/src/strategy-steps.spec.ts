import {
  canSignOff,
  findStrategyStep,
  STEP_EXIT_CRITERIA,
  stepProgress,
  STRATEGY_STEPS,
} from './strategy-steps';

describe('the six steps of a strategy cycle', () => {
  it('runs from Assess to Measure and adapt, numbered 1 to 6', () => {
    expect(STRATEGY_STEPS.map((step) => `${step.number} ${step.name}`)).toEqual([
      '1 Assess',
      '2 Envision',
      '3 Plan',
      '4 Organise',
      '5 Execute',
      '6 Measure and adapt',
    ]);
  });

  it('finds a step by its key and nothing for an unknown key', () => {
    expect(findStrategyStep('organise')?.produces).toBe('accountability map');
    expect(findStrategyStep('celebrate')).toBeUndefined();
  });
});

describe('exit criteria and sign-off', () => {
  it('seeds every step with exit criteria', () => {
    for (const step of STRATEGY_STEPS)
      expect(STEP_EXIT_CRITERIA[step.key].length).toBeGreaterThan(0);
  });

  it('allows sign-off only when every criterion is met, and never for a step without criteria', () => {
    expect(canSignOff([{ done: true }, { done: true }])).toBe(true);
    expect(canSignOff([{ done: true }, { done: false }])).toBe(false);
    expect(canSignOff([])).toBe(false);
  });

  it('measures progress as the share of criteria met', () => {
    expect(stepProgress([{ done: true }, { done: false }, { done: false }, { done: true }])).toBe(
      0.5,
    );
    expect(stepProgress([])).toBeNull();
  });
});
