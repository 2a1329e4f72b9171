import fc from 'fast-check';
import FractionJs from 'fraction.js';
import { exactDecimal } from './exact-decimal';
import type { Fraction } from './money-format';
import { ActivityFigures, quantileInclusive, reallocation } from './reallocation';

const exact = (value: Fraction | null) => (value === null ? null : value.toFraction());
const decimals = (...values: string[]) => values.map((value) => exactDecimal(value));

/** An activity whose ROI is exactly `roi`: value = cost x (1 + roi). */
function makeActivity(activity: string, roi: string, cost = '1000'): ActivityFigures {
  const value = exactDecimal(roi).add(1).mul(exactDecimal(cost));
  return { activity, cost, value: value.toString() };
}

/** Organisation totals whose ROI is exactly `roi`. */
function organisationWithRoi(roi: string, cost = '10000') {
  return { cost, value: exactDecimal(roi).add(1).mul(exactDecimal(cost)).toString() };
}

const summary = (items: { activity: string; roi: Fraction }[]) =>
  items.map(({ activity, roi }) => [activity, exact(roi)]);

describe('QUARTILE.INC quantiles', () => {
  // Expected values as a spreadsheet's QUARTILE.INC(range, 0..4) gives them, worked by hand:
  // position (n - 1) x p, interpolating between the two values around it.
  it.each([
    // n = 4: Q1 at 0.75 -> 0.1 + 0.75 x 0.3; median at 1.5; Q3 at 2.25 -> 0.5 + 0.25 x 1.5.
    [
      ['0.1', '0.4', '0.5', '2'],
      ['0.1', '0.325', '0.45', '0.875', '2'],
    ],
    // n = 5: the quartiles fall on ranks 1, 2 and 3 exactly.
    [
      ['-0.5', '0.1', '0.2', '0.9', '1.4'],
      ['-0.5', '0.1', '0.2', '0.9', '1.4'],
    ],
    // n = 6: Q1 at 1.25, median at 2.5, Q3 at 3.75.
    [
      ['1', '2', '3', '4', '5', '6'],
      ['1', '2.25', '3.5', '4.75', '6'],
    ],
    // n = 7: Q1 at 1.5 -> (-0.1 + 0) / 2; median at 3; Q3 at 4.5 -> (0.2 + 0.6) / 2.
    [
      ['-0.3', '-0.1', '0', '0.05', '0.2', '0.6', '1.5'],
      ['-0.3', '-0.05', '0.05', '0.4', '1.5'],
    ],
    // n = 2 and n = 1.
    [
      ['0', '1'],
      ['0', '0.25', '0.5', '0.75', '1'],
    ],
    [['7'], ['7', '7', '7', '7', '7']],
    // Ties.
    [
      ['-1', '-1', '-1', '3'],
      ['-1', '-1', '-1', '0', '3'],
    ],
  ])('of %j are %j', (values, quartiles) => {
    const sorted = decimals(...values);
    const computed = [0, 0.25, 0.5, 0.75, 1].map((p) => exact(quantileInclusive(sorted, p)));
    expect(computed).toEqual(quartiles.map((q) => exactDecimal(q).toFraction()));
  });

  it('takes p as an exact fraction too, and keeps exact fractions exact', () => {
    const sorted = decimals('0', '3', '6', '9');
    expect(exact(quantileInclusive(sorted, new FractionJs(1, 3)))).toBe('3');
    const thirds = [new FractionJs(1, 3), new FractionJs(2, 3)];
    expect(exact(quantileInclusive(thirds, 0.25))).toBe('5/12');
  });

  it('reads a number p as the decimal it was written as', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => new FractionJs(i));
    expect(exact(quantileInclusive(sorted, 0.1))).toBe('1');
    expect(exact(quantileInclusive(sorted, 0.7))).toBe('7');
  });

  it('refuses no values, p outside 0..1 and values out of order', () => {
    expect(() => quantileInclusive([], 0.5)).toThrow(RangeError);
    expect(() => quantileInclusive(decimals('1', '2'), -0.01)).toThrow(RangeError);
    expect(() => quantileInclusive(decimals('1', '2'), 1.01)).toThrow(RangeError);
    expect(() => quantileInclusive(decimals('2', '1'), 0.5)).toThrow(RangeError);
  });

  const sortedValues = fc
    .array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 30 })
    .map((values) => values.sort((a, b) => a - b).map((value) => new FractionJs(value, 1000)));
  const share = fc
    .tuple(fc.nat(1000), fc.integer({ min: 1, max: 1000 }))
    .map(([a, b]) => new FractionJs(Math.min(a, b), b));

  it('lies between the smallest and the largest value, which it is at p = 0 and p = 1', () => {
    fc.assert(
      fc.property(sortedValues, share, (sorted, p) => {
        const q = quantileInclusive(sorted, p);
        const min = sorted[0] as Fraction;
        const max = sorted[sorted.length - 1] as Fraction;
        return (
          q.gte(min) &&
          q.lte(max) &&
          quantileInclusive(sorted, 0).equals(min) &&
          quantileInclusive(sorted, 1).equals(max)
        );
      }),
    );
  });

  it('never decreases as p grows', () => {
    fc.assert(
      fc.property(sortedValues, share, share, (sorted, p1, p2) => {
        const [low, high] = p1.lte(p2) ? [p1, p2] : [p2, p1];
        return quantileInclusive(sorted, low).lte(quantileInclusive(sorted, high));
      }),
    );
  });
});

