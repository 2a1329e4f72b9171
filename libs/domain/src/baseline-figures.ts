import Fraction from 'fraction.js';

/** Decimal places a baseline figure keeps: enough for "posts a month" averaged over respondents. */
export const BASELINE_DECIMALS = 4;

/**
 * The baseline figure a number question of a closed assessment becomes (BRIEF, "Assessments":
 * quantities recorded in the channel audit become dated baseline figures that KPIs can take as
 * their baseline). With several respondents the figure is the mean of their answers, computed
 * exactly and rounded half away from zero to four decimal places; returned as a decimal string so
 * it is stored exact. Null when nobody answered.
 */
export function baselineValue(values: readonly number[]): string | null {
  if (values.length === 0) return null;
  const mean = values
    .reduce((sum, value) => sum.add(new Fraction(String(value))), new Fraction(0))
    .div(values.length);
  const scale = new Fraction(10).pow(BASELINE_DECIMALS);
  const scaled = mean.abs().mul(scale);
  // Half away from zero: floor(|x| * 10^4 + 1/2), sign restored afterwards.
  const rounded = scaled.add(new Fraction(1, 2)).floor().div(scale);
  const signed = mean.s < 0 ? rounded.neg() : rounded;
  return signed.toString();
}
