import {
  exactDecimal,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  MISS_CATEGORY_LABELS,
  roundHalfAwayFromZero,
} from '@roi/domain';
import PDFDocument from 'pdfkit';
import type { RoiFiguresDto, RoiGroupDto } from '../roi/dto/roi.dto';
import type { BoardPackDto, PackOrganisationDto } from './dto/board-pack.dto';
import type { ReportKpiDto } from './dto/report-parts.dto';

/**
 * A board pack as a PDF (issue 14): A4 portrait, a title page, the contents on page 2, then the
 * sections in the order the board reads them. Every figure is printed as the web app prints it:
 * money through `formatMoney` in the organisation's currency and locale, ROI through
 * `formatPercent`, days through `formatDate`. Charts are vector drawings; each has its table.
 */

/** The sections, in order; the contents page and the PDF outline list these titles. */
export const PACK_SECTIONS = [
  'Executive summary',
  'Roadmap status',
  'Maturity and assessment highlights',
  'KPIs against targets',
  'ROI by initiative',
  'ROI by channel',
  'Cost against value by month',
  'Budget against actual',
  'Milestones delivered and missed',
  'Experiments and lessons',
  'Decisions requested of the board',
] as const;

/** Words for the codes in a pack, as the web app shows them; the spreadsheet uses them too. */
export const PACK_LABELS = {
  stepStatus: { not_started: 'Not started', in_progress: 'In progress', done: 'Signed off' },
  kpiStatus: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    no_data: 'No data',
  },
  miss: { strategy: 'Strategy', execution: 'Execution', unplanned: 'Unplanned' },
  missCategory: MISS_CATEGORY_LABELS as Record<string, string>,
  milestoneStatus: {
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    missed: 'Missed',
    cancelled: 'Cancelled',
  },
  outcome: { validated: 'Validated', invalidated: 'Invalidated', inconclusive: 'Inconclusive' },
} as const;

export function label(labels: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '—';
  return labels[code] ?? code;
}

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can draw

/** Code points above 0xFF that WinAnsiEncoding (the standard fonts' encoding) has glyphs for. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Look-alikes for characters Intl and authors use often that WinAnsi lacks. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (fr-FR grouping) -> no-break space
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-', // minus sign
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\u2260': '!=',
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\t': ' ',
};

function isWinAnsi(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(code)
  );
}

/**
 * The text as Helvetica can draw it. PDFKit's standard fonts are WinAnsi-encoded: "€", "—" and
 * "’" are there, but a character outside it would be written as stray bytes. Those are replaced
 * by a look-alike, by their letter without its accent ("ő" -> "o"), or by "?" (e.g. CJK scripts,
 * which would need an embedded Unicode font).
 */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) as number;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const substitute = SUBSTITUTES[char];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    const readable = base !== '' && [...base].every((c) => isWinAnsi(c.codePointAt(0) as number));
    out += readable ? base : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Page geometry and type

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 72, bottom: 64, left: 50, right: 50 };
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = { body: 10, table: 8, small: 7.5, heading: 16 };
const COLOUR = {
  text: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  headerFill: '#e4e7eb',
  stripe: '#f5f7fa',
  accent: '#1d4f91',
  positive: '#2f6fbd',
  negative: '#c93b3b',
  cost: '#c93b3b',
  value: '#2f8132',
  budget: '#9aa5b1',
};

/** What every section needs: the document and the organisation's way of writing figures. */
interface Writer {
  doc: Doc;
  pack: BoardPackDto;
  money(amount: string | null | undefined): string;
  day(isoDate: string | null | undefined): string;
  instant(isoTimestamp: string | null | undefined): string;
  number(value: number | null | undefined): string;
  /** A short money figure for a chart's axis ("€12K"), never for a table. */
  axisMoney(value: number): string;
}

function intlOrEnglish<T>(make: (locale: string) => T, locale: string): T {
  try {
    return make(locale);
  } catch {
    return make('en-GB');
  }
}

