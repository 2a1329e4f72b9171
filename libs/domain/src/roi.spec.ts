import fc from 'fast-check';
import FractionJs from 'fraction.js';
import { exactDecimal } from './exact-decimal';
import type { Fraction } from './money-format';
import {
  addLedgerSums,
  budgetVariance,
  displayRoiFigures,
  LedgerSums,
  paybackDate,
  ROI_DECIMALS,
  roiFigures,
  roundHalfAwayFromZero,
  ZERO_SUMS,
} from './roi';

/** A fraction as 'n/d' text, so a failing expectation shows the exact value. */
const exact = (value: Fraction | null) => (value === null ? null : value.toFraction());

function makeSums(overrides: Partial<LedgerSums> = {}): LedgerSums {
  return { cost: '1000.00', value: '1250.00', riskAdjustedValue: '1100.00', ...overrides };
}

function makeDay(date: string, overrides: { cost?: string; value?: string } = {}) {
  return { date, cost: '0', value: '0', ...overrides };
}

/** Decimal strings as PostgreSQL numeric prints them: up to 6 places, trailing zeros kept. */
const decimalString = fc
  .record({
    units: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
    places: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ units, places }) => {
    const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = places === 0 ? '' : `.${digits.slice(digits.length - places)}`;
    return `${units < 0n ? '-' : ''}${whole}${fraction}`;
  });

const ledgerSums = fc.record({
  cost: decimalString,
  value: decimalString,
  riskAdjustedValue: decimalString,
});

describe('ROI figures of a scope', () => {
  it('computes net return V - C, ROI (V - C) / C and risk-adjusted ROI (Va - C) / C exactly', () => {
    const figures = roiFigures(makeSums());
    expect(exact(figures.cost)).toBe('1000');
    expect(exact(figures.value)).toBe('1250');
    expect(exact(figures.riskAdjustedValue)).toBe('1100');
    expect(exact(figures.net)).toBe('250');
    expect(exact(figures.roi)).toBe('1/4');
    expect(exact(figures.riskAdjustedRoi)).toBe('1/10');
  });

  it.each(['0', '0.00', '-0', '0.000000'])(
    'leaves ROI undefined (null), never 0 or Infinity, when the cost is %s',
    (cost) => {
      const figures = roiFigures(makeSums({ cost, value: '500', riskAdjustedValue: '250' }));
      expect(figures.roi).toBeNull();
      expect(figures.riskAdjustedRoi).toBeNull();
      expect(exact(figures.net)).toBe('500');
    },
  );

  it('leaves ROI undefined for a scope with nothing in its ledger', () => {
    const figures = roiFigures(ZERO_SUMS);
    expect(figures.roi).toBeNull();
    expect(figures.riskAdjustedRoi).toBeNull();
    expect(exact(figures.net)).toBe('0');
  });

  it('gives a negative ROI when value falls short of cost, and -1 when there is no value', () => {
    expect(exact(roiFigures(makeSums({ cost: '800', value: '700' })).roi)).toBe('-1/8');
    expect(exact(roiFigures(makeSums({ cost: '800', value: '0' })).roi)).toBe('-1');
  });

  it('keeps the risk-adjusted value exact, with more decimals than money has', () => {
    // 1000 x 0.3333 + 333.33 x 0.5: six decimals, never rounded before the ROI.
    const figures = roiFigures(makeSums({ cost: '500', riskAdjustedValue: '499.965000' }));
    expect(exact(figures.riskAdjustedRoi)).toBe('-7/100000');
  });

  it('computes on exact decimals where floating point would drift', () => {
    // (0.4 - 0.3) / 0.3 is 0.33333333333333337 in floating point.
    expect(exact(roiFigures(makeSums({ cost: '0.3', value: '0.4' })).roi)).toBe('1/3');
  });

  it('reads PostgreSQL numeric strings with trailing zeros', () => {
    const figures = roiFigures({ cost: '1000.0000', value: '1100.5000', riskAdjustedValue: '0' });
    expect(exact(figures.roi)).toBe('201/2000');
  });

  it('divides by a negative cost as it is (refunds larger than costs), undefined only at 0', () => {
    expect(exact(roiFigures(makeSums({ cost: '-100', value: '50' })).roi)).toBe('-3/2');
  });

  it('refuses an amount that is not a decimal number', () => {
    expect(() => roiFigures(makeSums({ cost: '' }))).toThrow(RangeError);
    expect(() => roiFigures(makeSums({ value: '12,50' }))).toThrow(RangeError);
  });
});

