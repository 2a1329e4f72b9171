import type { Stream } from 'node:stream';
import {
  EXPERIMENT_OUTCOME_LABELS,
  KPI_STATUS_LABELS,
  MISS_ATTRIBUTION_LABELS,
  MISS_CATEGORY_LABELS,
  reportLabel,
  STEP_STATUS_LABELS,
} from '@roi/domain';
import { stream, type Worksheet } from 'exceljs';
import type { RoiFiguresDto, RoiGroupDto } from '../roi/dto/roi.dto';
import type { BoardPackDto } from './dto/board-pack.dto';

/**
 * A board pack as a spreadsheet (issue 14): one sheet per section of the PDF, each a plain table
 * with a bold, frozen header row, so that the board's analysts can sort, filter and chart it.
 * Figures are real cells: money and ratios as numbers with a display format, days as dates, and
 * an unknown figure (an ROI without cost, a KPI without data) as an empty cell.
 */

/** A cell: a value, or a value with a format of its own (a sheet mixing kinds of figures). */
type Value = string | number | Date | null;
type Cell = Value | { value: Value; numFmt: string };

interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
  /** Long text: wrapped, top-aligned. */
  wrap?: boolean;
}

const RATIO = '0.00%';
const KPI_RATIO = '0%';
const DAY = 'yyyy-mm-dd';
const INSTANT = 'yyyy-mm-dd hh:mm "UTC"';

/** '#,##0.00' for 2 minor-unit digits, '#,##0' for none: the currency's own precision. */
export function moneyNumFmt(minorUnits: number): string {
  return minorUnits > 0 ? `#,##0.${'0'.repeat(minorUnits)}` : '#,##0';
}

// A spreadsheet cell holds an IEEE double, so the exact decimal strings of the pack become
// numbers here, at the cell and nowhere else. A double keeps 15-17 significant digits: every
// amount below about 10^13 in its minor unit reads back exactly as printed.
const money = (amount: string | null | undefined): number | null =>
  amount === null || amount === undefined || amount === '' ? null : Number(amount);
const ratio = (value: string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A `YYYY-MM-DD` day as a date cell: midnight UTC, which the file stores as that very day. */
function day(isoDate: string | null | undefined): Date | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function addSheet(
  workbook: stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly Cell[])[],
  options: { lastRowBold?: boolean } = {},
): void {
  const sheet: Worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.commit();
  rows.forEach((cells, index) => {
    const row = sheet.addRow(cells.map((cell) => (isFormatted(cell) ? cell.value : cell)));
    cells.forEach((cell, column) => {
      const numFmt = isFormatted(cell) ? cell.numFmt : columns[column]?.numFmt;
      if (numFmt) row.getCell(column + 1).numFmt = numFmt;
      if (columns[column]?.wrap) {
        row.getCell(column + 1).alignment = { vertical: 'top', wrapText: true };
      }
    });
    if (options.lastRowBold && index === rows.length - 1) row.font = { bold: true };
    // Committed rows are written out and dropped: the sheet never holds the whole table.
    row.commit();
  });
  sheet.commit();
}

function isFormatted(cell: Cell): cell is { value: Value; numFmt: string } {
  return cell !== null && typeof cell === 'object' && !(cell instanceof Date);
}

function figureColumns(currency: string, moneyFormat: string): SheetColumn[] {
  return [
    { header: `Cost (${currency})`, width: 16, numFmt: moneyFormat },
    { header: `Value (${currency})`, width: 16, numFmt: moneyFormat },
    { header: `Risk-adjusted value (${currency})`, width: 18, numFmt: moneyFormat },
    { header: `Net return (${currency})`, width: 16, numFmt: moneyFormat },
    { header: 'ROI', width: 10, numFmt: RATIO },
    { header: 'Risk-adjusted ROI', width: 12, numFmt: RATIO },
  ];
}

function figureCells(figures: RoiFiguresDto): Cell[] {
  return [
    money(figures.cost),
    money(figures.value),
    money(figures.riskAdjustedValue),
    money(figures.net),
    ratio(figures.roi),
    ratio(figures.riskAdjustedRoi),
  ];
}

const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

function summarySheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto, moneyFmt: string) {
  const { content } = pack;
  const totals = content.roi.totals;
  const counts = content.kpiCounts;
  const milestones = content.milestones.byStatus;
  const withFormat = (value: Value, numFmt: string): Cell => ({ value, numFmt });
  const rows: Cell[][] = [
    ['Organisation', content.organisation.name],
    ['Board pack', pack.title],
    ['Status', pack.status === 'published' ? 'Published' : 'Draft'],
    ['Cycle', content.cycle.name],
    ['As of', withFormat(day(content.asOf), DAY)],
    ['Published at (UTC)', withFormat(instant(pack.publishedAt), INSTANT)],
    ['Figures computed at (UTC)', withFormat(instant(content.computedAt), INSTANT)],
    ['Currency', content.organisation.currency],
    ['ROI period from', withFormat(day(content.roi.from), DAY)],
    ['ROI period to', withFormat(day(content.roi.to), DAY)],
    ['Cost', withFormat(money(totals.cost), moneyFmt)],
    ['Value', withFormat(money(totals.value), moneyFmt)],
    ['Risk-adjusted value', withFormat(money(totals.riskAdjustedValue), moneyFmt)],
    ['Net return', withFormat(money(totals.net), moneyFmt)],
    ['ROI', withFormat(ratio(totals.roi), RATIO)],
    ['Risk-adjusted ROI', withFormat(ratio(totals.riskAdjustedRoi), RATIO)],
    ['KPIs on track', counts.onTrack],
    ['KPIs at risk', counts.atRisk],
    ['KPIs off track', counts.offTrack],
    ['KPIs without data', counts.noData],
    ['Misses: execution', content.misses.execution],
    ['Misses: strategy', content.misses.strategy],
    ['Misses: unplanned', content.misses.unplanned],
    ['Milestones planned', milestones.planned],
    ['Milestones in progress', milestones.in_progress],
    ['Milestones done', milestones.done],
    ['Milestones missed', milestones.missed],
    ['Milestones cancelled', milestones.cancelled],
    ['Milestones overdue', content.milestones.overdue],
    ...paragraphsOf(pack.commentary.summary).map((text): Cell[] => ['Executive summary', text]),
  ];
  addSheet(
    workbook,
    'Summary',
    [
      { header: 'Item', width: 28 },
      { header: 'Value', width: 90, wrap: true },
    ],
    rows,
  );
}

function roadmapSheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto) {
  addSheet(
    workbook,
    'Roadmap',
    [
      { header: 'Step', width: 6 },
      { header: 'Name', width: 22 },
      { header: 'Status', width: 14 },
      { header: 'Owner', width: 24 },
      { header: 'Signed off at (UTC)', width: 20, numFmt: INSTANT },
    ],
    pack.content.roadmap.map((step) => [
      step.number,
      step.name,
      reportLabel(STEP_STATUS_LABELS, step.status),
      step.ownerName,
      instant(step.signedOffAt),
    ]),
  );
}

function maturitySheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto) {
  const maturity = pack.content.maturity;
  const rows: Cell[][] = maturity
    ? [
        ['Overall', maturity.title, maturity.overallScore, maturity.previousOverallScore],
        ['Stage', maturity.stageName, maturity.stage, maturity.previousStage],
        ...maturity.dimensions.map((dimension): Cell[] => [
          'Dimension',
          dimension.dimension,
          dimension.score,
          dimension.previousScore,
        ]),
        ...maturity.findings.map((finding): Cell[] => ['Finding', finding, null, null]),
      ]
    : [];
  addSheet(
    workbook,
    'Maturity',
    [
      { header: 'Kind', width: 12 },
      { header: 'Name', width: 60, wrap: true },
      { header: 'Score', width: 10, numFmt: '0.00' },
      {
        header: `Previous (${maturity?.previousCycleName ?? 'previous cycle'})`,
        width: 24,
        numFmt: '0.00',
      },
    ],
    rows,
  );
}

function kpiSheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto) {
  addSheet(
    workbook,
    'KPIs',
    [
      { header: 'Code', width: 8 },
      { header: 'Name', width: 36, wrap: true },
      { header: 'Unit', width: 12 },
      { header: 'Status', width: 11 },
      { header: 'Progress', width: 10, numFmt: KPI_RATIO },
      { header: 'Expected', width: 10, numFmt: KPI_RATIO },
      { header: 'Current', width: 12 },
      { header: 'Baseline', width: 12 },
      { header: 'Target', width: 12 },
      { header: 'Target date', width: 12, numFmt: DAY },
      { header: 'Miss', width: 11 },
      { header: 'Who answers', width: 30, wrap: true },
      { header: 'Late milestones', width: 40, wrap: true },
    ],
    pack.content.kpis.map((kpi) => [
      kpi.code,
      kpi.name,
      kpi.unit,
      reportLabel(KPI_STATUS_LABELS, kpi.status),
      kpi.progress,
      kpi.expected,
      kpi.current,
      kpi.baseline,
      kpi.target,
      day(kpi.targetDate),
      kpi.miss === null ? null : reportLabel(MISS_ATTRIBUTION_LABELS, kpi.miss),
      kpi.answerable.map((person) => person.name).join(', ') || null,
      kpi.lateMilestones
        .map((m) => `${m.title} (${m.initiativeCode}, due ${m.dueDate})`)
        .join('; ') || null,
    ]),
  );
}

