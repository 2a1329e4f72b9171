/** Display helpers of the results: figures are rounded here only, never before they are computed. */

export const formatScore = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(digits);

export const formatPercent = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;

/** The change of a score between two cycles, signed ("+0.50", "-0.25"); n/a when either is. */
export function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
) {
  if (current === null || current === undefined || previous === null || previous === undefined)
    return 'n/a';
  const change = current - previous;
  // Rounds like toFixed, and never shows "-0.00" for a change that rounds to nothing.
  if (Math.abs(change) < 0.005) return '0.00';
  return `${change > 0 ? '+' : ''}${change.toFixed(2)}`;
}
