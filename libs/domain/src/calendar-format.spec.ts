import { dayRange, formatDay, formatDayShort, formatMonth, intervalName } from './calendar-format';

describe('calendar wording: the same on every runtime, months never "Sept"', () => {
  it.each([
    ['2027-09-03', '3 Sep 2027'],
    ['2027-01-31', '31 Jan 2027'],
    ['2027-09-03T23:30:00Z', '3 Sep 2027'],
    ['2028-02-29', '29 Feb 2028'],
  ])('writes the day %s as %s', (date, expected) => {
    expect(formatDay(date)).toBe(expected);
  });

  it('gives back what is not a day', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatDay('2027-02-30')).toBe('2027-02-30');
  });

  it('writes months and axis days', () => {
    expect(formatMonth('2027-09-14')).toBe('Sep 2027');
    expect(formatDayShort('2027-09-14')).toBe('14 Sep');
  });

  it.each([
    ['2027-09-01', '2027-09-30', 'Sep 2027'],
    ['2027-07-01', '2027-09-30', 'Jul–Sep 2027'],
    ['2027-11-01', '2028-01-31', 'Nov 2027–Jan 2028'],
  ])('names the interval %s to %s %s', (from, to, expected) => {
    expect(intervalName(from, to)).toBe(expected);
  });

  it('writes the exact days of an interval', () => {
    expect(dayRange('2027-07-05', '2027-07-31')).toBe('5 Jul 2027 – 31 Jul 2027');
  });
});
