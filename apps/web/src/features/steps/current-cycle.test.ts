import { describe, expect, it } from 'vitest';
import { currentCycleOf } from './current-cycle';

const cycle = (id: string, startsOn: string, endsOn: string) => ({ id, startsOn, endsOn });
const lastYear = cycle('last', '2025-04-01', '2026-03-31');
const thisYear = cycle('this', '2026-04-01', '2027-03-31');
const nextYear = cycle('next', '2027-04-01', '2028-03-31');

describe('currentCycleOf', () => {
  it('takes the cycle running today', () => {
    expect(currentCycleOf([lastYear, thisYear, nextYear], '2026-09-03')?.id).toBe('this');
  });

  it('takes the later start when two cycles run today', () => {
    const overlapping = cycle('overlap', '2026-07-01', '2027-06-30');
    expect(currentCycleOf([thisYear, overlapping], '2026-09-03')?.id).toBe('overlap');
  });

  it('takes the latest started when none runs today', () => {
    expect(currentCycleOf([nextYear, lastYear], '2026-09-03')?.id).toBe('last');
  });

  it('takes the first to come when none has started', () => {
    const later = cycle('later', '2028-04-01', '2029-03-31');
    expect(currentCycleOf([later, nextYear], '2026-09-03')?.id).toBe('next');
  });

  it('has none without cycles', () => {
    expect(currentCycleOf([], '2026-09-03')).toBeUndefined();
  });
});
