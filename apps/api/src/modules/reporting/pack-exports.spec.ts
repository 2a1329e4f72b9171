import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { formatDate, formatMoney, formatPercent } from '@roi/domain';
import { Workbook, type Worksheet } from 'exceljs';
import type { BoardPackDto } from './dto/board-pack.dto';
import {
  makeInitiativeRoi,
  makeInitiatives,
  makeKpis,
  makePack,
  makeRoiReport,
} from './pack-fixture';
import { PACK_SECTIONS, renderPackPdf } from './pack-pdf';
import { winAnsiText } from './pack-pdf-text';
import { writePackXlsx } from './pack-xlsx';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'pack-exports-'));
});
afterAll(() => {
  if (!process.env.KEEP_PACK_EXPORTS) rmSync(folder, { recursive: true, force: true });
});

/** The PDF's text page by page, as `pdftotext -layout` reads it (pages end with a form feed). */
async function pdfPages(pack: BoardPackDto, name: string): Promise<string[]> {
  const path = join(folder, `${name}.pdf`);
  const file = createWriteStream(path);
  renderPackPdf(pack, file);
  await once(file, 'finish');
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pages from the one whose heading is `title` up to the next section's heading. */
function sectionText(pages: string[], title: (typeof PACK_SECTIONS)[number]): string {
  const index = PACK_SECTIONS.indexOf(title);
  const heading = (i: number) =>
    new RegExp(`^\\s*${i + 1}\\. ${escape(PACK_SECTIONS[i] ?? '')}\\s*$`, 'm');
  const body = pages.slice(2).join('\n');
  const start = body.search(heading(index));
  const end = index + 1 < PACK_SECTIONS.length ? body.search(heading(index + 1)) : body.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return body.slice(start, end);
}

/** The table row that starts with `key` (its first line: long names wrap below it). */
function rowOf(text: string, key: string): string {
  const row = text
    .split('\n')
    .find((line) => new RegExp(`^\\s*${escape(key)}\\s`).test(line) && line.includes('€'));
  expect(row).toBeDefined();
  return row as string;
}

/** Text with every run of white space as one space: wrapped lines read as one. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const money = (pack: BoardPackDto, amount: string) =>
  formatMoney(amount, pack.content.organisation.currency, pack.content.organisation.locale);

describe('board pack PDF', () => {
  it('prints the organisation and the as-of date on every page', async () => {
    const pack = makePack();
    const pages = await pdfPages(pack, 'every-page');
    const asOf = `As of ${formatDate('2027-06-30', 'en-GB')}`;
    expect(asOf).toBe('As of 30 Jun 2027');
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page).toContain('Northwind Trading Ltd');
      expect(page).toContain(asOf);
    }
  });

  it('numbers every page but the title page as Page N of M', async () => {
    const pages = await pdfPages(makePack(), 'page-numbers');
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((page, index) => {
      expect(page).toContain(`Page ${index + 2} of ${pages.length}`);
    });
  });

  it('opens with the title page: organisation, pack, cycle, as-of date and publication', async () => {
    const pages = await pdfPages(makePack(), 'title-page');
    const title = pages[0] as string;
    for (const text of [
      'Northwind Trading Ltd',
      'Board review, June 2027',
      'FY2027 social strategy',
      'As of 30 Jun 2027',
      'Published 2 Jul 2027, 10:30 BST by Aoife O’Brien',
    ]) {
      expect(title).toContain(text);
    }
  });

  it('lists every section on the contents page with the page its heading is on', async () => {
    const pages = await pdfPages(makePack(), 'contents');
    const contents = pages[1] as string;
    expect(contents).toContain('Contents');
    PACK_SECTIONS.forEach((title, index) => {
      const entry = new RegExp(`^\\s*${index + 1}\\. ${escape(title)}\\s+(\\d+)\\s*$`, 'm').exec(
        contents,
      );
      expect(entry).not.toBeNull();
      const page = pages[Number(entry?.[1]) - 1] as string;
      expect(page).toMatch(new RegExp(`^\\s*${index + 1}\\. ${escape(title)}\\s*$`, 'm'));
    });
  });

  it('prints ROI as formatPercent gives it and money as formatMoney gives it', async () => {
    const pack = makePack();
    const roi = sectionText(await pdfPages(pack, 'roi'), 'ROI by initiative');
    const { totals, groups } = pack.content.roi;
    expect(roi).toContain(formatPercent(totals.roi));
    expect(roi).toContain(formatPercent(totals.riskAdjustedRoi));
    for (const amount of [totals.cost, totals.value, totals.riskAdjustedValue, totals.net]) {
      expect(roi).toContain(money(pack, amount));
    }
    for (const group of groups.filter((g) => g.roi !== null)) {
      const row = rowOf(roi, group.key);
      expect(row).toContain(formatPercent(group.roi));
      expect(row).toContain(formatPercent(group.riskAdjustedRoi));
      expect(row).toContain(money(pack, group.cost));
    }
    expect(money(pack, '20345.67')).toBe('€20,345.67');
    expect(roi).toContain('€20,345.67');
  });

  it('prints n/a for the ROI of an initiative without cost', async () => {
    const pack = makePack();
    const free = pack.content.roi.groups.find((group) => group.cost === '0.00');
    expect(free?.roi).toBeNull();
    const roi = sectionText(await pdfPages(pack, 'roi-na'), 'ROI by initiative');
    expect(rowOf(roi, free?.key ?? '')).toMatch(/n\/a\s+n\/a/);
  });

  it('prints every section with its figures', async () => {
    const pack = makePack();
    const pages = await pdfPages(pack, 'sections');
    expect(flat(sectionText(pages, 'Executive summary'))).toContain(
      'Customer care on social — our largest line — still costs more than it returns; we propose to narrow it to weekdays.',
    );
    expect(sectionText(pages, 'Roadmap status')).toMatch(
      /4\. Organise\s+Signed off\s+Aoife O’Brien/,
    );
    expect(flat(sectionText(pages, 'Maturity and assessment highlights'))).toContain(
      'Overall score 2.65 against 2.10 before (change +0.55)',
    );
    expect(sectionText(pages, 'KPIs against targets')).toMatch(
      /K1\s+Employee advocacy reach.*At risk\s+31%\s+50%/,
    );
    expect(sectionText(pages, 'ROI by channel')).toContain(
      formatPercent(pack.content.roiByChannel.totals.roi),
    );
    expect(sectionText(pages, 'Cost against value by month')).toContain(money(pack, '9120.15'));
    expect(sectionText(pages, 'Budget against actual')).toContain(money(pack, '4654.33'));
    const milestones = sectionText(pages, 'Milestones delivered and missed');
    expect(milestones).toMatch(
      /Advocacy training for 40 managers\s+I1\s+30 Apr 2027\s+Resources\s+Two trainers left/,
    );
    expect(milestones).toMatch(/CRM link for social leads\s+I2\s+31 May 2027\s+Dependency/);
    expect(flat(sectionText(pages, 'Experiments and lessons'))).toContain(
      'I4 Listening pilot (experiment): Validated, decided 31 May 2027',
    );
    expect(flat(sectionText(pages, 'Decisions requested of the board'))).toContain(
      '1. Approve moving €5,000 from customer care to executive presence.',
    );
  });

  it('repeats the table header on every page of a long KPI table', async () => {
    const pack = makePack({ content: { kpis: makeKpis(60) } });
    const pages = await pdfPages(pack, 'sixty-kpis');
    const header =
      /^\s*Code\s+Name\s+Status\s+Progress\s+Expected\s+Current\s+Target\s+Miss\s+Who answers\s*$/m;
    const withHeader = pages
      .map((page, index) => (header.test(page) ? index : -1))
      .filter((i) => i >= 0);
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    expect(withHeader).toEqual(
      Array.from({ length: withHeader.length }, (_, i) => (withHeader[0] as number) + i),
    );
    const kpis = sectionText(pages, 'KPIs against targets');
    for (let n = 1; n <= 60; n += 1) {
      expect(kpis).toMatch(new RegExp(`^\\s*K${n}\\s+Share of voice in market ${n}\\b`, 'm'));
    }
  });

  it('lays out a large pack: 200 initiatives and 100 KPIs', async () => {
    const pack = makePack({
      content: { kpis: makeKpis(100), roi: makeRoiReport(makeInitiatives(200)) },
    });
    const pages = await pdfPages(pack, 'large');
    const roi = sectionText(pages, 'ROI by initiative');
    expect(roi).toContain('I200 Initiative 200');
    expect(roi).toContain(formatPercent(pack.content.roi.totals.roi));
    pages.slice(1).forEach((page, index) => {
      expect(page).toContain(`Page ${index + 2} of ${pages.length}`);
    });
  });

  it('lays out a draft with nothing in it yet', async () => {
    const empty = makeRoiReport([]);
    const pack = makePack({
      status: 'draft',
      publishedAt: null,
      publishedByName: null,
      commentary: { summary: '', decisions: '' },
      content: {
        roadmap: [],
        maturity: null,
        kpis: [],
        roi: empty,
        roiByChannel: empty,
        costValueByMonth: [],
        experiments: [],
        milestones: {
          ...makePack().content.milestones,
          delivered: [],
          missed: [],
        },
      },
    });
    const pages = await pdfPages(pack, 'empty');
    expect(flat(pages[0] as string)).toContain('Draft: not published');
    expect(sectionText(pages, 'ROI by initiative')).toContain('No initiative has cost or value');
    expect(sectionText(pages, 'Executive summary')).toContain('n/a');
    expect(flat(sectionText(pages, 'Decisions requested of the board'))).toContain(
      'No decisions are requested of the board.',
    );
    const workbook = await xlsxWorkbook(pack);
    expect(workbook.getWorksheet('KPIs')?.rowCount).toBe(1);
  });

  it('writes text outside WinAnsi readably', async () => {
    expect(winAnsiText('€ — ’ “x” …')).toBe('€ — ’ “x” …');
    expect(winAnsiText('20\u202f345,67\u00a0€')).toBe('20\u00a0345,67\u00a0€');
    expect(winAnsiText('Zakład Łódź, Đorđe, Ωmega 東京 −5 → 6')).toBe(
      'Zaklad Lódz, Dorde, ?mega ?? -5 -> 6',
    );
    const pack = makePack({
      content: { organisation: { name: 'Zakład Łódź — Café', locale: 'fr-FR' } },
    });
    const pages = await pdfPages(pack, 'unicode');
    expect(pages[0]).toContain('Zaklad Lódz — Café');
    // fr-FR groups with a narrow no-break space, drawn as a no-break space (which pdftotext
    // reads back as a space).
    expect(money(pack, '20345.67')).toBe('20\u202f345,67\u00a0€');
    expect(sectionText(pages, 'ROI by initiative')).toContain('20 345,67 €');
  });
});

/** The workbook as bytes, through the same streaming writer a response gets. */
async function xlsxWorkbook(pack: BoardPackDto): Promise<Workbook> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writePackXlsx(pack, sink);
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

function column(sheet: Worksheet, header: string): number {
  const headers = sheet.getRow(1).values as unknown[];
  const index = headers.indexOf(header);
  expect(index).toBeGreaterThan(0);
  return index;
}

describe('board pack XLSX', () => {
  it('has one sheet per section, in order, each with a bold frozen header', async () => {
    const workbook = await xlsxWorkbook(makePack());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Roadmap',
      'Maturity',
      'KPIs',
      'ROI by initiative',
      'ROI by channel',
      'Cost and value by month',
      'Budget',
      'Milestones',
      'Experiments',
      'Decisions',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('writes ROI as numbers formatted as percentages, and no ROI as an empty cell', async () => {
    const pack = makePack();
    const sheet = (await xlsxWorkbook(pack)).getWorksheet('ROI by initiative') as Worksheet;
    const roi = column(sheet, 'ROI');
    const riskAdjusted = column(sheet, 'Risk-adjusted ROI');
    pack.content.roi.groups.forEach((group, index) => {
      const row = sheet.getRow(index + 2);
      expect(row.getCell(1).value).toBe(group.key);
      for (const [cell, ratio] of [
        [row.getCell(roi), group.roi],
        [row.getCell(riskAdjusted), group.riskAdjustedRoi],
      ] as const) {
        if (ratio === null) {
          expect(cell.value ?? null).toBeNull();
        } else {
          expect(typeof cell.value).toBe('number');
          expect(cell.value).toBe(Number(ratio));
          expect(cell.numFmt).toContain('%');
        }
      }
    });
    const total = sheet.getRow(pack.content.roi.groups.length + 2);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(roi).value).toBe(Number(pack.content.roi.totals.roi));
  });

  it("writes money as numbers with the currency's minor-unit digits", async () => {
    const pack = makePack();
    const sheet = (await xlsxWorkbook(pack)).getWorksheet('ROI by initiative') as Worksheet;
    const cost = sheet.getRow(2).getCell(column(sheet, 'Cost (EUR)'));
    expect(typeof cost.value).toBe('number');
    expect(cost.value).toBe(20345.67);
    expect(cost.numFmt).toBe('#,##0.00');

    const yen = makePack({ content: { organisation: { currency: 'JPY', minorUnits: 0 } } });
    const groups = [
      makeInitiativeRoi({
        cost: '120000',
        value: '150000',
        riskAdjustedValue: '90000',
        budget: '200000',
      }),
    ];
    yen.content.roi = { ...makeRoiReport(groups), currency: 'JPY' };
    const yenSheet = (await xlsxWorkbook(yen)).getWorksheet('ROI by initiative') as Worksheet;
    const yenCost = yenSheet.getRow(2).getCell(column(yenSheet, 'Cost (JPY)'));
    expect(yenCost.value).toBe(120000);
    expect(yenCost.numFmt).toBe('#,##0');
  });

  it('writes days as date cells at midnight UTC', async () => {
    const pack = makePack();
    const workbook = await xlsxWorkbook(pack);
    const months = workbook.getWorksheet('Cost and value by month') as Worksheet;
    const from = months.getRow(2).getCell(column(months, 'From'));
    expect(from.value).toBeInstanceOf(Date);
    expect((from.value as Date).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(from.numFmt).toBe('yyyy-mm-dd');
    const roi = workbook.getWorksheet('ROI by initiative') as Worksheet;
    const payback = roi.getRow(2).getCell(column(roi, 'Payback date'));
    expect((payback.value as Date).toISOString()).toBe('2027-05-14T00:00:00.000Z');
    const summary = workbook.getWorksheet('Summary') as Worksheet;
    const asOf = summary.getRow(6).getCell(2);
    expect(summary.getRow(6).getCell(1).value).toBe('As of');
    expect((asOf.value as Date).toISOString()).toBe('2027-06-30T00:00:00.000Z');
  });

  it('writes KPI progress as a percentage and a KPI without data as empty cells', async () => {
    const pack = makePack();
    const sheet = (await xlsxWorkbook(pack)).getWorksheet('KPIs') as Worksheet;
    const progress = column(sheet, 'Progress');
    const first = sheet.getRow(2).getCell(progress);
    expect(first.value).toBe(0.3125);
    expect(first.numFmt).toContain('%');
    const noData = pack.content.kpis.findIndex((kpi) => kpi.progress === null);
    expect(sheet.getRow(noData + 2).getCell(progress).value ?? null).toBeNull();
    expect(sheet.getRow(noData + 2).getCell(column(sheet, 'Current')).value ?? null).toBeNull();
  });
});