function writer(doc: Doc, pack: BoardPackDto): Writer {
  const org: PackOrganisationDto = pack.content.organisation;
  const numbers = intlOrEnglish(
    (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    org.locale,
  );
  const compact = intlOrEnglish(
    (locale) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: org.currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }),
    org.locale,
  );
  return {
    doc,
    pack,
    money: (amount) =>
      amount === null || amount === undefined || amount === ''
        ? '—'
        : formatMoney(amount, org.currency, org.locale),
    day: (isoDate) => (isoDate ? formatDate(isoDate, org.locale) : '—'),
    instant: (iso) => (iso ? formatDateTime(iso, org.locale, org.timeZone) : '—'),
    number: (value) => (value === null || value === undefined ? 'n/a' : numbers.format(value)),
    axisMoney: (value) => compact.format(value),
  };
}

const left = (doc: Doc) => doc.page.margins.left;
const right = (doc: Doc) => doc.page.width - doc.page.margins.right;
const contentWidth = (doc: Doc) => right(doc) - left(doc);
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  doc.x = left(doc);
}

/** One line of text at a point, never wrapped (so never a page break), aligned on `x`. */
function textAt(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  align: 'left' | 'right' | 'center' = 'left',
): void {
  const safe = winAnsiText(text).replace(/\n/g, ' ');
  const width = doc.widthOfString(safe);
  const at = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x;
  doc.text(safe, at, y, { lineBreak: false });
}

/** Flowing text across the content width; PDFKit breaks pages as it goes. */
function paragraph(doc: Doc, text: string, options: { colour?: string; size?: number } = {}) {
  doc
    .font(FONT)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.colour ?? COLOUR.text);
  doc.text(winAnsiText(text), left(doc), doc.y, { width: contentWidth(doc), paragraphGap: 4 });
  doc.x = left(doc);
}

