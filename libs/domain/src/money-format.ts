import FractionJs from 'fraction.js';
import { exactDecimal } from './exact-decimal';

/**
 * An exact rational number from fraction.js. The package exports its class as a CommonJS value
 * only (`export =`), so the instance type needs a name of its own for signatures to use.
 */
export type Fraction = InstanceType<typeof FractionJs>;

/**
 * Display of money and ratios (BRIEF, "Money and ROI"):
 *
 * > ROI is reported as a ratio rounded half away from zero to 4 decimal places (0.2345 = 23.45%);
 * > money is rounded to the currency's minor unit only for display.
 *
 * Every function here rounds an exact value once, at the end, and prints a fixed number of digits,
 * locale-neutral ('.' decimal point, ',' grouping) so the API, the web app and the PDF export print
 * the same figure the same way.
 */

/** Reads an exact value: a fraction as it is, a decimal string (e.g. PostgreSQL `numeric`) exactly. */
export function toExact(value: Fraction | string): Fraction {
  return typeof value === 'string' ? exactDecimal(value) : value;
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100) {
    throw new RangeError(`decimals must be a whole number from 0 to 100: ${decimals}`);
  }
}

/**
 * The value rounded half away from zero to `decimals` places, printed with exactly that many
 * digits after the point ('0.2345', '-0.1250', '100.00', '1235' for 0 decimals). A value that
 * rounds to zero prints without a sign ('0.0000', never '-0.0000').
 */
export function roundHalfAwayFromZero(value: Fraction, decimals: number): string {
  assertDecimals(decimals);
  const scale = 10n ** BigInt(decimals);
  // |value| = n/d; half away from zero on the magnitude is floor(n * scale / d + 1/2).
  const units = (2n * value.n * scale + value.d) / (2n * value.d);
  const digits = units.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const sign = value.s < 0n && units !== 0n ? '-' : '';
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * The exact decimal string of a fraction whose decimal expansion terminates (any sum or product of
 * decimals does), trailing zeros dropped: '1234.56', '-0.125', '0'. Throws on a value such as 1/3,
 * which no decimal string holds exactly.
 */
export function toDecimalString(value: Fraction): string {
  let twos = 0;
  let fives = 0;
  let rest = value.d;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  if (rest !== 1n) {
    throw new RangeError(`not a terminating decimal: ${value.toFraction()}`);
  }
  const places = Math.max(twos, fives);
  const printed = roundHalfAwayFromZero(value, places);
  return places === 0 ? printed : printed.replace(/\.?0+$/, '');
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Money for reading: rounded half away from zero to the currency's minor unit, ',' between
 * thousands, '.' before the minor unit: '20,345.67', '-1,000.00', '1,235' (JPY, 0 minor units).
 */
export function formatMoneyPlain(amount: Fraction | string, minorUnits: number): string {
  const rounded = roundHalfAwayFromZero(toExact(amount), minorUnits);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(rounded) as RegExpExecArray;
  return `${match[1]}${groupThousands(match[2] as string)}${match[3] ?? ''}`;
}

/**
 * A ratio as a percentage: 0.2345 -> '23.45%', rounded half away from zero to `decimals` places of
 * the percentage (2 places of a percentage are the 4 places of the reported ROI), 'n/a' for null
 * (an undefined ROI, "shown as 'n/a'"). Thousands are grouped like money ('1,250.00%').
 */
export function formatPercent(ratio: Fraction | string | null, decimals = 2): string {
  if (ratio === null) return 'n/a';
  return `${formatMoneyPlain(toExact(ratio).mul(100), decimals)}%`;
}
