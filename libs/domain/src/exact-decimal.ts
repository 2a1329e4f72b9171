import Fraction from 'fraction.js';

type Exact = InstanceType<typeof Fraction>;

/** A decimal value: a JS number typed as a decimal, or a decimal string such as `'12.50'`. */
export type DecimalValue = number | string;

const decimalPattern = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a decimal. A number is read from its shortest round-trip decimal string, the
 * digits the user typed: fraction.js would otherwise approximate it by a continued fraction, and
 * 0.30000000000000004 would silently become 3/10.
 */
export function exactDecimal(value: DecimalValue): Exact {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const match = decimalPattern.exec(String(value).trim());
  if (!match) throw new RangeError(`not a decimal number: ${value}`);
  const mantissa = new Fraction(match[1] as string);
  // Most values (every PostgreSQL numeric) carry no exponent: skip the power, five times slower.
  if (match[2] === undefined) return mantissa;
  return mantissa.mul(new Fraction(10).pow(Number(match[2])));
}
