import { findStrategyStep, STRATEGY_STEPS } from './strategy-steps';

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
