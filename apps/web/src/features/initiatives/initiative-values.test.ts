import { describe, expect, it } from 'vitest';
import { initiativeBody, initiativeRules, newInitiativeValues } from './initiative-values';

const validate = (values: ReturnType<typeof newInitiativeValues>) =>
  Object.fromEntries(
    Object.entries(initiativeRules).map(([field, rule]) => [
      field,
      typeof rule === 'function'
        ? (rule as (value: unknown, values: unknown) => unknown)(
            values[field as keyof typeof values],
            values,
          )
        : null,
    ]),
  );

function makeValues(overrides: Partial<ReturnType<typeof newInitiativeValues>> = {}) {
  return {
    ...newInitiativeValues('objective-1'),
    code: 'G-INBOX',
    name: ' One shared inbox ',
    budget: '6400.00',
    accountableUserId: 'user-1',
    responsibleUserId: 'user-2',
    ...overrides,
  };
}

describe('initiative values', () => {
  it('starts a new initiative under the objective it was added from', () => {
    expect(newInitiativeValues('objective-1').objectiveIds).toEqual(['objective-1']);
    expect(newInitiativeValues().objectiveIds).toEqual([]);
  });

  it('accepts a complete initiative', () => {
    expect(Object.values(validate(makeValues())).filter(Boolean)).toEqual([]);
  });

  it('asks an experiment for its hypothesis', () => {
    expect(validate(makeValues({ isExperiment: true })).hypothesis).toBe(
      'An experiment tests a hypothesis: state it',
    );
    expect(
      validate(makeValues({ isExperiment: true, hypothesis: 'Members answer' })).hypothesis,
    ).toBeNull();
  });

  it('refuses an end before the start and money with separators', () => {
    const errors = validate(
      makeValues({ startsOn: '2026-05-01', endsOn: '2026-04-30', budget: '6,400' }),
    );
    expect(errors.endsOn).toBe('Must be on or after the start');
    expect(errors.budget).toBe('An amount such as 12500 or 12500.50, without separators');
  });

  it('sends trimmed text and null for what was left empty', () => {
    const body = initiativeBody(makeValues({ lessons: '  ', hypothesis: ' Members answer ' }));
    expect(body).toMatchObject({
      name: 'One shared inbox',
      budget: '6400.00',
      startsOn: null,
      endsOn: null,
      hypothesis: 'Members answer',
      lessons: null,
      experimentOutcome: null,
    });
  });
});
