import { formatDay as formatCalendarDay, type KpiStatus } from '@roi/domain';

/** The strategy map's colours (BRIEF: on track, at risk, off track, no data). */
export const HEALTH: Record<KpiStatus, { label: string; colour: string }> = {
  on_track: { label: 'On track', colour: 'green' },
  at_risk: { label: 'At risk', colour: 'orange' },
  off_track: { label: 'Off track', colour: 'red' },
  no_data: { label: 'No data', colour: 'gray' },
};

export const OUTCOME_KINDS = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'cost_saving', label: 'Cost saving' },
  { value: 'retention', label: 'Retention' },
  { value: 'talent', label: 'Talent' },
  { value: 'reputation', label: 'Reputation' },
  { value: 'other', label: 'Other' },
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]['value'];

export const outcomeKindLabel = (kind: string) =>
  OUTCOME_KINDS.find((option) => option.value === kind)?.label ?? kind;

export const MILESTONE_STATUS: Record<string, { label: string; colour: string }> = {
  planned: { label: 'Planned', colour: 'gray' },
  in_progress: { label: 'In progress', colour: 'blue' },
  done: { label: 'Done', colour: 'green' },
  missed: { label: 'Missed', colour: 'red' },
  cancelled: { label: 'Cancelled', colour: 'dark' },
};

export const RISK_REASON: Record<string, string> = {
  overdue: 'Overdue',
  late_dependency: 'Waits on a late milestone',
  low_confidence: 'Low confidence',
};

export const EXPERIMENT_OUTCOME: Record<string, { label: string; colour: string }> = {
  validated: { label: 'Validated', colour: 'green' },
  invalidated: { label: 'Invalidated', colour: 'red' },
  inconclusive: { label: 'Inconclusive', colour: 'yellow' },
};

/** A ratio as a whole percentage ("42%"); "n/a" without a value. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'n/a';
  return `${Math.round(ratio * 100)}%`;
}

// Made once: `toLocaleString` with options makes a formatter on every call, about half a
// millisecond each, and a KPI page formats every tick, point and measurement of its chart.
const NUMBER_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatNumber(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  const text = NUMBER_FORMAT.format(value);
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** Money arrives as an exact decimal string; it is rounded only here, for display. */
export function formatMoney(amount: string, currency: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return value.toLocaleString('en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "3 Sep 2026" for a YYYY-MM-DD date, read as a calendar day (libs/domain's `formatDay`). */
export function formatDay(date: string | null | undefined): string {
  return date ? formatCalendarDay(date) : '—';
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
