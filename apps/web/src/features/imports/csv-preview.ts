import { CSV_COLUMNS, type ImportKind } from '@roi/domain';
import { parse } from 'csv-parse/browser/esm/sync';

export type { ImportKind } from '@roi/domain';

export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  costs: 'Costs',
  values: 'Values',
  'kpi-measurements': 'KPI measurements',
};

/** How much of the file the browser reads for the preview; the API validates all of it. */
export const PREVIEW_BYTES = 16 * 1024;

export interface CsvPreview {
  header: string[];
  rows: string[][];
  /** Whether the header is exactly the kind's; the reason when it is not. */
  headerProblem: string | null;
  /** The preview stopped before the end of the file. */
  truncated: boolean;
}

/**
 * The first records of a CSV, read by csv-parse (the parser the API runs) for a preview only. The
 * browser reads just the start of a large file, so when the text is not the whole file its last,
 * possibly cut, line is dropped, and a quoted field left open by the cut ends the preview there.
 */
export function parseCsvStart(text: string, complete: boolean, maxRows = 10): string[][] {
  const records: string[][] = [];
  const whole = complete ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  try {
    parse(whole, {
      bom: true,
      relax_column_count: true,
      to: maxRows + 2,
      on_record: (record: string[]) => {
        records.push(record);
        return record;
      },
    });
  } catch {
    // Broken or cut quoting: the records before it stand, and the API judges the whole file.
  }
  return records;
}

export function previewCsv(
  text: string,
  kind: ImportKind,
  complete: boolean,
  maxRows = 10,
): CsvPreview {
  const [header = [], ...rows] = parseCsvStart(text, complete, maxRows);
  const expected = CSV_COLUMNS[kind];
  const trimmed = header.map((name) => name.trim());
  let headerProblem: string | null = null;
  if (trimmed.length === 0) headerProblem = 'The file is empty: it needs a header row.';
  else if (trimmed.join(',') !== expected.join(',')) {
    const missing = expected.filter((name) => !trimmed.includes(name));
    const extra = trimmed.filter((name) => !expected.includes(name));
    headerProblem =
      `The header should be "${expected.join(',')}"` +
      (missing.length ? `; missing ${missing.join(', ')}` : '') +
      (extra.length ? `; unexpected ${extra.join(', ')}` : '') +
      (!missing.length && !extra.length ? '; the columns are in another order' : '') +
      '.';
  }
  return {
    header: trimmed,
    rows: rows.slice(0, maxRows),
    headerProblem,
    truncated: !complete || rows.length > maxRows,
  };
}

/** Reads the start of a file as UTF-8 text for the preview. */
export async function readFileStart(
  file: File,
  bytes = PREVIEW_BYTES,
): Promise<{ text: string; complete: boolean }> {
  const complete = file.size <= bytes;
  const buffer = await file.slice(0, bytes).arrayBuffer();
  // A multi-byte character cut at the end of the slice decodes as a replacement: harmless here.
  return { text: new TextDecoder('utf-8').decode(buffer), complete };
}
