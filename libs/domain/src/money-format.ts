import { formatDay } from './calendar-format';
import FractionJs from 'fraction.js';
import { findCurrency } from './currency';
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
 * Every function here rounds an exact value once, at the end, and prints a fixed number of digits.
 * Most are locale-neutral ('.' decimal point, ',' grouping); `formatMoney`, `formatDate` and
 * `formatDateTime` write in the organisation's locale. Either way the API, the web app and the PDF
 * export print the same figure the same way.
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

/** The fallback for a locale the runtime cannot read or does not know. */
const FALLBACK_LOCALE = 'en-GB';

/**
 * The locale to write in: `locale` when the runtime's Intl data knows it, else en-GB. A malformed
 * tag ('en_GB') makes Intl throw, and a well-formed one it has no data for would silently take the
 * runtime's default (which differs between a browser and the server), so both take en-GB.
 */
function knownLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

// Building an Intl formatter costs far more than using one, and a report prints thousands of
// figures in one or two currencies and locales; a formatter is immutable, so sharing it is safe.
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${currency}|${locale}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    const minorUnits = findCurrency(currency)?.minorUnits ?? 2;
    formatter = new Intl.NumberFormat(knownLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
      // 'halfExpand' is the brief's "half away from zero".
      roundingMode: 'halfExpand',
    });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Money as the organisation reads it (BRIEF: "money is rounded to the currency's minor unit only
 * for display"): a decimal string from the API, in its currency and locale, rounded half away from
 * zero to the currency's ISO 4217 minor unit: ('20345.67', 'EUR', 'en-GB') -> '€20,345.67',
 * ('1234.5', 'JPY', 'en-GB') -> 'JP¥1,235', ('20345.67', 'EUR', 'de-DE') -> '20.345,67 €'.
 *
 * Intl reads a decimal string exactly (no float on the way), so every digit of the amount counts.
 * An unknown locale writes en-GB. The web app and the PDF export both print money through this.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  return moneyFormatter(currency, locale).format(amount as Intl.StringNumericLiteral);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    // Numeric parts only: the words of the calendar come from calendar-format.ts.
    const options: Intl.DateTimeFormatOptions = {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    };
    try {
      formatter = new Intl.DateTimeFormat(knownLocale(locale), { ...options, timeZone });
    } catch {
      // An IANA zone the runtime does not know: UTC, named as such, rather than no date at all.
      formatter = new Intl.DateTimeFormat(knownLocale(locale), { ...options, timeZone: 'UTC' });
    }
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A calendar day (`YYYY-MM-DD`) as the organisation reads it: '3 Jun 2026', as the web app prints
 * a day (`formatDay`: British English on every runtime; the locale shapes numbers, not months).
 * The day is read as a calendar day, never shifted by a time zone. A string that is not a day
 * comes back as it is.
 */
export function formatDate(isoDate: string, _locale?: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatDay(isoDate) : isoDate;
}

/**
 * An instant (an ISO 8601 timestamp) as the organisation reads it, in its time zone:
 * ('2027-07-02T09:30:00Z', 'en-GB', 'Europe/London') -> '2 Jul 2027, 10:30 BST'. A string that is
 * not a timestamp comes back as it is.
 */
export function formatDateTime(isoTimestamp: string, locale: string, timeZone: string): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) return isoTimestamp;
  const parts = Object.fromEntries(
    dateFormatter(locale, timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return `${formatDay(day)}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
