import {
  bottom,
  COLOUR,
  contentWidth,
  type Doc,
  ensureSpace,
  FONT,
  left,
  right,
  SIZE,
  textAt,
  type Writer,
} from './pack-pdf-layout';
import { winAnsiText } from './pack-pdf-text';

/**
 * The board pack's charts, drawn as vectors on the layout's page: horizontal bars from a common
 * zero line and grouped columns over gridlines. Each chart in a pack is followed by its table.
 */

export interface Series {
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

/** Where a bar chart draws: the x of a value, and each row's label column, bars and series. */
interface BarPlot {
  at: (value: number) => number;
  /** The thickness of one bar; a row stacks one per series. */
  bar: number;
  labelWidth: number;
  series: readonly Series[];
}

/** One row of a bar chart at `y`: its label, a bar per value, and its note at the right edge. */
function drawBarRow(doc: Doc, row: BarRow, y: number, plot: BarPlot): void {
  const { at, bar, series } = plot;
  doc.font(FONT).fontSize(SIZE.small).fillColor(COLOUR.text);
  doc.text(winAnsiText(row.label), left(doc), y + 1, {
    width: plot.labelWidth - 6,
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
}

/**
 * Horizontal bars, one row per item and one bar per series, from a common zero line. A chart
 * longer than the page goes on over the next pages with the same scale.
 */
export function barChart(
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
    drawBarRow(doc, row, y, { at, bar, labelWidth, series });
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
export function columnChart(
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