function paragraphs(w: Writer, text: string, empty: string): void {
  const parts = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) paragraph(w.doc, empty, { colour: COLOUR.muted });
  for (const part of parts) {
    paragraph(w.doc, part);
    w.doc.moveDown(0.4);
  }
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(11).fillColor(COLOUR.text);
  doc.text(winAnsiText(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function bullets(doc: Doc, items: readonly string[]): void {
  for (const item of items) {
    ensureSpace(doc, 14);
    paragraph(doc, `•  ${item}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Column {
  header: string;
  /** Share of the content width. */
  weight: number;
  /** Figures: right-aligned on one line, made smaller rather than wrapped. */
  numeric?: boolean;
}

const PAD = 3;

function columnWidths(doc: Doc, columns: readonly Column[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  return columns.map((column) => (contentWidth(doc) * column.weight) / total);
}

/**
 * The font size at which the longest word of a cell fits its width: narrow columns get smaller
 * type rather than words broken between letters ("Expecte/d").
 */
function wordFitSize(doc: Doc, text: string, width: number, size: number): number {
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
  return longest > width ? Math.max(5, (size * width) / longest) : size;
}

function rowHeight(
  doc: Doc,
  cells: readonly string[],
  columns: readonly Column[],
  widths: number[],
  header = false,
): number {
  let height = 0;
  cells.forEach((cell, index) => {
    const width = (widths[index] as number) - 2 * PAD;
    const text = winAnsiText(cell);
    if (columns[index]?.numeric && !header) {
      height = Math.max(height, doc.currentLineHeight());
      return;
    }
    doc.fontSize(wordFitSize(doc, text, width, SIZE.table));
    height = Math.max(height, doc.heightOfString(text, { width }));
    doc.fontSize(SIZE.table);
  });
  // A row never outgrows a page: its text is cut with an ellipsis instead.
  const limit = bottom(doc) - doc.page.margins.top - 60;
  return Math.min(height + 2 * PAD, limit);
}

function drawCells(
  doc: Doc,
  cells: readonly string[],
  columns: readonly Column[],
  widths: number[],
  y: number,
  height: number,
  header = false,
): void {
  let x = left(doc);
  cells.forEach((cell, index) => {
    const width = widths[index] as number;
    const text = winAnsiText(cell);
    const numeric = columns[index]?.numeric === true;
    if (numeric && !header) {
      // A figure stays on one line, whole: wrapped or cut, "€1,234,567.89" would misread.
      const fits = doc.widthOfString(text);
      doc.fontSize(Math.min(SIZE.table, (SIZE.table * (width - 2 * PAD)) / Math.max(fits, 1)));
      textAt(doc, text, x + width - PAD, y + PAD, 'right');
    } else {
      doc.fontSize(wordFitSize(doc, text, width - 2 * PAD, SIZE.table));
      doc.text(text, x + PAD, y + PAD, {
        width: width - 2 * PAD,
        height: height - 2 * PAD,
        ellipsis: true,
        align: numeric ? 'right' : 'left',
      });
    }
    doc.fontSize(SIZE.table);
    x += width;
  });
}

/**
 * The height to find on this page before a table starts: the whole of a short table, so that it
 * is not split for a row or two; the header and first row of a long one.
 */
function keepTogether(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  widths: number[],
): number {
  const header = 30;
  if (rows.length > 12)
    return header + rowHeight(doc, rows[0] as readonly string[], columns, widths);
  const whole = rows.reduce((sum, cells) => sum + rowHeight(doc, cells, columns, widths), header);
  const page = bottom(doc) - doc.page.margins.top;
  return whole <= page * 0.4
    ? whole
    : header + rowHeight(doc, rows[0] as readonly string[], columns, widths);
}

/**
 * A table across the content width. A row that does not fit starts a new page, which repeats the
 * header row, so every page of a long table reads on its own.
 */
function table(
  w: Writer,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { lastRowBold?: boolean; empty?: string } = {},
): void {
  const { doc } = w;
  if (rows.length === 0) {
    paragraph(doc, options.empty ?? 'Nothing to show.', { colour: COLOUR.muted });
    return;
  }
  const widths = columnWidths(doc, columns);
  const headers = columns.map((column) => column.header);
  const header = () => {
    doc.font(BOLD).fontSize(SIZE.table);
    // Headers may wrap like text; over figures they are right-aligned.
    const height = rowHeight(doc, headers, columns, widths, true);
    const y = doc.y;
    doc.rect(left(doc), y, contentWidth(doc), height).fill(COLOUR.headerFill);
    doc.fillColor(COLOUR.text);
    drawCells(doc, headers, columns, widths, y, height, true);
    doc.y = y + height;
  };
  doc.font(FONT).fontSize(SIZE.table);
  ensureSpace(doc, keepTogether(doc, columns, rows, widths));
  header();
  rows.forEach((cells, index) => {
    const bold = options.lastRowBold === true && index === rows.length - 1;
    doc.font(bold ? BOLD : FONT).fontSize(SIZE.table);
    const height = rowHeight(doc, cells, columns, widths);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
      doc.font(bold ? BOLD : FONT).fontSize(SIZE.table);
    }
    const y = doc.y;
    if (index % 2 === 1) doc.rect(left(doc), y, contentWidth(doc), height).fill(COLOUR.stripe);
    doc.fillColor(COLOUR.text);
    drawCells(doc, cells, columns, widths, y, height);
    doc
      .moveTo(left(doc), y + height)
      .lineTo(right(doc), y + height)
      .lineWidth(0.3)
      .strokeColor(COLOUR.rule)
      .stroke();
    doc.y = y + height;
  });
  doc.x = left(doc);
  doc.y += 10;
}

// ---------------------------------------------------------------------------------------------
// Charts (vector)

interface Series {
  name: string;
  colour: string;
}

function legend(doc: Doc, series: readonly Series[]): void {
  doc.font(FONT).fontSize(SIZE.small);
  let x = left(doc);
  const y = doc.y;
  for (const entry of series) {
    doc.rect(x, y + 1, 8, 6).fill(entry.colour);
    doc.fillColor(COLOUR.muted);
    textAt(doc, entry.name, x + 11, y);
    x += 11 + doc.widthOfString(entry.name) + 14;
  }
  doc.y = y + 12;
}

/** A round step for about `count` gridlines over `span` (1, 2 or 5 times a power of ten). */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

function scale(values: readonly (number | null)[]): { min: number; max: number } {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const min = Math.min(0, ...known);
  const max = Math.max(0, ...known);
  return max === min ? { min, max: min + 1 } : { min, max };
}

interface BarRow {
  label: string;
  /** One value per series; null draws no bar. */
  values: readonly (number | null)[];
  /** Printed after the bars (e.g. the ROI as formatPercent gives it). */
  note?: string;
}

/**
 * Horizontal bars, one row per item and one bar per series, from a common zero line. A chart
 * longer than the page goes on over the next pages with the same scale.
 */
function barChart(
  w: Writer,
  rows: readonly BarRow[],
  series: readonly Series[],
  tick: (value: number) => string,
): void {
  const { doc } = w;
  if (rows.length === 0) return;
  const bar = series.length === 1 ? 8 : 6;
  const height = series.length * bar + 5;
  const labelWidth = 130;
  const noteWidth = rows.some((row) => row.note) ? 58 : 0;
  const plotLeft = left(doc) + labelWidth;
  const plotWidth = contentWidth(doc) - labelWidth - noteWidth;
  const { min, max } = scale(rows.flatMap((row) => row.values));
  const at = (value: number) => plotLeft + ((value - min) / (max - min)) * plotWidth;
  ensureSpace(doc, Math.min(rows.length, 6) * height + 40);
  if (series.length > 1) legend(doc, series);
  let top = doc.y;
  const axis = (to: number) => {
    doc.moveTo(at(0), top).lineTo(at(0), to).lineWidth(0.6).strokeColor(COLOUR.muted).stroke();
  };
  for (const row of rows) {
    if (doc.y + height > bottom(doc) - 14) {
      axis(doc.y);
      doc.addPage();
      doc.y = doc.page.margins.top;
      top = doc.y;
    }
    const y = doc.y;
    doc.font(FONT).fontSize(SIZE.small).fillColor(COLOUR.text);
    doc.text(winAnsiText(row.label), left(doc), y + 1, {
      width: labelWidth - 6,
      height: doc.currentLineHeight(),
      ellipsis: true,
    });
    row.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) return;
      const from = Math.min(at(0), at(value));
      const colour =
        series.length > 1
          ? (series[index] as Series).colour
          : value < 0
            ? COLOUR.negative
            : COLOUR.positive;
      doc.rect(from, y + index * bar + 2, Math.max(Math.abs(at(value) - at(0)), 0.5), bar - 1);
      doc.fill(colour);
    });
    if (row.note) {
      doc.fillColor(COLOUR.text);
      textAt(doc, row.note, right(doc), y + 1, 'right');
    }
    doc.y = y + height;
  }
  axis(doc.y);
  doc.font(FONT).fontSize(SIZE.small).fillColor(COLOUR.muted);
  textAt(doc, tick(min), plotLeft, doc.y + 2);
  if (min !== 0 && max !== 0) textAt(doc, tick(0), at(0), doc.y + 2, 'center');
  textAt(doc, tick(max), plotLeft + plotWidth, doc.y + 2, 'right');
  doc.x = left(doc);
  doc.y += 18;
}

/** Vertical grouped columns (one group per period), with gridlines labelled by `tick`. */
function columnChart(
  w: Writer,
  groups: readonly { label: string; values: readonly number[] }[],
  series: readonly Series[],
  tick: (value: number) => string,
): void {
  const { doc } = w;
  if (groups.length === 0) return;
  const plotHeight = 170;
  ensureSpace(doc, plotHeight + 50);
  legend(doc, series);
  const axisWidth = 48;
  const plotLeft = left(doc) + axisWidth;
  const plotWidth = contentWidth(doc) - axisWidth;
  const plotTop = doc.y + 4;
  const { min: low, max: high } = scale(groups.flatMap((group) => group.values));
  const step = niceStep(high - low, 4);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const y = (value: number) => plotTop + plotHeight - ((value - min) / (max - min)) * plotHeight;
  doc.font(FONT).fontSize(SIZE.small);
  for (let value = min; value <= max + step / 2; value += step) {
    doc.moveTo(plotLeft, y(value)).lineTo(right(doc), y(value));
    doc.lineWidth(value === 0 ? 0.8 : 0.3).strokeColor(value === 0 ? COLOUR.muted : COLOUR.rule);
    doc.stroke();
    doc.fillColor(COLOUR.muted);
    textAt(doc, tick(value), plotLeft - 4, y(value) - 3, 'right');
  }
  const slot = plotWidth / groups.length;
  const barWidth = Math.min(18, (slot * 0.7) / series.length);
  groups.forEach((group, index) => {
    const start = plotLeft + index * slot + (slot - barWidth * series.length) / 2;
    group.values.forEach((value, s) => {
      const top = Math.min(y(value), y(0));
      doc.rect(start + s * barWidth, top, barWidth - 1, Math.max(Math.abs(y(value) - y(0)), 0.5));
      doc.fill((series[s] as Series).colour);
    });
    doc.fillColor(COLOUR.text);
    textAt(
      doc,
      group.label,
      plotLeft + index * slot + slot / 2,
      plotTop + plotHeight + 4,
      'center',
    );
  });
  doc.x = left(doc);
  doc.y = plotTop + plotHeight + 22;
}

// ---------------------------------------------------------------------------------------------
// The pack's pages

/** Where each section starts: its destination name and page (0-based), for the contents page. */
interface SectionMark {
  title: string;
  destination: string;
  page: number;
}

function currentPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function section(w: Writer, marks: SectionMark[], title: string): void {
  const { doc } = w;
  ensureSpace(doc, 140);
  if (marks.length > 0) doc.moveDown(1);
  const destination = `section-${marks.length + 1}`;
  doc.addNamedDestination(destination, 'XYZ', left(doc), doc.y, null);
  doc.outline.addItem(title);
  marks.push({ title, destination, page: currentPage(doc) });
  doc.font(BOLD).fontSize(SIZE.heading).fillColor(COLOUR.accent);
  doc.text(winAnsiText(`${marks.length}. ${title}`), left(doc), doc.y, {
    width: contentWidth(doc),
  });
  doc
    .moveTo(left(doc), doc.y + 2)
    .lineTo(right(doc), doc.y + 2)
    .lineWidth(1)
    .strokeColor(COLOUR.accent)
    .stroke();
  doc.y += 10;
  doc.fillColor(COLOUR.text);
}

function titlePage(w: Writer): void {
  const { doc, pack } = w;
  const org = pack.content.organisation;
  doc.rect(0, 0, doc.page.width, 12).fill(COLOUR.accent);
  doc.y = 220;
  const line = (text: string, font: string, size: number, colour = COLOUR.text) => {
    doc.font(font).fontSize(size).fillColor(colour);
    doc.text(winAnsiText(text), left(doc), doc.y, { width: contentWidth(doc) });
  };
  line(org.name, BOLD, 14, COLOUR.muted);
  doc.moveDown(0.6);
  line(pack.title, BOLD, 26, COLOUR.accent);
  doc.moveDown(0.4);
  line(pack.content.cycle.name, FONT, 15);
  doc.moveDown(1.5);
  line(`As of ${w.day(pack.content.asOf)}`, BOLD, 12);
  doc.moveDown(0.3);
  if (pack.status === 'published' && pack.publishedAt) {
    const by = pack.publishedByName ? ` by ${pack.publishedByName}` : '';
    line(`Published ${w.instant(pack.publishedAt)}${by}`, FONT, 11);
  } else {
    line('Draft: not published; its figures are live and may change.', FONT, 11, COLOUR.negative);
  }
  doc.moveDown(0.3);
  line(`Figures computed ${w.instant(pack.content.computedAt)}`, FONT, 9, COLOUR.muted);
  line(
    `Cycle ${w.day(pack.content.cycle.startsOn)} to ${w.day(pack.content.cycle.endsOn)}; money in ${org.currency}.`,
    FONT,
    9,
    COLOUR.muted,
  );
}

function contentsPage(w: Writer, marks: readonly SectionMark[]): void {
  const { doc } = w;
  doc.y = doc.page.margins.top;
  doc.font(BOLD).fontSize(SIZE.heading).fillColor(COLOUR.accent);
  doc.text('Contents', left(doc), doc.y);
  doc.y += 14;
  marks.forEach((mark, index) => {
    const y = doc.y;
    const entry = winAnsiText(`${index + 1}. ${mark.title}`);
    const page = String(mark.page + 1);
    doc.font(FONT).fontSize(11).fillColor(COLOUR.text);
    textAt(doc, entry, left(doc), y);
    textAt(doc, page, right(doc), y, 'right');
    const from = left(doc) + doc.widthOfString(entry) + 6;
    const to = right(doc) - doc.widthOfString(page) - 6;
    doc
      .moveTo(from, y + 10)
      .lineTo(to, y + 10)
      .lineWidth(0.5)
      .dash(1, { space: 2 });
    doc.strokeColor(COLOUR.rule).stroke().undash();
    doc.goTo(left(doc), y - 2, contentWidth(doc), 16, mark.destination);
    doc.y = y + 20;
  });
}

/** The running header and footer of every page but the title page, once the count is known. */
function headersAndFooters(w: Writer): void {
  const { doc, pack } = w;
  const range = doc.bufferedPageRange();
  const asOf = `As of ${w.day(pack.content.asOf)}`;
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    doc.font(FONT).fontSize(SIZE.small).fillColor(COLOUR.muted);
    textAt(doc, pack.content.organisation.name, left(doc), 36);
    textAt(doc, asOf, right(doc), 36, 'right');
    doc.moveTo(left(doc), 48).lineTo(right(doc), 48).lineWidth(0.5).strokeColor(COLOUR.rule);
    doc.stroke();
    const footer = doc.page.height - 40;
    textAt(doc, pack.title, left(doc), footer);
    textAt(doc, `Page ${index + 1} of ${range.count}`, right(doc), footer, 'right');
  }
}

// ---------------------------------------------------------------------------------------------
// Sections

const percentWhole = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? 'n/a'
    : `${Math.round(ratio * 100)}%`;

const score = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(2);

function scoreChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'n/a';
  const change = current - previous;
  if (Math.abs(change) < 0.005) return '0.00';
  return `${change > 0 ? '+' : ''}${change.toFixed(2)}`;
}

/** A ratio string of the pack as a bar's length; a float is fine for drawing. */
const ratioLength = (ratio: string | null | undefined) =>
  ratio === null || ratio === undefined ? null : Number(ratio);

function summarySection(w: Writer): void {
  const { content } = w.pack;
  const totals = content.roi.totals;
  const counts = content.kpiCounts;
  table(
    w,
    [
      { header: 'Cost', weight: 1, numeric: true },
      { header: 'Value', weight: 1, numeric: true },
      { header: 'Risk-adjusted value', weight: 1, numeric: true },
      { header: 'Net return', weight: 1, numeric: true },
      { header: 'ROI', weight: 0.8, numeric: true },
      { header: 'Risk-adjusted ROI', weight: 0.8, numeric: true },
    ],
    [moneyCells(w, totals)],
  );
  paragraph(
    w.doc,
    `ROI to date from ${w.day(content.roi.from)} to ${w.day(content.roi.to)}. KPIs: ${counts.onTrack} on track, ` +
      `${counts.atRisk} at risk, ${counts.offTrack} off track, ${counts.noData} without data. ` +
      `Milestones: ${content.milestones.delivered.length} delivered, ${content.milestones.missed.length} missed.`,
    { colour: COLOUR.muted, size: 9 },
  );
  w.doc.moveDown(0.6);
  paragraphs(w, w.pack.commentary.summary, 'No summary has been written.');
}

function moneyCells(w: Writer, figures: RoiFiguresDto): string[] {
  return [
    w.money(figures.cost),
    w.money(figures.value),
    w.money(figures.riskAdjustedValue),
    w.money(figures.net),
    formatPercent(figures.roi),
    formatPercent(figures.riskAdjustedRoi),
  ];
}

function roadmapSection(w: Writer): void {
  table(
    w,
    [
      { header: 'Step', weight: 2.2 },
      { header: 'Status', weight: 1.2 },
      { header: 'Owner', weight: 1.8 },
      { header: 'Signed off', weight: 1.8 },
    ],
    w.pack.content.roadmap.map((step) => [
      `${step.number}. ${step.name}`,
      label(PACK_LABELS.stepStatus, step.status),
      step.ownerName ?? '—',
      step.signedOffAt ? w.instant(step.signedOffAt) : '—',
    ]),
    { empty: 'The cycle has no roadmap.' },
  );
}

function maturitySection(w: Writer): void {
  const maturity = w.pack.content.maturity;
  if (!maturity) {
    paragraph(w.doc, 'No maturity assessment has been scored in this cycle.', {
      colour: COLOUR.muted,
    });
    return;
  }
  const stage =
    maturity.stage === null ? 'not reached' : `${maturity.stage} (${maturity.stageName ?? '—'})`;
  const previous =
    maturity.previousStage === null
      ? ''
      : `; previously stage ${maturity.previousStage} in ${maturity.previousCycleName ?? 'the previous cycle'}`;
  paragraph(w.doc, `${maturity.title}. Stage ${stage}${previous}.`);
  paragraph(
    w.doc,
    `Overall score ${score(maturity.overallScore)} against ${score(maturity.previousOverallScore)} before ` +
      `(change ${scoreChange(maturity.overallScore, maturity.previousOverallScore)}).`,
  );
  w.doc.moveDown(0.5);
  table(
    w,
    [
      { header: 'Dimension', weight: 3 },
      { header: 'Score', weight: 1, numeric: true },
      { header: 'Previous', weight: 1, numeric: true },
      { header: 'Change', weight: 1, numeric: true },
    ],
    maturity.dimensions.map((dimension) => [
      dimension.dimension,
      score(dimension.score),
      score(dimension.previousScore),
      scoreChange(dimension.score, dimension.previousScore),
    ]),
    { empty: 'No dimensions were scored.' },
  );
  subheading(w.doc, 'Findings');
  if (maturity.findings.length === 0) {
    paragraph(w.doc, 'No findings were recorded.', { colour: COLOUR.muted });
  }
  bullets(w.doc, maturity.findings);
}

function whoAnswers(kpi: ReportKpiDto): string {
  if (kpi.miss === 'unplanned') return 'No initiative serves its objective';
  return kpi.answerable.map((person) => person.name).join(', ') || '—';
}

function kpiSection(w: Writer): void {
  const { kpis, misses } = w.pack.content;
  paragraph(
    w.doc,
    `Who answers for a KPI at risk or off track: execution (a milestone due was not carried out as agreed) ` +
      `${misses.execution}, strategy (the plan was carried out and the KPI still lags) ${misses.strategy}, ` +
      `unplanned (no initiative serves it) ${misses.unplanned}.`,
    { colour: COLOUR.muted, size: 9 },
  );
  w.doc.moveDown(0.4);
  table(
    w,
    [
      { header: 'Code', weight: 0.6 },
      { header: 'Name', weight: 2.2 },
      { header: 'Status', weight: 0.9 },
      { header: 'Progress', weight: 0.95, numeric: true },
      { header: 'Expected', weight: 0.95, numeric: true },
      { header: 'Current', weight: 1, numeric: true },
      { header: 'Target', weight: 1, numeric: true },
      { header: 'Miss', weight: 0.9 },
      { header: 'Who answers', weight: 1.7 },
    ],
    kpis.map((kpi) => [
      kpi.code,
      kpi.unit ? `${kpi.name} (${kpi.unit})` : kpi.name,
      label(PACK_LABELS.kpiStatus, kpi.status),
      percentWhole(kpi.progress),
      percentWhole(kpi.expected),
      w.number(kpi.current),
      w.number(kpi.target),
      kpi.miss === null ? '—' : label(PACK_LABELS.miss, kpi.miss),
      whoAnswers(kpi),
    ]),
    { empty: 'The cycle has no KPIs.' },
  );
  const late = kpis.flatMap((kpi) =>
    kpi.lateMilestones.map(
      (milestone) =>
        `${kpi.code}: ${milestone.title} (${milestone.initiativeCode}, due ${w.day(milestone.dueDate)}, ` +
        `${label(PACK_LABELS.milestoneStatus, milestone.status).toLowerCase()}` +
        `${milestone.doneOn ? ` on ${w.day(milestone.doneOn)}` : ''})`,
    ),
  );
  if (late.length > 0) {
    subheading(w.doc, 'Milestones behind the execution misses');
    bullets(w.doc, late);
  }
}

function roiGroupSection(w: Writer, kind: 'initiative' | 'channel'): void {
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

function costValueSection(w: Writer): void {
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

function budgetSection(w: Writer): void {
  const groups = w.pack.content.roi.groups;
  const digits = w.pack.content.organisation.minorUnits;
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
  const total = [
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
  table(
    w,
    [
      { header: 'Initiative', weight: 3 },
      { header: 'Budget', weight: 1.2, numeric: true },
      { header: 'Cost to date', weight: 1.2, numeric: true },
      { header: 'Budget - cost', weight: 1.2, numeric: true },
    ],
    rows.length > 0 ? [...rows, total] : [],
    { lastRowBold: true, empty: 'No initiative has a budget or cost in the period.' },
  );
}

function milestoneSection(w: Writer): void {
  const milestones = w.pack.content.milestones;
  const counts = milestones.byStatus;
  table(
    w,
    [
      ...Object.values(PACK_LABELS.milestoneStatus).map((header) => ({
        header,
        weight: 1,
        numeric: true,
      })),
      { header: 'Overdue', weight: 1, numeric: true },
    ],
    [
      [
        counts.planned,
        counts.in_progress,
        counts.done,
        counts.missed,
        counts.cancelled,
        milestones.overdue,
      ].map(String),
    ],
  );
  subheading(w.doc, `Delivered (${milestones.delivered.length})`);
  table(
    w,
    [
      { header: 'Milestone', weight: 3 },
      { header: 'Initiative', weight: 0.9 },
      { header: 'Due', weight: 1.1 },
      { header: 'Done', weight: 1.1 },
    ],
    milestones.delivered.map((m) => [m.title, m.initiativeCode, w.day(m.dueDate), w.day(m.doneOn)]),
    { empty: 'No milestone was delivered in the period.' },
  );
  subheading(w.doc, `Missed (${milestones.missed.length})`);
  const causes = Object.entries(milestones.missCategories)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${label(PACK_LABELS.missCategory, category)} ${count}`);
  if (causes.length > 0) paragraph(w.doc, `By cause: ${causes.join(', ')}.`, { size: 9 });
  table(
    w,
    [
      { header: 'Milestone', weight: 2.4 },
      { header: 'Initiative', weight: 0.9 },
      { header: 'Due', weight: 1.1 },
      { header: 'Cause', weight: 1.2 },
      { header: 'Note', weight: 2.6 },
    ],
    milestones.missed.map((m) => [
      m.title,
      m.initiativeCode,
      w.day(m.dueDate),
      label(PACK_LABELS.missCategory, m.missCategory),
      m.missNote ?? '—',
    ]),
    { empty: 'No milestone was missed in the period.' },
  );
}

function experimentSection(w: Writer): void {
  const experiments = w.pack.content.experiments;
  if (experiments.length === 0) {
    paragraph(w.doc, 'No experiment was decided in the cycle.', { colour: COLOUR.muted });
  }
  for (const experiment of experiments) {
    const decided = experiment.decisionDate ? `, decided ${w.day(experiment.decisionDate)}` : '';
    subheading(
      w.doc,
      `${experiment.code} ${experiment.name}: ${label(PACK_LABELS.outcome, experiment.outcome)}${decided}`,
    );
    paragraph(w.doc, `Hypothesis: ${experiment.hypothesis ?? 'not recorded'}`);
    paragraph(w.doc, `Lessons: ${experiment.lessons ?? 'none recorded yet'}`);
  }
}

/**
 * Writes the pack as a PDF into `out` (an HTTP response, a file) and ends it; returns the PDFKit
 * document, a readable stream whose 'end' and 'error' the caller may watch.
 *
 * The pages are laid out before the document is piped: a pack that cannot be laid out throws
 * here, with nothing written, so the caller can still answer with an error. "Page N of M" and the
 * contents need every page, so PDFKit keeps them (bufferPages) until `end()` streams them out;
 * no Buffer of the whole file is ever built.
 */
export function renderPackPdf(pack: BoardPackDto, out: NodeJS.WritableStream): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: pack.title,
      Author: pack.content.organisation.name,
      Subject: `${pack.content.cycle.name}, as of ${pack.content.asOf}`,
    },
  });
  const w = writer(doc, pack);
  titlePage(w);
  doc.addPage(); // the contents, written once the sections' pages are known
  doc.addPage();
  const marks: SectionMark[] = [];
  const sections: Record<(typeof PACK_SECTIONS)[number], () => void> = {
    'Executive summary': () => summarySection(w),
    'Roadmap status': () => roadmapSection(w),
    'Maturity and assessment highlights': () => maturitySection(w),
    'KPIs against targets': () => kpiSection(w),
    'ROI by initiative': () => roiGroupSection(w, 'initiative'),
    'ROI by channel': () => roiGroupSection(w, 'channel'),
    'Cost against value by month': () => costValueSection(w),
    'Budget against actual': () => budgetSection(w),
    'Milestones delivered and missed': () => milestoneSection(w),
    'Experiments and lessons': () => experimentSection(w),
    'Decisions requested of the board': () =>
      paragraphs(w, pack.commentary.decisions, 'No decisions are requested of the board.'),
  };
  for (const title of PACK_SECTIONS) {
    section(w, marks, title);
    sections[title]();
  }
  doc.switchToPage(1);
  contentsPage(w, marks);
  headersAndFooters(w);
  doc.pipe(out);
  doc.end();
  return doc;
}
