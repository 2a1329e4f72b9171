import { isBookableCurrency } from './currency';
import { isFiscalYearStartMonth } from './fiscal-year';

/** Rules for an organisation's settings, shared by the API's validation and the web app's forms. */
export const ORGANISATION_NAME_MAX_LENGTH = 120;
export const ORGANISATION_DESCRIPTION_MAX_LENGTH = 2000;

export interface OrganisationSettings {
  name: string;
  currency: string;
  fiscalYearStartMonth: number;
  timeZone: string;
  locale: string;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag as Intl understands it ("en-GB", "fr", "de-CH"). */
export function isKnownLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** Why a name is not acceptable (surrounding white space does not count), or null. */
export function organisationNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'must not be empty';
  if (trimmed.length > ORGANISATION_NAME_MAX_LENGTH) {
    return `must be at most ${ORGANISATION_NAME_MAX_LENGTH} characters`;
  }
  return null;
}

export type SettingsProblem = { field: keyof OrganisationSettings; reason: string };

/** Every reason a set of settings is not acceptable, field by field; empty when all is well. */
export function organisationSettingsProblems(settings: OrganisationSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const nameProblem = organisationNameProblem(settings.name);
  if (nameProblem) problems.push({ field: 'name', reason: nameProblem });
  if (!isBookableCurrency(settings.currency)) {
    problems.push({ field: 'currency', reason: 'must be an ISO 4217 currency code, e.g. EUR' });
  }
  if (!isFiscalYearStartMonth(settings.fiscalYearStartMonth)) {
    problems.push({ field: 'fiscalYearStartMonth', reason: 'must be a month from 1 to 12' });
  }
  if (!isKnownTimeZone(settings.timeZone)) {
    problems.push({ field: 'timeZone', reason: 'must be an IANA time zone, e.g. Europe/Paris' });
  }
  if (!isKnownLocale(settings.locale)) {
    problems.push({ field: 'locale', reason: 'must be a BCP 47 locale, e.g. en-GB' });
  }
  return problems;
}

/**
 * Today's date (YYYY-MM-DD) where the organisation is: "as of today" in a KPI status or an
 * overdue milestone means the organisation's today, not the server's.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dayFormatter(timeZone).format(now);
}

// Building an Intl formatter costs far more than formatting with one (about half a millisecond
// against microseconds), and every request asks for its organisation's today: one per zone.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, before anything is kept.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}