describe('reallocation suggestions', () => {
  it('suggests who gives and who receives, with a sentence of figures each (the brief example)', () => {
    const activities = [
      makeActivity('paid promotion', '-0.125', '4000'),
      makeActivity('community management', '0.031'),
      makeActivity('content production', '0.2'),
      makeActivity('webinars', '0.4'),
      makeActivity('partnerships', '0.9'),
      { activity: 'word of mouth', cost: '0', value: '425' },
    ];
    // The organisation's totals include the activity without cost: 1456 / 8000 = 18.2%.
    const result = reallocation(activities, { cost: '8000.00', value: '9456.00' }, 2);

    expect(exact(result.organisationRoi)).toBe('91/500');
    expect(exact(result.lowerQuartile)).toBe('31/1000');
    expect(exact(result.upperQuartile)).toBe('2/5');
    expect(result.activitiesCompared).toBe(5);
    expect(result.explanation).toBeNull();
    expect(result.give.map((item) => item.reason)).toEqual([
      "Paid promotion returned -12.50% on 4,000.00 of cost, at or below the lower quartile (3.10%) and below the organisation's 18.20%.",
      "Community management returned 3.10% on 1,000.00 of cost, at or below the lower quartile (3.10%) and below the organisation's 18.20%.",
    ]);
    expect(result.receive.map((item) => item.reason)).toEqual([
      "Partnerships returned 90.00% on 1,000.00 of cost, at or above the upper quartile (40.00%) and above the organisation's 18.20%.",
      "Webinars returned 40.00% on 1,000.00 of cost, at or above the upper quartile (40.00%) and above the organisation's 18.20%.",
    ]);
    expect(result.give[0]).toMatchObject({ activity: 'paid promotion', cost: '4000' });
    expect(result.give[0]?.value).toBe('3500');
    expect(exact(result.give[0]?.roi ?? null)).toBe('-1/8');
  });

  it('takes interpolated quartiles with 4 activities', () => {
    const activities = [
      makeActivity('a', '-0.2'),
      makeActivity('b', '0'),
      makeActivity('c', '0.1'),
      makeActivity('d', '0.5'),
    ];
    const result = reallocation(activities, { cost: '4000', value: '4400' }, 2);
    // Q1 at position 0.75: -0.2 + 0.75 x 0.2; Q3 at position 2.25: 0.1 + 0.25 x 0.4.
    expect(exact(result.lowerQuartile)).toBe('-1/20');
    expect(exact(result.upperQuartile)).toBe('1/5');
    expect(summary(result.give)).toEqual([['a', '-1/5']]);
    expect(summary(result.receive)).toEqual([['d', '1/2']]);
    expect(result.give[0]?.reason).toBe(
      "A returned -20.00% on 1,000.00 of cost, at or below the lower quartile (-5.00%) and below the organisation's 10.00%.",
    );
  });

  it('makes an activity whose ROI equals Q1 give, but not one whose ROI equals the organisation ROI', () => {
    const activities = [
      makeActivity('a', '-0.5'),
      makeActivity('b', '0.1'),
      makeActivity('c', '0.2'),
      makeActivity('d', '0.4'),
      makeActivity('e', '0.9'),
    ];
    // Q1 = 0.1 exactly (rank 1 of 5).
    const belowOrganisation = reallocation(activities, organisationWithRoi('0.15'), 2);
    expect(summary(belowOrganisation.give)).toEqual([
      ['a', '-1/2'],
      ['b', '1/10'],
    ]);
    const atOrganisation = reallocation(activities, organisationWithRoi('0.1'), 2);
    expect(summary(atOrganisation.give)).toEqual([['a', '-1/2']]);
  });

  it('makes an activity whose ROI equals Q3 receive, but not one whose ROI equals the organisation ROI', () => {
    const activities = [
      makeActivity('a', '-0.5'),
      makeActivity('b', '-0.1'),
      makeActivity('c', '0.2'),
      makeActivity('d', '0.4'),
      makeActivity('e', '0.9'),
    ];
    // Q3 = 0.4 exactly (rank 3 of 5).
    const aboveOrganisation = reallocation(activities, organisationWithRoi('0.3'), 2);
    expect(summary(aboveOrganisation.receive)).toEqual([
      ['e', '9/10'],
      ['d', '2/5'],
    ]);
    const atOrganisation = reallocation(activities, organisationWithRoi('0.4'), 2);
    expect(summary(atOrganisation.receive)).toEqual([['e', '9/10']]);
    expect(summary(atOrganisation.give)).toEqual([
      ['a', '-1/2'],
      ['b', '-1/10'],
    ]);
  });

  it('does not make an activity just above Q1 give although both show as the same percentage', () => {
    const activities = [
      makeActivity('a', '-0.5'),
      makeActivity('b', '0.1'),
      makeActivity('c', '0.100001', '1000000'),
      makeActivity('d', '0.4'),
      makeActivity('e', '0.9'),
    ];
    const result = reallocation(activities, organisationWithRoi('0.3'), 2);
    expect(summary(result.give)).toEqual([
      ['a', '-1/2'],
      ['b', '1/10'],
    ]);
  });

  it('orders give by ROI ascending and receive by ROI descending, whatever the input order', () => {
    const activities = [
      makeActivity('f', '0.6'),
      makeActivity('b', '-0.5'),
      makeActivity('h', '1.2'),
      makeActivity('d', '0'),
      makeActivity('a', '-0.9'),
      makeActivity('g', '0.8'),
      makeActivity('c', '-0.3'),
      makeActivity('e', '0.1'),
    ];
    const result = reallocation(activities, organisationWithRoi('0.05'), 2);
    // n = 8: Q1 at 1.75 -> -0.5 + 0.75 x 0.2 = -0.35; Q3 at 5.25 -> 0.6 + 0.25 x 0.2 = 0.65.
    expect(exact(result.lowerQuartile)).toBe('-7/20');
    expect(exact(result.upperQuartile)).toBe('13/20');
    expect(summary(result.give)).toEqual([
      ['a', '-9/10'],
      ['b', '-1/2'],
    ]);
    expect(summary(result.receive)).toEqual([
      ['h', '6/5'],
      ['g', '4/5'],
    ]);
  });

  it('breaks ties of ROI by activity label', () => {
    const activities = [
      makeActivity('beta', '-0.5'),
      makeActivity('gamma', '0.2'),
      makeActivity('Epsilon', '0.9'),
      makeActivity('Alpha', '-0.5'),
      makeActivity('delta', '0.9'),
    ];
    const result = reallocation(activities, organisationWithRoi('0.2'), 2);
    expect(result.give.map((item) => item.activity)).toEqual(['Alpha', 'beta']);
    expect(result.receive.map((item) => item.activity)).toEqual(['delta', 'Epsilon']);
  });

  it('suggests nothing with fewer than 4 activities with cost, and says why', () => {
    const activities = [
      makeActivity('a', '-0.9'),
      makeActivity('b', '0.1'),
      makeActivity('c', '3'),
    ];
    const result = reallocation(activities, { cost: '3000', value: '4200' }, 2);
    expect(result).toEqual({
      organisationRoi: expect.anything(),
      lowerQuartile: null,
      upperQuartile: null,
      give: [],
      receive: [],
      explanation:
        'Only 3 activities had costs in the period: at least 4 are needed to compare quartiles, so no reallocation is suggested.',
      activitiesCompared: 3,
    });
    expect(exact(result.organisationRoi)).toBe('2/5');
  });

  it('counts only activities with cost > 0 toward the 4', () => {
    const activities = [
      makeActivity('a', '-0.9'),
      makeActivity('b', '0.1'),
      makeActivity('c', '3'),
      { activity: 'word of mouth', cost: '0.00', value: '500' },
      { activity: 'refunded agency', cost: '-200', value: '0' },
    ];
    const result = reallocation(activities, { cost: '2800', value: '4700' }, 2);
    expect(result.activitiesCompared).toBe(3);
    expect(result.explanation).toMatch(/^Only 3 activities had costs in the period/);
    expect(result.give).toEqual([]);
  });

  it('words the explanation for one activity and for none', () => {
    expect(reallocation([makeActivity('a', '0.5')], { cost: '1000', value: '1500' }, 2)).toEqual(
      expect.objectContaining({
        explanation:
          'Only 1 activity had costs in the period: at least 4 are needed to compare quartiles, so no reallocation is suggested.',
      }),
    );
    expect(reallocation([], { cost: '1000', value: '1500' }, 2).explanation).toBe(
      'No activity had costs in the period: at least 4 are needed to compare quartiles, so no reallocation is suggested.',
    );
  });

  it('suggests nothing when the organisation had no cost, as its ROI is undefined', () => {
    const activities = ['a', 'b', 'c', 'd', 'e'].map((activity) => ({
      activity,
      cost: '0',
      value: '100',
    }));
    const result = reallocation(activities, { cost: '0.00', value: '500' }, 2);
    expect(result.organisationRoi).toBeNull();
    expect(result.lowerQuartile).toBeNull();
    expect(result.upperQuartile).toBeNull();
    expect(result.give).toEqual([]);
    expect(result.receive).toEqual([]);
    expect(result.explanation).toBe(
      'The organisation recorded no cost in the period, so its ROI is undefined and there is nothing to compare activities with: no reallocation is suggested.',
    );
  });

  it('explains why nothing is suggested when no activity meets both conditions', () => {
    const activities = ['a', 'b', 'c', 'd'].map((label) => makeActivity(label, '0.1'));
    const result = reallocation(activities, { cost: '4000', value: '4400' }, 2);
    expect(exact(result.lowerQuartile)).toBe('1/10');
    expect(result.give).toEqual([]);
    expect(result.receive).toEqual([]);
    expect(result.explanation).toBe(
      "None of the 4 activities with costs in the period is both at or below the lower quartile (10.00%) and below the organisation's ROI (10.00%), or at or above the upper quartile (10.00%) and above it, so no reallocation is suggested.",
    );
  });

  it('adds up an activity given twice, and returns its sums as exact decimal strings', () => {
    const activities = [
      { activity: 'paid promotion', cost: '1500.50', value: '1000.00' },
      { activity: 'paid promotion', cost: '2499.50', value: '2500.00' },
      makeActivity('b', '0.031'),
      makeActivity('c', '0.2'),
      makeActivity('d', '0.4'),
      makeActivity('e', '0.9'),
    ];
    const result = reallocation(activities, { cost: '8000', value: '9456' }, 2);
    expect(result.activitiesCompared).toBe(5);
    expect(result.give[0]).toMatchObject({
      activity: 'paid promotion',
      cost: '4000',
      value: '3500',
    });
  });

  it('shows money in the currency minor unit: none for JPY', () => {
    const activities = [
      makeActivity('paid promotion', '-0.125', '1234567.5'),
      makeActivity('b', '0.031'),
      makeActivity('c', '0.2'),
      makeActivity('d', '0.4'),
      makeActivity('e', '0.9'),
    ];
    const result = reallocation(activities, organisationWithRoi('0.182'), 0);
    expect(result.give[0]?.reason).toBe(
      "Paid promotion returned -12.50% on 1,234,568 of cost, at or below the lower quartile (3.10%) and below the organisation's 18.20%.",
    );
  });

  it("keeps a label's own capitals at the start of the sentence", () => {
    const activities = [
      makeActivity('eBay ads', '-0.5'),
      makeActivity('b', '0.1'),
      makeActivity('c', '0.2'),
      makeActivity('iOS campaign', '0.9'),
    ];
    const result = reallocation(activities, organisationWithRoi('0.15'), 2);
    expect(result.give[0]?.reason).toMatch(/^eBay ads returned -50\.00%/);
    expect(result.receive[0]?.reason).toMatch(/^iOS campaign returned 90\.00%/);
  });

  describe('for any activities', () => {
    const money = fc
      .integer({ min: -1_000_000, max: 100_000_000 })
      .map((cents) => new FractionJs(cents, 100).toString());
    const activityList = fc
      .array(fc.record({ cost: money, value: money }), { maxLength: 14 })
      .map((rows) => rows.map((row, i) => ({ activity: `activity ${i % 9}`, ...row })));
    const extraValue = fc.nat(1_000_000).map(String);

    /** Organisation totals: the activities' sums plus value recorded without cost. */
    const totals = (activities: ActivityFigures[], extra: string) => ({
      cost: activities
        .reduce((sum, a) => sum.add(exactDecimal(a.cost)), new FractionJs(0))
        .toString(),
      value: activities
        .reduce((sum, a) => sum.add(exactDecimal(a.value)), exactDecimal(extra))
        .toString(),
    });

    it('suggests only what the rule allows, in order, and everything it allows', () => {
      fc.assert(
        fc.property(activityList, extraValue, (activities, extra) => {
          const result = reallocation(activities, totals(activities, extra), 2);
          const { organisationRoi: org, lowerQuartile: q1, upperQuartile: q3 } = result;
          if (org === null || q1 === null || q3 === null) {
            expect(result.give).toEqual([]);
            expect(result.receive).toEqual([]);
            expect(q1).toBeNull();
            expect(q3).toBeNull();
            expect(result.explanation).not.toBeNull();
            return;
          }
          expect(result.activitiesCompared).toBeGreaterThanOrEqual(4);
          for (const item of result.give) expect(item.roi.lte(q1) && item.roi.lt(org)).toBe(true);
          for (const item of result.receive) {
            expect(item.roi.gte(q3) && item.roi.gt(org)).toBe(true);
          }
          result.give.slice(1).forEach((item, i) => {
            expect(item.roi.gte((result.give[i] as { roi: Fraction }).roi)).toBe(true);
          });
          result.receive.slice(1).forEach((item, i) => {
            expect(item.roi.lte((result.receive[i] as { roi: Fraction }).roi)).toBe(true);
          });
          expect(result.explanation === null).toBe(result.give.length + result.receive.length > 0);
        }),
      );
    });

    it('finds every candidate: those left out fail the rule', () => {
      fc.assert(
        fc.property(activityList, extraValue, (activities, extra) => {
          const result = reallocation(activities, totals(activities, extra), 2);
          const { organisationRoi: org, lowerQuartile: q1, upperQuartile: q3 } = result;
          if (org === null || q1 === null || q3 === null) return true;
          const byLabel = new Map<string, { cost: Fraction; value: Fraction }>();
          for (const a of activities) {
            const seen = byLabel.get(a.activity) ?? {
              cost: new FractionJs(0),
              value: new FractionJs(0),
            };
            byLabel.set(a.activity, {
              cost: seen.cost.add(exactDecimal(a.cost)),
              value: seen.value.add(exactDecimal(a.value)),
            });
          }
          const rois = [...byLabel]
            .filter(([, sums]) => sums.cost.gt(0))
            .map(([label, { cost, value }]) => [label, value.sub(cost).div(cost)] as const);
          const gives = rois.filter(([, roi]) => roi.lte(q1) && roi.lt(org)).map(([l]) => l);
          const receives = rois.filter(([, roi]) => roi.gte(q3) && roi.gt(org)).map(([l]) => l);
          return (
            rois.length === result.activitiesCompared &&
            gives.sort().join('|') ===
              result.give
                .map((i) => i.activity)
                .sort()
                .join('|') &&
            receives.sort().join('|') ===
              result.receive
                .map((i) => i.activity)
                .sort()
                .join('|')
          );
        }),
      );
    });
  });
});
