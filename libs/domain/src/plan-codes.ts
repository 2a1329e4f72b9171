/**
 * A KPI's or an initiative's code, unique in the organisation ("K-RENEW", "I-ASK"): short enough
 * for a map and a spreadsheet column, letters, digits, dots, dashes and underscores.
 */
export const PLAN_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const PLAN_CODE_MAX_LENGTH = 32;

/**
 * An amount of money as it travels between the web app, the API and scripts: a decimal string
 * ("12500.00"), never a float, with at most four decimal places (numeric(20, 4) in the database).
 */
export const DECIMAL_MONEY_PATTERN = /^\d{1,16}(\.\d{1,4})?$/;
