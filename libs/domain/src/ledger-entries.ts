import { exactDecimal } from './exact-decimal';
import { DECIMAL_MONEY_PATTERN } from './plan-codes';

/**
 * What a ledger entry may hold (BRIEF, "Money and ROI": cost and value entries; issue 12: "amounts
 * are exact decimals with at most the currency's minor-unit digits and must be > 0; confidence is
 * 0..1 with at most 4 decimals, default 1; hours >= 0 with at most 2 decimals"). The API's forms,
 * its CSV import and the web app's forms all check these same rules.
 */
export const CONFIDENCE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/;
export const HOURS_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
export const VOCABULARY_LABEL_MAX_LENGTH = 64;
export const LEDGER_NOTE_MAX_LENGTH = 2000;

/** Why an amount cannot be booked in a currency with `minorUnits` digits, or null when it can. */
export function ledgerAmountProblem(amount: string, minorUnits: number): string | null {
  if (!DECIMAL_MONEY_PATTERN.test(amount)) {
    return 'must be a decimal number written with a "." such as "1250.00"';
  }
  const decimals = amount.split('.')[1]?.length ?? 0;
  if (decimals > minorUnits) {
    return minorUnits === 0
      ? 'must be a whole amount in this currency'
      : `must have at most ${minorUnits} decimal places in this currency`;
  }
  if (exactDecimal(amount).compare(0) <= 0) return 'must be greater than 0';
  return null;
}

/** Why a confidence cannot be recorded, or null when it can: between 0 and 1, 4 decimals at most. */
export function confidenceProblem(confidence: string): string | null {
  return CONFIDENCE_PATTERN.test(confidence)
    ? null
    : 'must be a number from 0 to 1 with at most 4 decimal places';
}

/** Why hours cannot be recorded, or null when they can: 0 or more, 2 decimals at most. */
export function hoursProblem(hours: string): string | null {
  return HOURS_PATTERN.test(hours)
    ? null
    : 'must be a number of hours of 0 or more with at most 2 decimal places';
}

/**
 * Channels and activities "are matched case-insensitively after trimming; a new label is added on
 * first use and keeps its first spelling". The match itself is PostgreSQL's `lower()` over the
 * trimmed label (the vocabularies' `match_key`), so the API and the CSV import match alike.
 */
export function vocabularyLabel(raw: string): string {
  return raw.trim();
}
