import { data as iso4217 } from 'currency-codes';

/**
 * Money is stored "in the organisation's currency (ISO 4217)" and "rounded to the currency's minor
 * unit only for display" (BRIEF, "Money and ROI"). The minor unit therefore comes from ISO 4217
 * itself, not from a browser's locale data, which differs for a handful of currencies.
 */
export interface Currency {
  code: string;
  name: string;
  /** Digits after the decimal separator of the currency's minor unit (EUR 2, JPY 0, BHD 3). */
  minorUnits: number;
}

// ISO 4217 also lists precious metals, bond-market units, drawing rights and testing codes, which
// are not money an organisation keeps its books in (their "minor unit" is "N.A." in the standard).
const notBookable = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

const bookableCurrencies: ReadonlyMap<string, Currency> = new Map(
  iso4217
    .filter((entry) => Number.isInteger(entry.digits) && !notBookable.has(entry.code))
    .map((entry) => [
      entry.code,
      { code: entry.code, name: entry.currency, minorUnits: entry.digits },
    ]),
);

export function findCurrency(code: string): Currency | undefined {
  return bookableCurrencies.get(code);
}

export function isBookableCurrency(code: string): boolean {
  return bookableCurrencies.has(code);
}

export function listCurrencies(): Currency[] {
  return [...bookableCurrencies.values()].sort((a, b) => a.code.localeCompare(b.code));
}
