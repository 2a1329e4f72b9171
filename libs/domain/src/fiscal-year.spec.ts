import { fiscalYearContaining, isIsoDate } from './fiscal-year';

describe('fiscalYearContaining', () => {
  it.each([
    // date, start month, label, starts, ends
    ['2026-11-23', 1, 'FY2026', '2026-01-01', '2026-12-31'],
    ['2026-11-23', 4, 'FY2027', '2026-04-01', '2027-03-31'],
    ['2027-03-31', 4, 'FY2027', '2026-04-01', '2027-03-31'],
    ['2027-04-01', 4, 'FY2028', '2027-04-01', '2028-03-31'],
    ['2027-06-30', 7, 'FY2027', '2026-07-01', '2027-06-30'],
    ['2027-12-15', 3, 'FY2028', '2027-03-01', '2028-02-29'],
  ])('places %s (year starting in month %i) in %s', (date, month, label, startsOn, endsOn) => {
    expect(fiscalYearContaining(date, month)).toEqual({ label, startsOn, endsOn });
  });

  it('refuses a start month outside 1-12 and a date that does not exist', () => {
    expect(() => fiscalYearContaining('2026-01-01', 13)).toThrow(RangeError);
    expect(() => fiscalYearContaining('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
    expect(isIsoDate('2027-1-1')).toBe(false);
  });

  it('refuses year 0, which the calendar and PostgreSQL do not have', () => {
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
  });
});
