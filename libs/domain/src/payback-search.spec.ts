import fc from 'fast-check';
import { addDays } from './calendar-days';
import { paybackCandidateMonths, paybackDateFrom } from './payback-search';
import { type DailyLedgerSums, paybackDate } from './roi';

/** Monthly sums of daily sums, as the rollups give them. */
function byMonth(days: readonly DailyLedgerSums[]) {
  const months = new Map<string, { cost: number; value: number }>();
  for (const day of days) {
    const from = `${day.date.slice(0, 7)}-01`;
    const month = months.get(from) ?? { cost: 0, value: 0 };
    month.cost += Number(day.cost) * 100;
    month.value += Number(day.value) * 100;
    months.set(from, month);
  }
  return [...months].map(([from, sums]) => ({
    from,
    cost: (sums.cost / 100).toFixed(2),
    value: (sums.value / 100).toFixed(2),
  }));
}

function searchByMonths(days: readonly DailyLedgerSums[]): string | null {
  for (const candidate of paybackCandidateMonths(byMonth(days))) {
    const inMonth = days.filter((day) => day.date.startsWith(candidate.from.slice(0, 7)));
    const found = paybackDateFrom(candidate, inMonth);
    if (found) return found;
  }
  return null;
}

/** As the API searches: the first candidate month alone, then from the second to the end. */
function searchInTwoReads(days: readonly DailyLedgerSums[]): string | null {
  const [first, second] = paybackCandidateMonths(byMonth(days), 2);
  if (!first) return null;
  const inFirst = days.filter((day) => day.date.startsWith(first.from.slice(0, 7)));
  const found = paybackDateFrom(first, inFirst);
  if (found || !second) return found;
  return paybackDateFrom(
    second,
    days.filter((day) => day.date >= second.from),
  );
}

describe('the payback search by months', () => {
  it('finds a payback in the middle of a month whose end no longer qualifies', () => {
    const days = [
      { date: '2027-01-05', cost: '100', value: '0' },
      { date: '2027-02-10', cost: '0', value: '120' },
      { date: '2027-02-20', cost: '500', value: '0' },
    ];
    expect(paybackCandidateMonths(byMonth(days)).map((month) => month.from)).toEqual([
      '2027-02-01',
    ]);
    expect(searchByMonths(days)).toBe('2027-02-10');
    expect(paybackDate(days)).toBe('2027-02-10');
  });

  it('skips months that cannot hold it and says null when none does', () => {
    const days = [
      { date: '2027-01-05', cost: '100', value: '10' },
      { date: '2027-02-05', cost: '100', value: '10' },
      { date: '2027-03-05', cost: '100', value: '10' },
    ];
    // January may (its value could have come before its cost); February and March cannot.
    expect(paybackCandidateMonths(byMonth(days)).map((month) => month.from)).toEqual([
      '2027-01-01',
    ]);
    expect(searchByMonths(days)).toBeNull();
  });

  it('agrees with paybackDate over every day, for any ledger of positive amounts', () => {
    const day = fc.record({
      offset: fc.integer({ min: 0, max: 120 }),
      cost: fc.integer({ min: 0, max: 5000 }),
      value: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), (entries) => {
        const days = entries
          .filter((entry) => entry.cost + entry.value > 0)
          .map((entry) => ({
            date: addDays('2027-01-01', entry.offset),
            cost: (entry.cost / 100).toFixed(2),
            value: (entry.value / 100).toFixed(2),
          }));
        expect(searchByMonths(days)).toBe(paybackDate(days));
        expect(searchInTwoReads(days)).toBe(paybackDate(days));
      }),
      { numRuns: 500 },
    );
  });
});
