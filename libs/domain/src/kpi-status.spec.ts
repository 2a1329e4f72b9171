import fc from 'fast-check';
import {
  expectedProgress,
  expectedValueOn,
  kpiDirectionProblem,
  kpiProgress,
  kpiStatus,
  kpiTrajectory,
  type KpiStatus,
  type MeasuredKpi,
} from './kpi-status';

// 2027-01-01 to 2027-04-11 is 100 days, so day k of the plan expects progress k/100.
const START = '2027-01-01';
const END = '2027-04-11';
const DAY_60 = '2027-03-02';

function makeKpi(overrides: Partial<MeasuredKpi> = {}): MeasuredKpi {
  return {
    baselineValue: 1.1,
    baselineDate: START,
    targetValue: 2.2,
    targetDate: END,
    measurements: [],
    ...overrides,
  };
}

function statusWith(kpi: Partial<MeasuredKpi>, value: number, asOf = DAY_60): KpiStatus {
  return kpiStatus(makeKpi({ ...kpi, measurements: [{ date: asOf, value }] }), asOf).status;
}

describe('kpiProgress', () => {
  it.each([
    [10, 20, 15, 0.5],
    [10, 20, 10, 0],
    [10, 20, 20, 1],
    [10, 20, 25, 1.5],
    [10, 20, 5, -0.5],
    [50, 40, 45, 0.5],
    [50, 40, 55, -0.5],
    [50, 40, 30, 2],
  ])('from baseline %d toward target %d, a current %d is progress %d', (b, t, c, progress) => {
    expect(kpiProgress(b, t, c)).toBe(progress);
  });

  it('is exact for decimals that floating point would round', () => {
    // (1.65 - 1.1) / (2.2 - 1.1) in floating point is 0.4999999999999999.
    expect((1.65 - 1.1) / (2.2 - 1.1)).not.toBe(0.5);
    expect(kpiProgress(1.1, 2.2, 1.65)).toBe(0.5);
    expect(kpiProgress('1.10', '2.20', '1.65')).toBe(0.5);
  });

  it('is undefined when the target equals the baseline', () => {
    expect(kpiProgress(10, 10, 12)).toBeNull();
    expect(kpiProgress(0.3, '0.30', 0.3)).toBeNull();
  });

  it('refuses what is not a finite decimal', () => {
    expect(() => kpiProgress(0, 1, Number.NaN)).toThrow(RangeError);
    expect(() => kpiProgress(0, Infinity, 1)).toThrow(RangeError);
    expect(() => kpiProgress(0, '1,5', 1)).toThrow(RangeError);
  });
});

describe('kpiDirectionProblem', () => {
  it.each([
    ['increase', 10, 20, null],
    ['decrease', 20, 10, null],
    [
      'increase',
      20,
      10,
      'a KPI to increase needs a target above its baseline (baseline 20, target 10)',
    ],
    [
      'increase',
      10,
      10,
      'a KPI to increase needs a target above its baseline (baseline 10, target 10)',
    ],
    [
      'decrease',
      10,
      20,
      'a KPI to decrease needs a target below its baseline (baseline 10, target 20)',
    ],
    [
      'decrease',
      10,
      10,
      'a KPI to decrease needs a target below its baseline (baseline 10, target 10)',
    ],
    ['sideways', 10, 20, 'direction must be one of increase, decrease'],
  ])('judges %s from %d to %d', (direction, baseline, target, problem) => {
    expect(kpiDirectionProblem(direction, baseline, target)).toBe(problem);
  });

  it('compares decimals exactly', () => {
    expect(kpiDirectionProblem('increase', 0.3, 0.1 + 0.2)).toBeNull();
    expect(kpiDirectionProblem('increase', '0.30', 0.3)).not.toBeNull();
  });
});

describe('expectedProgress', () => {
  it.each([
    ['2026-12-01', 0],
    [START, 0],
    ['2027-01-02', 0.01],
    ['2027-01-31', 0.3],
    [DAY_60, 0.6],
    [END, 1],
    ['2027-12-31', 1],
  ])('as of %s is %d', (asOf, expected) => {
    expect(expectedProgress(START, END, asOf)).toBe(expected);
  });

  it('counts whole calendar days across a daylight-saving change and a leap day', () => {
    // 2028-02-29 exists; 2028-03-26 is the EU clock change. 2028-02-01 to 2028-04-01 is 60 days.
    expect(expectedProgress('2028-02-01', '2028-04-01', '2028-03-02')).toBe(0.5);
  });

  it('expects everything from the target date on when it does not follow the baseline date', () => {
    expect(expectedProgress(START, START, '2026-12-31')).toBe(0);
    expect(expectedProgress(START, START, START)).toBe(1);
    expect(expectedProgress(START, '2026-12-01', '2026-11-30')).toBe(0);
    expect(expectedProgress(START, '2026-12-01', '2026-12-01')).toBe(1);
  });

  it('refuses a malformed date', () => {
    expect(() => expectedProgress(START, END, '2027-02-30')).toThrow(RangeError);
    expect(() => expectedProgress('1/1/2027', END, START)).toThrow(RangeError);
  });
});