describe('display of ROI figures', () => {
  /** Sums whose ROI is exactly `roi` (cost 100000, so up to 5 decimals are exact). */
  const sumsWithRoi = (roi: string) => {
    const value = exactDecimal(roi).add(1).mul(100000).toString();
    return { cost: '100000', value, riskAdjustedValue: value };
  };

  it.each([
    ['0.2345', '0.2345'],
    ['0.12345', '0.1235'],
    ['-0.12345', '-0.1235'],
    ['0.12344', '0.1234'],
    ['-0.12344', '-0.1234'],
    ['-0.125', '-0.1250'],
    ['0.00005', '0.0001'],
    ['-0.00005', '-0.0001'],
    ['-0.00004', '0.0000'],
    ['0', '0.0000'],
    ['-1', '-1.0000'],
    ['12.5', '12.5000'],
  ])('reports an ROI of %s as %s (half away from zero, 4 decimals)', (roi, shown) => {
    const display = displayRoiFigures(roiFigures(sumsWithRoi(roi)), 2);
    expect(display.roi).toBe(shown);
    expect(display.riskAdjustedRoi).toBe(shown);
  });

  it('reports an ROI of 1/3 as 0.3333 and 2/3 as 0.6667', () => {
    expect(displayRoiFigures(roiFigures(makeSums({ cost: '3', value: '4' })), 2).roi).toBe(
      '0.3333',
    );
    expect(displayRoiFigures(roiFigures(makeSums({ cost: '3', value: '5' })), 2).roi).toBe(
      '0.6667',
    );
    expect(displayRoiFigures(roiFigures(makeSums({ cost: '3', value: '2' })), 2).roi).toBe(
      '-0.3333',
    );
  });

  it('shows an undefined ROI as null', () => {
    const display = displayRoiFigures(roiFigures(makeSums({ cost: '0' })), 2);
    expect(display.roi).toBeNull();
    expect(display.riskAdjustedRoi).toBeNull();
  });

  it('rounds money to the minor unit with exactly that many digits', () => {
    const display = displayRoiFigures(
      roiFigures({ cost: '100', value: '0.005', riskAdjustedValue: '-0.004' }),
      2,
    );
    expect(display).toEqual({
      cost: '100.00',
      value: '0.01',
      riskAdjustedValue: '0.00',
      net: '-100.00',
      roi: '-1.0000',
      riskAdjustedRoi: '-1.0000',
    });
  });

  it('rounds money of a currency without minor unit (JPY) to whole units', () => {
    const display = displayRoiFigures(
      roiFigures({ cost: '1000', value: '1234.5', riskAdjustedValue: '-1234.5' }),
      0,
    );
    expect(display.value).toBe('1235');
    expect(display.riskAdjustedValue).toBe('-1235');
    expect(display.net).toBe('235');
    expect(display.roi).toBe('0.2345');
  });

  it('rounds money of a currency with 3 minor digits (BHD) to thousandths', () => {
    const display = displayRoiFigures(
      roiFigures({ cost: '1.0005', value: '2', riskAdjustedValue: '2' }),
      3,
    );
    expect(display.cost).toBe('1.001');
  });
});

describe('rounding half away from zero', () => {
  it.each([
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['2.4999', 0, '2'],
    ['-0.4', 0, '0'],
    ['0.125', 2, '0.13'],
    ['-0.125', 2, '-0.13'],
    ['-0.005', 2, '-0.01'],
    ['-0.0049', 2, '0.00'],
    ['-0.00004', 4, '0.0000'],
    ['1234567.891', 2, '1234567.89'],
    ['7', 3, '7.000'],
    ['0.99995', 4, '1.0000'],
  ])('rounds %s to %i decimals as %s', (value, decimals, rounded) => {
    expect(roundHalfAwayFromZero(exactDecimal(value), decimals)).toBe(rounded);
  });

  it('rounds a fraction with no decimal form, 1/3 and -2/3', () => {
    expect(roundHalfAwayFromZero(new FractionJs(1, 3), ROI_DECIMALS)).toBe('0.3333');
    expect(roundHalfAwayFromZero(new FractionJs(-2, 3), ROI_DECIMALS)).toBe('-0.6667');
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundHalfAwayFromZero(exactDecimal('1'), -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(exactDecimal('1'), 1.5)).toThrow(RangeError);
  });

  it('leaves a value with at most 4 decimals as it is', () => {
    const upToFourPlaces = fc
      .record({ units: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }) })
      .map(({ units }) => new FractionJs(units, 10000n));
    fc.assert(
      fc.property(upToFourPlaces, (value) => {
        const rounded = roundHalfAwayFromZero(value, 4);
        return /^-?\d+\.\d{4}$/.test(rounded) && exactDecimal(rounded).equals(value);
      }),
    );
  });

  it('lands within half a unit of the last place, symmetric around zero, never at -0', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 6 }),
        (numerator, denominator, decimals) => {
          const value = new FractionJs(numerator, denominator);
          const rounded = roundHalfAwayFromZero(value, decimals);
          const error = exactDecimal(rounded).sub(value).abs();
          const mirrored = roundHalfAwayFromZero(value.neg(), decimals);
          const isZero = /^0(\.0*)?$/.test(rounded);
          const expectedMirror = isZero
            ? rounded
            : rounded.startsWith('-')
              ? rounded.slice(1)
              : `-${rounded}`;
          return (
            error.lte(new FractionJs(1, 2).div(new FractionJs(10).pow(decimals))) &&
            !/^-0(\.0*)?$/.test(rounded) &&
            mirrored === expectedMirror
          );
        },
      ),
    );
  });
});

