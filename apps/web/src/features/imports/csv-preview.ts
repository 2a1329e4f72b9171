export type ImportKind = 'costs' | 'values' | 'kpi-measurements';

/** The header each kind of file must start with (issue 12, the import formats). */
export const IMPORT_HEADERS: Record<ImportKind, string[]> = {
  costs: ['date', 'initiative', 'channel', 'activity', 'category', 'amount', 'hours', 'note'],
  values: [
    'date',
    'initiative',
    'channel',
    'activity',
    'value_type',
    'amount',
    'confidence',
    'note',
  ],
  'kpi-measurements': ['kpi', 'date', 'value'],
};

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
 * Reads the first records of a CSV as RFC 4180 has them (`,` separator, `"` quoting with `""`
 * for a quote, line breaks inside quotes), for a preview only: a record cut off by the end of
 * the text read is dropped rather than shown half.
 */
export function parseCsvStart(text: string, complete: boolean, maxRows = 10): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (records.length > maxRows) return records;
    } else field += char;
  }
  // The last record counts only when the whole file was read (no newline at the very end).
  if (complete && !quoted && (field !== '' || record.length > 0)) {
    record.push(field);
    records.push(record);
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
  const expected = IMPORT_HEADERS[kind];
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