describe('kpiStatus', () => {
  // On day 60 expected progress is 0.6: on track from 0.5, at risk from 0.35, off track below.
  // Increase 1.1 -> 2.2: 1.65 is progress 0.5 and 1.485 is 0.35. Decrease 3.3 -> 1.1: 2.2 is 0.5
  // and 2.53 is 0.35. Each boundary is followed by a value a hair on the wrong side of it.
  const increase = { baselineValue: 1.1, targetValue: 2.2 };
  const decrease = { baselineValue: 3.3, targetValue: 1.1 };

  const kpis = { increase, decrease };

  it.each([
    ['increase', 1.65, 'on_track'],
    ['increase', 1.6499, 'at_risk'],
    ['increase', 1.485, 'at_risk'],
    ['increase', 1.4849, 'off_track'],
    ['increase', 2.5, 'on_track'],
    ['increase', 0.5, 'off_track'],
    ['decrease', 2.2, 'on_track'],
    ['decrease', 2.2001, 'at_risk'],
    ['decrease', 2.53, 'at_risk'],
    ['decrease', 2.5301, 'off_track'],
    ['decrease', 0.9, 'on_track'],
    ['decrease', 3.5, 'off_track'],
  ] as const)('a KPI to %s measuring %d on day 60 is %s', (direction, value, status) => {
    expect(statusWith(kpis[direction], value)).toBe(status);
  });

  it('keeps progress exactly at expected - 0.10 on track where floating point would not', () => {
    // Day 16: expected 0.16, boundary 0.06, reached by 1.166 (increase) and 3.168 (decrease).
    const day16 = '2027-01-17';
    expect((1.166 - 1.1) / (2.2 - 1.1) < 0.16 - 0.1).toBe(true);
    expect(statusWith(increase, 1.166, day16)).toBe('on_track');
    expect((3.168 - 3.3) / (1.1 - 3.3) < 0.16 - 0.1).toBe(true);
    expect(statusWith(decrease, 3.168, day16)).toBe('on_track');
  });

  it('reports current value, its date, progress and expected progress', () => {
    const kpi = makeKpi({ measurements: [{ date: '2027-02-20', value: 1.65 }] });
    expect(kpiStatus(kpi, DAY_60)).toEqual({
      status: 'on_track',
      current: 1.65,
      currentDate: '2027-02-20',
      progress: 0.5,
      expectedProgress: 0.6,
    });
  });

  it('uses the latest measurement on or before the date, whatever the order given', () => {
    const kpi = makeKpi({
      measurements: [
        { date: '2027-02-01', value: 1.2 },
        { date: DAY_60, value: 1.98 },
        { date: '2027-01-15', value: 1.1 },
      ],
    });
    expect(kpiStatus(kpi, DAY_60)).toMatchObject({ current: 1.98, currentDate: DAY_60 });
    expect(kpiStatus(kpi, '2027-03-01')).toMatchObject({ current: 1.2, currentDate: '2027-02-01' });
  });

  it('takes the last one given of several measurements on the same day', () => {
    const kpi = makeKpi({
      measurements: [
        { date: DAY_60, value: 1.2 },
        { date: DAY_60, value: 1.98 },
      ],
    });
    expect(kpiStatus(kpi, DAY_60).current).toBe(1.98);
  });

  it('ignores measurements after the evaluation date', () => {
    const kpi = makeKpi({ measurements: [{ date: '2027-03-03', value: 2.2 }] });
    expect(kpiStatus(kpi, DAY_60)).toEqual({
      status: 'no_data',
      current: null,
      currentDate: null,
      progress: null,
      expectedProgress: 0.6,
    });
  });

  it('has no data without any measurement', () => {
    expect(kpiStatus(makeKpi(), DAY_60).status).toBe('no_data');
  });

  it('expects nothing before the baseline date and everything after the target date', () => {
    const kpi = makeKpi({ measurements: [{ date: '2026-12-15', value: 1.1 }] });
    expect(kpiStatus(kpi, '2026-12-20')).toMatchObject({
      status: 'on_track',
      progress: 0,
      expectedProgress: 0,
    });
    const late = makeKpi({ measurements: [{ date: '2027-06-01', value: 2.1 }] });
    expect(kpiStatus(late, '2027-06-01')).toMatchObject({
      status: 'on_track',
      expectedProgress: 1,
    });
    expect(kpiStatus(late, '2027-06-01').progress).toBeCloseTo(10 / 11, 12);
    expect(statusWith({}, 1.925, '2027-06-01')).toBe('at_risk');
    expect(statusWith({}, 1.924, '2027-06-01')).toBe('off_track');
  });

  it('reports progress above 1 unclamped', () => {
    expect(
      kpiStatus(makeKpi({ measurements: [{ date: START, value: 3.3 }] }), START),
    ).toMatchObject({ status: 'on_track', progress: 2, expectedProgress: 0 });
  });

  it('gives no status to a KPI whose target equals its baseline', () => {
    const kpi = makeKpi({ targetValue: 1.1, measurements: [{ date: START, value: 2 }] });
    expect(kpiStatus(kpi, DAY_60)).toEqual({
      status: 'no_data',
      current: 2,
      currentDate: START,
      progress: null,
      expectedProgress: 0.6,
    });
  });
});