function roiSheets(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto, moneyFmt: string) {
  const { content } = pack;
  const currency = content.organisation.currency;
  const byInitiative = (group: RoiGroupDto): Cell[] => [
    group.key,
    group.label,
    ...figureCells(group),
    money(group.budget),
    money(group.budgetVariance),
    day(group.paybackDate),
  ];
  addSheet(
    workbook,
    'ROI by initiative',
    [
      { header: 'Code', width: 8 },
      { header: 'Initiative', width: 36, wrap: true },
      ...figureColumns(currency, moneyFmt),
      { header: `Budget (${currency})`, width: 16, numFmt: moneyFmt },
      { header: `Budget - cost (${currency})`, width: 18, numFmt: moneyFmt },
      { header: 'Payback date', width: 13, numFmt: DAY },
    ],
    [
      ...content.roi.groups.map(byInitiative),
      ['Total', null, ...figureCells(content.roi.totals), null, null, null],
    ],
    { lastRowBold: true },
  );
  addSheet(
    workbook,
    'ROI by channel',
    [{ header: 'Channel', width: 30, wrap: true }, ...figureColumns(currency, moneyFmt)],
    [
      ...content.roiByChannel.groups.map((group): Cell[] => [group.label, ...figureCells(group)]),
      ['Total', ...figureCells(content.roiByChannel.totals)],
    ],
    { lastRowBold: true },
  );
}

function monthAndBudgetSheets(
  workbook: stream.xlsx.WorkbookWriter,
  pack: BoardPackDto,
  moneyFmt: string,
) {
  const { content } = pack;
  const currency = content.organisation.currency;
  addSheet(
    workbook,
    'Cost and value by month',
    [
      { header: 'From', width: 12, numFmt: DAY },
      { header: 'To', width: 12, numFmt: DAY },
      ...figureColumns(currency, moneyFmt),
    ],
    content.costValueByMonth.map((month) => [
      day(month.from),
      day(month.to),
      ...figureCells(month),
    ]),
  );
  addSheet(
    workbook,
    'Budget',
    [
      { header: 'Code', width: 8 },
      { header: 'Initiative', width: 36, wrap: true },
      { header: `Budget (${currency})`, width: 16, numFmt: moneyFmt },
      { header: `Cost to date (${currency})`, width: 16, numFmt: moneyFmt },
      { header: `Budget - cost (${currency})`, width: 18, numFmt: moneyFmt },
    ],
    content.roi.groups.map((group) => [
      group.key,
      group.label,
      money(group.budget),
      money(group.cost),
      money(group.budgetVariance),
    ]),
  );
}

function milestoneSheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto) {
  const { delivered, missed } = pack.content.milestones;
  addSheet(
    workbook,
    'Milestones',
    [
      { header: 'Outcome', width: 11 },
      { header: 'Milestone', width: 40, wrap: true },
      { header: 'Initiative', width: 10 },
      { header: 'Due', width: 12, numFmt: DAY },
      { header: 'Done on', width: 12, numFmt: DAY },
      { header: 'Cause', width: 16 },
      { header: 'Note', width: 50, wrap: true },
    ],
    [
      ...delivered.map((m): Cell[] => [
        'Delivered',
        m.title,
        m.initiativeCode,
        day(m.dueDate),
        day(m.doneOn),
        null,
        null,
      ]),
      ...missed.map((m): Cell[] => [
        'Missed',
        m.title,
        m.initiativeCode,
        day(m.dueDate),
        null,
        reportLabel(MISS_CATEGORY_LABELS, m.missCategory),
        m.missNote,
      ]),
    ],
  );
}

function experimentSheet(workbook: stream.xlsx.WorkbookWriter, pack: BoardPackDto) {
  addSheet(
    workbook,
    'Experiments',
    [
      { header: 'Code', width: 8 },
      { header: 'Initiative', width: 30, wrap: true },
      { header: 'Hypothesis', width: 50, wrap: true },
      { header: 'Decision date', width: 13, numFmt: DAY },
      { header: 'Outcome', width: 13 },
      { header: 'Lessons', width: 60, wrap: true },
    ],
    pack.content.experiments.map((experiment) => [
      experiment.code,
      experiment.name,
      experiment.hypothesis,
      day(experiment.decisionDate),
      reportLabel(EXPERIMENT_OUTCOME_LABELS, experiment.outcome),
      experiment.lessons,
    ]),
  );
}

/**
 * Writes the pack as an XLSX workbook into `out` with ExcelJS's streaming writer: each row is
 * written out as it is made, and the promise settles once `out` has finished (or failed).
 */
export async function writePackXlsx(pack: BoardPackDto, out: NodeJS.WritableStream): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({
    // ExcelJS types its option as a Stream; it only pipes into it and waits for 'finish'.
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = pack.content.organisation.name;
  workbook.created = instant(pack.publishedAt) ?? instant(pack.content.computedAt) ?? new Date();
  const moneyFmt = moneyNumFmt(pack.content.organisation.minorUnits);
  summarySheet(workbook, pack, moneyFmt);
  roadmapSheet(workbook, pack);
  maturitySheet(workbook, pack);
  kpiSheet(workbook, pack);
  roiSheets(workbook, pack, moneyFmt);
  monthAndBudgetSheets(workbook, pack, moneyFmt);
  milestoneSheet(workbook, pack);
  experimentSheet(workbook, pack);
  addSheet(
    workbook,
    'Decisions',
    [{ header: 'Decisions requested of the board', width: 100, wrap: true }],
    paragraphsOf(pack.commentary.decisions).map((text) => [text]),
  );
  await workbook.commit();
}