describe('adding ledger sums', () => {
  it('adds exactly where floating point would not', () => {
    expect(
      addLedgerSums(
        { cost: '0.1', value: '0.2', riskAdjustedValue: '0.000000000000000001' },
        { cost: '0.2', value: '0.1', riskAdjustedValue: '1' },
      ),
    ).toEqual({ cost: '0.3', value: '0.3', riskAdjustedValue: '1.000000000000000001' });
  });

  it('returns exact decimal strings with trailing zeros dropped, negatives kept', () => {
    expect(
      addLedgerSums(
        { cost: '1234.5600', value: '-10.25', riskAdjustedValue: '0.000' },
        { cost: '0.4400', value: '5', riskAdjustedValue: '0' },
      ),
    ).toEqual({ cost: '1235', value: '-5.25', riskAdjustedValue: '0' });
  });

  it('has ZERO_SUMS as its identity, and ZERO_SUMS cannot be changed', () => {
    expect(addLedgerSums(ZERO_SUMS, makeSums())).toEqual({
      cost: '1000',
      value: '1250',
      riskAdjustedValue: '1100',
    });
    expect(Object.isFrozen(ZERO_SUMS)).toBe(true);
  });

  it('is commutative and associative', () => {
    fc.assert(
      fc.property(ledgerSums, ledgerSums, ledgerSums, (a, b, c) => {
        expect(addLedgerSums(a, b)).toEqual(addLedgerSums(b, a));
        expect(addLedgerSums(addLedgerSums(a, b), c)).toEqual(
          addLedgerSums(a, addLedgerSums(b, c)),
        );
      }),
    );
  });

  it('gives the figures of the whole when the parts are added: roiFigures of the sum is the totals', () => {
    fc.assert(
      fc.property(fc.array(ledgerSums, { maxLength: 12 }), (parts) => {
        const summed = roiFigures(parts.reduce(addLedgerSums, ZERO_SUMS));
        const total = (pick: (sums: LedgerSums) => string) =>
          parts.reduce((sum, part) => sum.add(exactDecimal(pick(part))), new FractionJs(0));
        const cost = total((sums) => sums.cost);
        const value = total((sums) => sums.value);
        const riskAdjustedValue = total((sums) => sums.riskAdjustedValue);
        expect(exact(summed.cost)).toBe(exact(cost));
        expect(exact(summed.net)).toBe(exact(value.sub(cost)));
        expect(exact(summed.roi)).toBe(cost.equals(0) ? null : exact(value.sub(cost).div(cost)));
        expect(exact(summed.riskAdjustedRoi)).toBe(
          cost.equals(0) ? null : exact(riskAdjustedValue.sub(cost).div(cost)),
        );
      }),
    );
  });
});

describe('ROI is undefined exactly when the cost is zero', () => {
  it('holds for any sums', () => {
    const cost = fc.oneof(decimalString, fc.constantFrom('0', '0.00', '-0', '0.000000'));
    fc.assert(
      fc.property(ledgerSums, cost, (sums, costSum) => {
        const figures = roiFigures({ ...sums, cost: costSum });
        const zeroCost = exactDecimal(costSum).equals(0);
        return (
          (figures.roi === null) === zeroCost && (figures.riskAdjustedRoi === null) === zeroCost
        );
      }),
    );
  });
});

