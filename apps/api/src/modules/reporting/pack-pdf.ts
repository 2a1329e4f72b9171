import PDFDocument from 'pdfkit';
import type { BoardPackDto } from './dto/board-pack.dto';
import {
  BOLD,
  COLOUR,
  contentWidth,
  type Doc,
  ensureSpace,
  FONT,
  left,
  MARGIN,
  right,
  SIZE,
  textAt,
  type Writer,
  writer,
} from './pack-pdf-layout';
import { budgetSection, costValueSection, roiGroupSection } from './pack-pdf-money';
import {
  decisionsSection,
  experimentSection,
  kpiSection,
  maturitySection,
  milestoneSection,
  roadmapSection,
  summarySection,
} from './pack-pdf-sections';
import { winAnsiText } from './pack-pdf-text';

/**
 * A board pack as a PDF (issue 14): A4 portrait, a title page, the contents on page 2, then the
 * sections in the order the board reads them. Every figure is printed as the web app prints it:
 * money through `formatMoney` in the organisation's currency and locale, ROI through
 * `formatPercent`, days through `formatDate`. Charts are vector drawings; each has its table.
 *
 * This file lays out the document: the title page, the contents, the section headings and the
 * running headers and footers. The sections' bodies are in pack-pdf-sections.ts and
 * pack-pdf-money.ts, the page primitives they draw with in pack-pdf-layout.ts and
 * pack-pdf-charts.ts, and the text the standard fonts can draw in pack-pdf-text.ts.
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
    'Decisions requested of the board': () => decisionsSection(w),
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
