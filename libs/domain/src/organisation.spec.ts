import {
  organisationNameProblem,
  organisationSettingsProblems,
  todayIn,
  type OrganisationSettings,
} from './organisation';

const valid: OrganisationSettings = {
  name: 'Guild of Independent Booksellers',
  currency: 'GBP',
  fiscalYearStartMonth: 4,
  timeZone: 'Europe/London',
  locale: 'en-GB',
};

describe('organisationSettingsProblems', () => {
  it('accepts sound settings', () => {
    expect(organisationSettingsProblems(valid)).toEqual([]);
  });

  it('names every field that is wrong, with the reason', () => {
    const problems = organisationSettingsProblems({
      name: '   ',
      currency: 'XAU',
      fiscalYearStartMonth: 0,
      timeZone: 'Europe/Atlantis',
      locale: 'not a locale!',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'name',
      'currency',
      'fiscalYearStartMonth',
      'timeZone',
      'locale',
    ]);
    expect(problems[0]?.reason).toBe('must not be empty');
  });

  it('refuses a name longer than 120 characters', () => {
    expect(organisationSettingsProblems({ ...valid, name: 'x'.repeat(121) })).toEqual([
      { field: 'name', reason: 'must be at most 120 characters' },
    ]);
  });
});

describe('organisationNameProblem', () => {
  it('judges the name without its surrounding white space', () => {
    expect(organisationNameProblem('  Harbour Credit Union  ')).toBeNull();
    expect(organisationNameProblem(' \t ')).toBe('must not be empty');
    expect(organisationNameProblem(` ${'x'.repeat(120)} `)).toBeNull();
    expect(organisationNameProblem('x'.repeat(121))).toBe('must be at most 120 characters');
  });
});

describe("the organisation's today", () => {
  it('is the date where the organisation is, not where the server is', () => {
    const lateEvening = new Date('2027-03-31T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2027-03-31');
    expect(todayIn('Europe/Dublin', lateEvening)).toBe('2027-04-01');
    expect(todayIn('America/New_York', lateEvening)).toBe('2027-03-31');
  });
});
