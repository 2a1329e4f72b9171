import { exactDecimal, formatPercent, roundHalfAwayFromZero } from '@roi/domain';
import type { RoiFiguresDto, RoiGroupDto } from '../roi/dto/roi.dto';
import { barChart, columnChart } from './pack-pdf-charts';
import { type Column, COLOUR, intlOrEnglish, table, type Writer } from './pack-pdf-layout';

/**
 * The money sections of the board pack PDF: ROI by initiative and by channel, cost against value
 * by month, budget against actual. Each draws its chart, then the table with the exact figures
 * (money through formatMoney, ROI through formatPercent).
 */

/** A ratio as a whole percentage ("42%"), or "n/a". */
export const percentWhole = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? 'n/a'
    : `${Math.round(ratio * 100)}%`;

/** A ratio string of the pack as a bar's length; a float is fine for drawing. */
const ratioLength = (ratio: string | null | undefined) =>
  ratio === null || ratio === undefined ? null : Number(ratio);

/** Cost, value, risk-adjusted value, net, ROI and risk-adjusted ROI, as a table prints them. */
export function moneyCells(w: Writer, figures: RoiFiguresDto): string[] {
  return [
    w.money(figures.cost),
    w.money(figures.value),
    w.money(figures.riskAdjustedValue),
    w.money(figures.net),
    formatPercent(figures.roi),
    formatPercent(figures.riskAdjustedRoi),
  ];
}

export function roiGroupSection(w: Writer, kind: 'initiative' | 'channel'): void {
  const report = kind === 'initiative' ? w.pack.content.roi : w.pack.content.roiByChannel;
  const name = (group: RoiGroupDto) =>
    kind === 'initiative' ? `${group.key} ${group.label}` : group.label;
  barChart(
    w,
    report.groups.map((group) => ({
      label: name(group),
      values: [ratioLength(group.roi)],
      note: formatPercent(group.roi),
    })),
    [{ name: 'ROI', colour: COLOUR.positive }],
    percentWhole,
  );
  const columns: Column[] = [
    { header: kind === 'initiative' ? 'Initiative' : 'Channel', weight: 2 },
    { header: 'Cost', weight: 1.15, numeric: true },
    { header: 'Value', weight: 1.15, numeric: true },
    { header: 'Risk-adjusted value', weight: 1.15, numeric: true },
    { header: 'Net', weight: 1.15, numeric: true },
    { header: 'ROI', weight: 0.85, numeric: true },
    { header: 'Risk-adj. ROI', weight: 0.85, numeric: true },
  ];
  if (kind === 'initiative') columns.push({ header: 'Payback', weight: 1.05 });
  const payback = (group: RoiGroupDto) =>
    kind === 'initiative' ? [group.paybackDate ? w.day(group.paybackDate) : 'not yet'] : [];
  const rows = report.groups.map((group) => [
    name(group),
    ...moneyCells(w, group),
    ...payback(group),
  ]);
  const total = ['Total', ...moneyCells(w, report.totals), ...(kind === 'initiative' ? [''] : [])];
  table(w, columns, rows.length > 0 ? [...rows, total] : [], {
    lastRowBold: true,
    empty: `No ${kind === 'initiative' ? 'initiative' : 'channel'} has cost or value in the period.`,
  });
}

function monthLabel(w: Writer, isoDate: string, year: '2-digit' | 'numeric'): string {
  const [y, m] = isoDate.split('-').map(Number);
  const format = intlOrEnglish(
    (locale) => new Intl.DateTimeFormat(locale, { month: 'short', year, timeZone: 'UTC' }),
    w.pack.content.organisation.locale,
  );
  return format.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

/** "Jan 2027" for a whole calendar month; the two days for a part of one (the period's ends). */
function periodLabel(w: Writer, from: string, to: string): string {
  const [y, m] = from.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
  const whole = from.endsWith('-01') && to === last;
  return whole ? monthLabel(w, from, 'numeric') : `${w.day(from)} to ${w.day(to)}`;
}

export function costValueSection(w: Writer): void {
  const months = w.pack.content.costValueByMonth;
  columnChart(
    w,
    months.map((month) => ({
      label: monthLabel(w, month.from, '2-digit'),
      // Decimal strings to floats for the drawing only; the table prints them exactly.
      values: [Number(month.cost), Number(month.value)],
    })),
    [
      { name: 'Cost', colour: COLOUR.cost },
      { name: 'Value', colour: COLOUR.value },
    ],
    (value) => w.axisMoney(value),
  );
  table(
    w,
    [
      { header: 'Month', weight: 1.6 },
      { header: 'Cost', weight: 1.15, numeric: true },
      { header: 'Value', weight: 1.15, numeric: true },
      { header: 'Risk-adjusted value', weight: 1.15, numeric: true },
      { header: 'Net', weight: 1.15, numeric: true },
      { header: 'ROI', weight: 0.85, numeric: true },
      { header: 'Risk-adj. ROI', weight: 0.85, numeric: true },
    ],
    months.map((month) => [periodLabel(w, month.from, month.to), ...moneyCells(w, month)]),
    { empty: 'No months in the period.' },
  );
}

/** Sum of decimal strings, exact, printed with the currency's digits. */
function sumMoney(amounts: readonly (string | undefined)[], minorUnits: number): string {
  const total = amounts.reduce(
    (sum, amount) => sum.add(exactDecimal(amount ?? '0')),
    exactDecimal('0'),
  );
  return roundHalfAwayFromZero(total, minorUnits);
}

export function budgetSection(w: Writer): void {
  const groups = w.pack.content.roi.groups;
  barChart(
    w,
    groups.map((group) => ({
      label: `${group.key} ${group.label}`,
      // Floats for the drawing only.
      values: [group.budget === undefined ? null : Number(group.budget), Number(group.cost)],
    })),
    [
      { name: 'Budget', colour: COLOUR.budget },
      { name: 'Cost to date', colour: COLOUR.cost },
    ],
    (value) => w.axisMoney(value),
  );
  const rows = groups.map((group) => [
    `${group.key} ${group.label}`,
    w.money(group.budget),
    w.money(group.cost),
    w.money(group.budgetVariance),
  ]);
  table(
    w,
    [
      { header: 'Initiative', weight: 3 },
      { header: 'Budget', weight: 1.2, numeric: true },
      { header: 'Cost to date', weight: 1.2, numeric: true },
      { header: 'Budget - cost', weight: 1.2, numeric: true },
    ],
    rows.length > 0 ? [...rows, budgetTotal(w)] : [],
    { lastRowBold: true, empty: 'No initiative has a budget or cost in the period.' },
  );
}

/** The budget table's total row: budgets and variances summed exactly, cost as the ROI has it. */
function budgetTotal(w: Writer): string[] {
  const groups = w.pack.content.roi.groups;
  const digits = w.pack.content.organisation.minorUnits;
  return [
    'Total',
    w.money(
      sumMoney(
        groups.map((group) => group.budget),
        digits,
      ),
    ),
    w.money(w.pack.content.roi.totals.cost),
    w.money(
      sumMoney(
        groups.map((group) => group.budgetVariance),
        digits,
      ),
    ),
  ];
}
