/**
 * An organisation's fiscal year starts on the first day of a chosen month (BRIEF, "What a serious
 * product of this kind also has": organisation settings). Strategy cycles such as "FY2027 social
 * strategy" are named after the fiscal year they cover, and that year is labelled, as is the common
 * practice, by the calendar year in which it ends.
 */
export interface FiscalYear {
  label: string;
  /** First day, `YYYY-MM-DD`. */
  startsOn: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  endsOn: string;
}

export function isFiscalYearStartMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/** The fiscal year containing a calendar date (`YYYY-MM-DD`). */
export function fiscalYearContaining(date: string, startMonth: number): FiscalYear {
  if (!isFiscalYearStartMonth(startMonth)) {
    throw new RangeError(`fiscal year start month must be 1-12, got ${startMonth}`);
  }
  const { year, month } = parseIsoDate(date);
  const startYear = month >= startMonth ? year : year - 1;
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  return {
    label: `FY${endYear}`,
    startsOn: formatIsoDate(startYear, startMonth, 1),
    endsOn: formatIsoDate(endYear, endMonth, daysInMonth(endYear, endMonth)),
  };
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// Thousands of milestones share a few hundred dates: each is checked once, not at every use.
const knownDates = new Set<string>();

/** True for a real calendar date written `YYYY-MM-DD` (2027-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  if (knownDates.has(value)) return true;
  const valid = checkIsoDate(value);
  if (valid) {
    if (knownDates.size >= 50_000) knownDates.clear();
    knownDates.add(value);
  }
  return valid;
}

function checkIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // There is no year 0 (1 BC precedes AD 1), and PostgreSQL refuses it.
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIsoDate(value: string): { year: number; month: number; day: number } {
  if (!isIsoDate(value)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