describe('expectedValueOn and kpiTrajectory', () => {
  it('draws the straight line from baseline to target, flat outside it', () => {
    const kpi = makeKpi();
    expect(expectedValueOn(kpi, '2026-06-01')).toBe(1.1);
    expect(expectedValueOn(kpi, START)).toBe(1.1);
    expect(expectedValueOn(kpi, '2027-01-31')).toBe(1.43);
    expect(expectedValueOn(kpi, DAY_60)).toBe(1.76);
    expect(expectedValueOn(kpi, END)).toBe(2.2);
    expect(expectedValueOn(kpi, '2028-01-01')).toBe(2.2);
    expect(expectedValueOn(makeKpi({ baselineValue: 50, targetValue: 40 }), DAY_60)).toBe(44);
  });

  it('gives chart points at the baseline, each measurement and the target, in date order', () => {
    const kpi = makeKpi({
      measurements: [
        { date: '2027-05-01', value: 2.3 },
        { date: DAY_60, value: 1.5 },
        { date: '2027-01-31', value: 1.2 },
      ],
    });
    expect(kpiTrajectory(kpi)).toEqual([
      { date: START, expected: 1.1, actual: null },
      { date: '2027-01-31', expected: 1.43, actual: 1.2 },
      { date: DAY_60, expected: 1.76, actual: 1.5 },
      { date: END, expected: 2.2, actual: null },
      { date: '2027-05-01', expected: 2.2, actual: 2.3 },
    ]);
    expect(kpiTrajectory(kpi, DAY_60).map((point) => point.date)).toEqual([
      START,
      '2027-01-31',
      DAY_60,
      END,
    ]);
  });

  it('shows a measurement on the baseline date in the baseline point', () => {
    const kpi = makeKpi({ measurements: [{ date: START, value: 1 }] });
    expect(kpiTrajectory(kpi)[0]).toEqual({ date: START, expected: 1.1, actual: 1 });
  });
});

describe('KPI properties', () => {
  const cents = fc.integer({ min: -1_000_000, max: 1_000_000 });
  const nonZeroCents = fc.integer({ min: -100_000, max: 100_000 }).filter((value) => value !== 0);
  const day = (offset: number): string =>
    new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);

  it('puts a current value equal to the baseline at 0 and equal to the target at 1', () => {
    fc.assert(
      fc.property(cents, nonZeroCents, (baseline, span) => {
        const [b, t] = [baseline / 100, (baseline + span) / 100];
        return kpiProgress(b, t, b) === 0 && kpiProgress(b, t, t) === 1;
      }),
    );
  });

  it('classifies both exact boundaries exactly, whichever the direction', () => {
    // With n days of plan and a span of s x 10n cents, expected progress k/n minus 0.10 or 0.25
    // lands on a whole number of cents, so the boundary values can be written as decimals.
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: -50, max: 50 }).filter((value) => value !== 0),
        fc.constantFrom(10, 20, 40, 100),
        fc.nat(),
        (baseline, s, n, pick) => {
          const k = pick % (n + 1);
          const target = baseline + s * 10 * n;
          const onTrackEdge = baseline + s * (10 * k - n);
          const atRiskEdge = baseline + (s * 5 * (4 * k - n)) / 2;
          const kpi = {
            baselineValue: baseline / 100,
            targetValue: target / 100,
            targetDate: day(n),
          };
          const worse = Math.sign(s);
          return (
            statusWith(kpi, onTrackEdge / 100, day(k)) === 'on_track' &&
            statusWith(kpi, (onTrackEdge - worse) / 100, day(k)) === 'at_risk' &&
            statusWith(kpi, atRiskEdge / 100, day(k)) === 'at_risk' &&
            statusWith(kpi, (atRiskEdge - worse) / 100, day(k)) === 'off_track'
          );
        },
      ),
    );
  });

  it('never worsens the status as the value moves toward the target', () => {
    const rank: Record<KpiStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, no_data: -1 };
    fc.assert(
      fc.property(cents, nonZeroCents, cents, fc.nat(400), fc.nat(100), (b, span, c, len, at) => {
        const kpi = { baselineValue: b / 100, targetValue: (b + span) / 100, targetDate: day(len) };
        const better = c + Math.sign(span);
        return (
          rank[statusWith(kpi, better / 100, day(at))] >= rank[statusWith(kpi, c / 100, day(at))]
        );
      }),
    );
  });

  it('keeps expected progress within 0..1 and never lets it go back in time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        fc.nat(30),
        (target, asOf, later) => {
          const now = expectedProgress(day(0), day(target), day(asOf));
          const next = expectedProgress(day(0), day(target), day(asOf + later));
          return now >= 0 && now <= 1 && next >= now;
        },
      ),
    );
  });
});
