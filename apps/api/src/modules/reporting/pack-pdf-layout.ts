import { formatDate, formatDateTime, formatMoney } from '@roi/domain';
import type { BoardPackDto, PackOrganisationDto } from './dto/board-pack.dto';
import { winAnsiText } from './pack-pdf-text';

/**
 * The page primitives of the board pack PDF: the A4 page's margins, fonts and colours, the writer
 * that prints figures in the organisation's way, flowing text, and tables whose header repeats on
 * every page. They know nothing of a pack's sections; the charts build on them in pack-pdf-charts.
 */

// ---------------------------------------------------------------------------------------------
// Page geometry and type

export type Doc = PDFKit.PDFDocument;

export const MARGIN = { top: 72, bottom: 64, left: 50, right: 50 };
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const SIZE = { body: 10, table: 8, small: 7.5, heading: 16 };
export const COLOUR = {
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
export interface Writer {
  doc: Doc;
  pack: BoardPackDto;
  money(amount: string | null | undefined): string;
  day(isoDate: string | null | undefined): string;
  instant(isoTimestamp: string | null | undefined): string;
  number(value: number | null | undefined): string;
  /** A short money figure for a chart's axis ("€12K"), never for a table. */
  axisMoney(value: number): string;
}

export function intlOrEnglish<T>(make: (locale: string) => T, locale: string): T {
  try {
    return make(locale);
  } catch {
    return make('en-GB');
  }
}

export function writer(doc: Doc, pack: BoardPackDto): Writer {
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

export const left = (doc: Doc) => doc.page.margins.left;
export const right = (doc: Doc) => doc.page.width - doc.page.margins.right;
export const contentWidth = (doc: Doc) => right(doc) - left(doc);
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  doc.x = left(doc);
}

/** One line of text at a point, never wrapped (so never a page break), aligned on `x`. */
export function textAt(
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
export function paragraph(
  doc: Doc,
  text: string,
  options: { colour?: string; size?: number } = {},
) {
  doc
    .font(FONT)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.colour ?? COLOUR.text);
  doc.text(winAnsiText(text), left(doc), doc.y, { width: contentWidth(doc), paragraphGap: 4 });
  doc.x = left(doc);
}

export function paragraphs(w: Writer, text: string, empty: string): void {
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

export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(11).fillColor(COLOUR.text);
  doc.text(winAnsiText(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function bullets(doc: Doc, items: readonly string[]): void {
  for (const item of items) {
    ensureSpace(doc, 14);
    paragraph(doc, `•  ${item}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column {
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

/** The shaded header row of a table, drawn at the writing position. */
function headerRow(doc: Doc, columns: readonly Column[], widths: number[]): void {
  const headers = columns.map((column) => column.header);
  doc.font(BOLD).fontSize(SIZE.table);
  // Headers may wrap like text; over figures they are right-aligned.
  const height = rowHeight(doc, headers, columns, widths, true);
  const y = doc.y;
  doc.rect(left(doc), y, contentWidth(doc), height).fill(COLOUR.headerFill);
  doc.fillColor(COLOUR.text);
  drawCells(doc, headers, columns, widths, y, height, true);
  doc.y = y + height;
}

/**
 * A table across the content width. A row that does not fit starts a new page, which repeats the
 * header row, so every page of a long table reads on its own.
 */
export function table(
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
  const header = () => headerRow(doc, columns, widths);
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
