import { formatDateTime, todayIn } from '@roi/domain';
import { type MoneyFormat, moneyFormat } from '../roi/money';
import type { BoardPackContent } from './board-packs.queries';
import { formatReportDay } from './report-format';

/**
 * How a pack writes its money and dates: in the currency, locale and time zone it carries (frozen
 * with its figures when published). The shared page has no organisation to ask, and the signed-in
 * page reads the same pack the same way; money goes through the formatter the PDF uses, days as
 * the dashboard writes them ("3 Sep 2027").
 */
export interface PackFormat {
  money: MoneyFormat;
  /** A calendar day (`YYYY-MM-DD`): "3 Sep 2027". */
  day(isoDate: string | null | undefined): string;
  /** An instant with its time: "2 Jul 2027, 10:30 BST" in en-GB and Europe/London. */
  instant(isoTimestamp: string | null | undefined): string;
  /** The day an instant fell on where the organisation is: "2 Jul 2027". */
  dayOf(isoTimestamp: string | null | undefined): string;
}

export function packFormat(organisation: BoardPackContent['organisation']): PackFormat {
  const { currency, locale, timeZone } = organisation;
  return {
    money: moneyFormat(currency, locale),
    day: formatReportDay,
    instant: (isoTimestamp) =>
      isoTimestamp ? formatDateTime(isoTimestamp, locale, timeZone) : '—',
    dayOf: (isoTimestamp) => dayOfInstant(isoTimestamp, timeZone),
  };
}

/** The day an instant fell on in `timeZone`, written as reports write days ("3 Sep 2027"). */
export function dayOfInstant(isoTimestamp: string | null | undefined, timeZone: string): string {
  if (!isoTimestamp) return '—';
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) return isoTimestamp;
  try {
    return formatReportDay(todayIn(timeZone, instant));
  } catch {
    // A zone the browser does not know: the UTC day rather than none.
    return formatReportDay(instant.toISOString());
  }
}

/** A KPI's reading with its unit: "90.9%", "110 members". */
export function withUnit(value: number | null | undefined, unit: string, locale: string): string {
  if (value === null || value === undefined) return '—';
  let text: string;
  try {
    text = value.toLocaleString(locale, { maximumFractionDigits: 2 });
  } catch {
    text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  }
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * The theme's indigo-6 gives white text 4.3:1 and links on a tinted panel less, short of WCAG AA's
 * 4.5:1 (axe-core flags both); the pack's buttons and links take darker shades of the same blue.
 */
export const BUTTON_COLOUR = 'indigo.7';
export const LINK_COLOUR = 'indigo.8';
