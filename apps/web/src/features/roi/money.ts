import { findCurrency, formatMoney } from '@roi/domain';
import { useOrganisationRecord } from '../organisations/organisations.queries';

/** Money as the organisation reads it: its currency, in its locale. */
export interface MoneyFormat {
  currency: string;
  locale: string;
  minorUnits: number;
  /** A decimal string from the API, printed exactly (no float) and rounded to the minor unit. */
  format(amount: string | null | undefined): string;
  /** A short figure for a chart's axis ("€12K"); the axis only, never a table. */
  axis(value: number): string;
}

function currencyFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // An organisation's locale the browser does not know still gets its currency.
    return new Intl.NumberFormat('en-GB', options);
  }
}

export function moneyFormat(currency: string, locale: string): MoneyFormat {
  const minorUnits = findCurrency(currency)?.minorUnits ?? 2;
  const compact = currencyFormatter(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return {
    currency,
    locale,
    minorUnits,
    // The one money formatter the PDF export uses too, so a page and its pack print alike.
    format: (amount) =>
      amount === null || amount === undefined || amount === ''
        ? '—'
        : formatMoney(amount, currency, locale),
    axis: (value) => compact.format(value),
  };
}

/** The current organisation's money format, once its record has loaded. */
export function useMoney(): { money: MoneyFormat | undefined; error: unknown; retry: () => void } {
  const organisation = useOrganisationRecord();
  const data = organisation.data;
  return {
    money: data ? moneyFormat(data.currency, data.locale) : undefined,
    error: organisation.error,
    retry: () => void organisation.refetch(),
  };
}
