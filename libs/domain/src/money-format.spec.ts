import fc from 'fast-check';
import FractionJs from 'fraction.js';
import { exactDecimal } from './exact-decimal';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyPlain,
  formatPercent,
  roundHalfAwayFromZero,
  toDecimalString,
  toExact,
} from './money-format';

describe('money for reading', () => {
  it.each([
    ['20345.67', 2, '20,345.67'],
    ['20345.665', 2, '20,345.67'],
    ['-20345.665', 2, '-20,345.67'],
    ['1234567.891', 2, '1,234,567.89'],
    ['999.995', 2, '1,000.00'],
    ['999.994', 2, '999.99'],
    ['-0.005', 2, '-0.01'],
    ['-0.004', 2, '0.00'],
    ['0', 2, '0.00'],
    ['100', 2, '100.00'],
    ['1234.5', 0, '1,235'],
    ['-1234567', 0, '-1,234,567'],
    ['1234.5675', 3, '1,234.568'],
  ])('shows %s with %i minor digits as %s', (amount, minorUnits, shown) => {
    expect(formatMoneyPlain(amount, minorUnits)).toBe(shown);
  });

  it('takes an exact fraction as well as a decimal string', () => {
    expect(formatMoneyPlain(new FractionJs(10000, 3), 2)).toBe('3,333.33');
  });

  it('is the rounded amount with commas between thousands', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 4 }),
        (units, minorUnits) => {
          const amount = new FractionJs(units, 1000n);
          const shown = formatMoneyPlain(amount, minorUnits);
          return (
            /^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(shown) &&
            shown.replace(/,/g, '') === roundHalfAwayFromZero(amount, minorUnits)
          );
        },
      ),
    );
  });
});

describe('percentages', () => {
  it.each([
    ['0.2345', '23.45%'],
    ['-0.125', '-12.50%'],
    ['0.00005', '0.01%'],
    ['-0.00005', '-0.01%'],
    ['-0.00004', '0.00%'],
    ['0', '0.00%'],
    ['12.5', '1,250.00%'],
  ])('shows a ratio of %s as %s', (ratio, shown) => {
    expect(formatPercent(ratio)).toBe(shown);
  });

  it('rounds a ratio with no decimal form half away from zero', () => {
    expect(formatPercent(new FractionJs(1, 3))).toBe('33.33%');
    expect(formatPercent(new FractionJs(-2, 3))).toBe('-66.67%');
  });

  it('shows an undefined ratio as n/a', () => {
    expect(formatPercent(null)).toBe('n/a');
  });

  it('takes the number of decimals of the percentage', () => {
    expect(formatPercent('0.2345', 0)).toBe('23%');
    expect(formatPercent('0.2345', 1)).toBe('23.5%');
    expect(formatPercent('-0.2345', 1)).toBe('-23.5%');
  });
});

describe('exact decimal strings', () => {
  it.each([
    [new FractionJs(1, 8), '0.125'],
    [new FractionJs(-5, 2), '-2.5'],
    [new FractionJs(1000), '1000'],
    [new FractionJs(0), '0'],
    [exactDecimal('1234.5600'), '1234.56'],
    [exactDecimal('0.000000000000000001'), '0.000000000000000001'],
  ])('prints %s exactly as %s', (value, printed) => {
    expect(toDecimalString(value)).toBe(printed);
  });

  it('refuses a fraction no decimal string holds, such as 1/3', () => {
    expect(() => toDecimalString(new FractionJs(1, 3))).toThrow(RangeError);
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (numerator, twos, fives) => {
          const value = new FractionJs(numerator, 2n ** BigInt(twos) * 5n ** BigInt(fives));
          return exactDecimal(toDecimalString(value)).equals(value);
        },
      ),
    );
  });

  it('reads a decimal string exactly and leaves a fraction as it is', () => {
    expect(toExact('0.1').toFraction()).toBe('1/10');
    const third = new FractionJs(1, 3);
    expect(toExact(third)).toBe(third);
  });
});

describe("money in the organisation's currency and locale", () => {
  // Intl separates a currency from its figure with a no-break space in many locales.
  const nbsp = '\u00a0';

  it.each([
    ['20345.67', 'EUR', 'en-GB', '€20,345.67'],
    ['-1000', 'EUR', 'en-GB', '-€1,000.00'],
    ['20345.665', 'GBP', 'en-GB', '£20,345.67'],
    ['-20345.665', 'GBP', 'en-GB', '-£20,345.67'],
    ['1234.5', 'JPY', 'en-GB', 'JP¥1,235'],
    ['1234.5675', 'BHD', 'en-GB', `BHD${nbsp}1,234.568`],
    ['20345.67', 'EUR', 'de-DE', `20.345,67${nbsp}€`],
    ['1234567.5', 'JPY', 'de-DE', `1.234.568${nbsp}¥`],
  ])('shows %s %s in %s as %s', (amount, currency, locale, shown) => {
    expect(formatMoney(amount, currency, locale)).toBe(shown);
  });

  it('rounds the exact decimal string, not a float near it', () => {
    // As a double 1.005 is 1.00499999999999989..., which would round down.
    expect(formatMoney('1.005', 'EUR', 'en-GB')).toBe('€1.01');
    expect(formatMoney('9007199254740993.01', 'EUR', 'en-GB')).toBe('€9,007,199,254,740,993.01');
  });

  it('writes en-GB for a locale it cannot read or does not know', () => {
    expect(formatMoney('20345.67', 'EUR', 'en_GB')).toBe('€20,345.67');
    expect(formatMoney('20345.67', 'EUR', 'zz-ZZ')).toBe('€20,345.67');
  });
});

describe('dates as the organisation reads them', () => {
  it('shows a calendar day as the web app does, never shifted by a time zone', () => {
    expect(formatDate('2026-06-03', 'en-GB')).toBe('3 Jun 2026');
    expect(formatDate('2027-12-31', 'en-GB')).toBe('31 Dec 2027');
    expect(formatDate('2027-01-01', 'zz-ZZ')).toBe('1 Jan 2027');
  });

  it('gives back a string that is not a day as it is', () => {
    expect(formatDate('soon', 'en-GB')).toBe('soon');
    expect(formatDate('2027-02-30', 'en-GB')).toBe('2027-02-30');
  });

  it("shows an instant in the organisation's time zone", () => {
    expect(formatDateTime('2027-07-02T09:30:00Z', 'en-GB', 'Europe/London')).toBe(
      '2 Jul 2027, 10:30 BST',
    );
    expect(formatDateTime('2027-07-02T09:30:00Z', 'en-GB', 'Not/AZone')).toBe(
      '2 Jul 2027, 09:30 UTC',
    );
  });
});