describe('payback date', () => {
  it('is the day the running value reaches the running cost', () => {
    const days = [
      makeDay('2024-01-01', { cost: '1000', value: '100' }),
      makeDay('2024-01-10', { cost: '200', value: '500' }),
      makeDay('2024-01-20', { value: '700' }),
      makeDay('2024-01-25', { value: '900' }),
    ];
    // Running cost 1000, 1200, 1200; running value 100, 600, 1300 -> reached on the 20th.
    expect(paybackDate(days)).toBe('2024-01-20');
  });

  it('counts the day the running value equals the running cost', () => {
    const days = [
      makeDay('2024-03-01', { cost: '1000.00' }),
      makeDay('2024-03-02', { value: '400.00' }),
      makeDay('2024-03-03', { value: '600.00' }),
    ];
    expect(paybackDate(days)).toBe('2024-03-03');
  });

  it('counts equality exactly where floating point would miss it', () => {
    // 0.1 + 0.2 > 0.3 in floating point; exactly, the value reaches the cost on the 2nd.
    const days = [
      makeDay('2024-01-01', { cost: '0.1' }),
      makeDay('2024-01-02', { cost: '0.2', value: '0.3' }),
    ];
    expect(paybackDate(days)).toBe('2024-01-02');
  });

  it('can be the first day, when that day brings as much value as cost', () => {
    expect(paybackDate([makeDay('2024-05-01', { cost: '50', value: '50' })])).toBe('2024-05-01');
  });

  it('is null when the running value never reaches the running cost within the period', () => {
    const days = [
      makeDay('2024-01-01', { cost: '1000' }),
      makeDay('2024-01-15', { value: '999.99' }),
    ];
    expect(paybackDate(days)).toBeNull();
  });

  it('waits for cost to start when value arrives before it', () => {
    const days = [makeDay('2024-02-01', { value: '500' }), makeDay('2024-02-05', { cost: '100' })];
    // On the 1st the running cost is 0: nothing to pay back yet. On the 5th 500 >= 100.
    expect(paybackDate(days)).toBe('2024-02-05');
  });

  it('waits until value catches up when cost started after early value', () => {
    const days = [
      makeDay('2024-02-01', { value: '50' }),
      makeDay('2024-02-02', { cost: '100' }),
      makeDay('2024-02-03', { value: '50' }),
    ];
    expect(paybackDate(days)).toBe('2024-02-03');
  });

  it('never pays back without cost, however much value there is', () => {
    expect(paybackDate([makeDay('2024-01-01', { value: '1000' })])).toBeNull();
  });

  it('never pays back without value', () => {
    expect(paybackDate([makeDay('2024-01-01', { cost: '1000' })])).toBeNull();
  });

  it('is null for a period with no entries', () => {
    expect(paybackDate([])).toBeNull();
  });

  it('does not count a day on which refunds bring the running cost to zero or below', () => {
    const days = [
      makeDay('2024-01-01', { cost: '100' }),
      makeDay('2024-01-02', { cost: '-150' }),
      makeDay('2024-01-03', { cost: '60', value: '10' }),
    ];
    // Running cost 100, -50, 10: on the 2nd it is not > 0; on the 3rd value 10 >= 10.
    expect(paybackDate(days)).toBe('2024-01-03');
  });

  it('returns the first qualifying date even if a later correction undoes it', () => {
    const days = [
      makeDay('2024-01-01', { cost: '100', value: '100' }),
      makeDay('2024-01-02', { value: '-50' }),
    ];
    expect(paybackDate(days)).toBe('2024-01-01');
  });

  it('accepts days in any order and adds rows that share a date', () => {
    const days = [
      makeDay('2024-01-20', { value: '300' }),
      makeDay('2024-01-05', { value: '200' }),
      makeDay('2024-01-01', { cost: '300' }),
      makeDay('2024-01-05', { value: '100' }),
    ];
    expect(paybackDate(days)).toBe('2024-01-05');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => paybackDate([makeDay('2024-1-5', { cost: '1' })])).toThrow(RangeError);
  });

  it('does not depend on the order of the days', () => {
    const day = fc.record({
      date: fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`),
      cost: decimalString,
      value: decimalString,
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 15 }), fc.func(fc.integer()), (days, key) => {
        const shuffled = [...days].sort((a, b) => key(a) - key(b));
        return paybackDate(shuffled) === paybackDate(days);
      }),
    );
  });

  it('is a date where both running totals are positive and value covers cost, and none earlier is', () => {
    const day = fc.record({
      date: fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`),
      cost: fc.integer({ min: -5, max: 20 }).map(String),
      value: fc.integer({ min: -5, max: 20 }).map(String),
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 15 }), (days) => {
        const payback = paybackDate(days);
        const totalsOn = (date: string) =>
          days
            .filter((d) => d.date <= date)
            .reduce(
              (sum, d) => ({ cost: sum.cost + Number(d.cost), value: sum.value + Number(d.value) }),
              { cost: 0, value: 0 },
            );
        const pays = (date: string) => {
          const { cost, value } = totalsOn(date);
          return cost > 0 && value > 0 && value >= cost;
        };
        const earlier = days.filter((d) => payback === null || d.date < payback);
        return (payback === null || pays(payback)) && earlier.every((d) => !pays(d.date));
      }),
    );
  });
});

describe('budget variance', () => {
  it('is planned budget - actual cost, positive when under budget', () => {
    expect(exact(budgetVariance('5000.00', '4200.50'))).toBe('1599/2');
  });

  it('is negative when over budget and zero on budget', () => {
    expect(exact(budgetVariance('1000', '1000.01'))).toBe('-1/100');
    expect(exact(budgetVariance('1000', '1000.00'))).toBe('0');
  });

  it('is exact where floating point is not', () => {
    expect(exact(budgetVariance('0.3', '0.1'))).toBe('1/5');
  });
});
