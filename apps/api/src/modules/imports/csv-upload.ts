import busboy from 'busboy';
import { parse } from 'csv-parse';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ProblemException, ValidationProblem } from '../../common/problem-details/problem';
import {
  CSV_COLUMNS,
  IMPORT_KINDS,
  type ImportKind,
  isImportKind,
  MAX_COLUMNS,
  MAX_FIELD_CHARACTERS,
  MAX_STORED_ERRORS,
  type RowError,
} from './csv-formats';

export const FILE_PROBLEM = '/problems/unprocessable-file';

/** A file that is not a CSV of the kind asked for: 422 naming the `file` field and the reason. */
export class UnprocessableFileProblem extends ProblemException {
  constructor(reason: string) {
    super(422, 'This file cannot be imported', `file ${reason}`, FILE_PROBLEM, {
      errors: [{ field: 'file', reason }],
    });
  }
}

export class FileTooLargeProblem extends ProblemException {
  constructor(maxBytes: number) {
    const reason = `is larger than the limit of ${maxBytes} bytes`;
    super(413, 'File too large', `file ${reason}`, '/problems/file-too-large', {
      errors: [{ field: 'file', reason }],
    });
  }
}

export class UnsupportedMediaProblem extends ProblemException {
  constructor() {
    super(
      415,
      'Send the file as multipart/form-data',
      'An import is a multipart/form-data request with the fields kind and file.',
      '/problems/unsupported-media-type',
    );
  }
}

/** What the upload left staged in `import_staging` (inside the caller's open transaction). */
export interface StagedUpload {
  kind: ImportKind;
  confirmDuplicate: boolean;
  fileName: string;
  fileSize: number;
  contentHash: string;
  rowsTotal: number;
  /** Rows with a wrong number of fields: not staged, reported with the rows SQL finds bad. */
  shapeErrors: RowError[];
  shapeErrorCount: number;
}

/**
 * Streams a multipart upload end to end: busboy hands over the file part as it arrives, its
 * bytes are hashed (SHA-256) and checked to be UTF-8 text as they pass, csv-parse splits them
 * into records, and each record goes out as a line of `COPY import_staging FROM STDIN`. Every
 * stage honours backpressure, so memory stays flat whatever the file's size; the bounds below
 * (field length, columns, file size) keep a hostile file from growing one record without end.
 * `kind` may come before or after the file: the header is checked against the kind at the end.
 * Any refusal throws after the request has been read to its end, and the caller's transaction
 * rolls the staged rows back.
 */
export async function stageCsvUpload(
  request: Request,
  client: PoolClient,
  importId: string,
  maxBytes: number,
): Promise<StagedUpload> {
  if (!request.is('multipart/form-data')) throw new UnsupportedMediaProblem();
  const fields: Record<string, string> = {};
  let staging: Promise<FileResult> | undefined;
  let fileName = '';
  let failure: unknown;

  const parser = (() => {
    try {
      return busboy({
        headers: request.headers,
        limits: { files: 1, fields: 8, parts: 10, fieldSize: 1024, fileSize: maxBytes },
      });
    } catch {
      throw new UnsupportedMediaProblem();
    }
  })();

  await new Promise<void>((resolve) => {
    const fail = (error: unknown) => {
      failure ??= error;
      // Read the rest of the request without keeping it, so the client gets its answer.
      request.unpipe(parser);
      request.resume();
      if (request.readableEnded) resolve();
      else request.once('end', resolve).once('close', resolve);
    };
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || staging) {
        stream.resume();
        return;
      }
      fileName = info.filename ?? '';
      stream.on('limit', () => stream.destroy(new FileTooLargeProblem(maxBytes)));
      staging = stageFile(stream, client, importId, () => fields.kind);
      staging.catch(fail);
    });
    parser.on('filesLimit', () =>
      fail(new ValidationProblem([{ field: 'file', reason: 'send one file' }])),
    );
    parser.on('error', (error) =>
      fail(
        error instanceof ProblemException
          ? error
          : new UnprocessableFileProblem('is not a readable multipart body'),
      ),
    );
    parser.on('close', () => {
      if (!staging) return resolve();
      staging.then(() => resolve(), fail);
    });
    request.on('aborted', () =>
      fail(new ValidationProblem([{ field: 'file', reason: 'upload was interrupted' }])),
    );
    request.pipe(parser);
  });
  if (failure) throw failure;

  const errors: { field: string; reason: string }[] = [];
  const kind = fields.kind;
  if (!isImportKind(kind)) {
    errors.push({ field: 'kind', reason: `must be one of ${IMPORT_KINDS.join(', ')}` });
  }
  const confirm = fields.confirmDuplicate;
  if (confirm !== undefined && confirm !== 'true' && confirm !== 'false') {
    errors.push({ field: 'confirmDuplicate', reason: 'must be true or false' });
  }
  if (!staging) errors.push({ field: 'file', reason: 'is required: attach the CSV file' });
  if (errors.length > 0 || !staging || !isImportKind(kind)) throw new ValidationProblem(errors);

  const file = await staging;
  const expected = CSV_COLUMNS[kind];
  if (!sameHeader(file.header, expected)) {
    throw new UnprocessableFileProblem(
      `has the header "${file.header.join(',')}"; a ${kind} file starts with "${expected.join(',')}"`,
    );
  }
  return {
    kind,
    confirmDuplicate: confirm === 'true',
    fileName: fileName.slice(0, 255),
    ...file,
  };
}

interface FileResult {
  header: string[];
  fileSize: number;
  contentHash: string;
  rowsTotal: number;
  shapeErrors: RowError[];
  shapeErrorCount: number;
}

const sameHeader = (header: readonly string[], expected: readonly string[]) =>
  header.length === expected.length &&
  header.every((name, index) => name.trim().toLowerCase() === expected[index]);

async function stageFile(
  file: Readable,
  client: PoolClient,
  importId: string,
  kindSoFar: () => string | undefined,
): Promise<FileResult> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let fileSize = 0;
  const text = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      fileSize += chunk.length;
      hash.update(chunk);
      if (chunk.includes(0))
        return done(new UnprocessableFileProblem('is a binary file, not CSV text'));
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new UnprocessableFileProblem('is not UTF-8 text'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UnprocessableFileProblem('is not UTF-8 text'));
      }
    },
  });

  const csv = parse({
    bom: true,
    delimiter: ',',
    // Rows with a wrong number of fields are bad rows to report with the others, not a reason to
    // refuse the file: the count is checked below against the header.
    relax_column_count: true,
    skip_empty_lines: true,
    // Bounds one record's memory: 64 fields of 10,000 characters.
    max_record_size: MAX_COLUMNS * MAX_FIELD_CHARACTERS,
  });

  const result: FileResult = {
    header: [],
    fileSize: 0,
    contentHash: '',
    rowsTotal: 0,
    shapeErrors: [],
    shapeErrorCount: 0,
  };
  let pending = '';
  const toCopy = new Transform({
    writableObjectMode: true,
    transform(record: string[], _encoding, done) {
      const problem = checkRecord(record, result, kindSoFar());
      if (problem) return done(problem);
      if (result.header.length === 0) {
        result.header = record;
        return done();
      }
      const row = ++result.rowsTotal;
      if (record.length !== result.header.length) {
        noteShapeError(result, row, record.length);
        return done();
      }
      pending += copyLine(importId, row, record);
      if (pending.length < 65_536) return done();
      const out = pending;
      pending = '';
      done(null, out);
    },
    flush(done) {
      done(null, pending);
    },
  });

  const copy = client.query(
    copyFrom(
      'COPY import_staging (import_id, row_number, f1, f2, f3, f4, f5, f6, f7, f8) FROM STDIN',
    ),
  );
  try {
    await pipeline(file, text, csv, toCopy, copy);
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw new UnprocessableFileProblem(`has a field over ${MAX_FIELD_CHARACTERS} characters`);
    }
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      throw new UnprocessableFileProblem(`is not valid CSV: ${(error as Error).message}`);
    }
    throw error;
  }
  if (result.header.length === 0)
    throw new UnprocessableFileProblem('is empty: it needs a header row');
  result.fileSize = fileSize;
  result.contentHash = hash.digest('hex');
  return result;
}

function checkRecord(
  record: string[],
  result: FileResult,
  kind: string | undefined,
): ProblemException | undefined {
  const row = result.header.length === 0 ? 'the header' : `row ${result.rowsTotal + 1}`;
  if (record.length > MAX_COLUMNS) {
    return new UnprocessableFileProblem(`has more than ${MAX_COLUMNS} columns (${row})`);
  }
  for (const field of record) {
    if (field.length > MAX_FIELD_CHARACTERS) {
      return new UnprocessableFileProblem(
        `has a field over ${MAX_FIELD_CHARACTERS} characters (${row})`,
      );
    }
  }
  if (result.header.length === 0) {
    // Refuse a wrong header at once when the kind is known, else when it matches no format.
    const formats = isImportKind(kind) ? [kind] : IMPORT_KINDS;
    if (!formats.some((format) => sameHeader(record, CSV_COLUMNS[format]))) {
      const wanted = formats.map((format) => `"${CSV_COLUMNS[format].join(',')}"`).join(' or ');
      return new UnprocessableFileProblem(
        `has the header "${record.join(',').slice(0, 200)}"; it must be ${wanted}`,
      );
    }
  }
  return undefined;
}

function noteShapeError(result: FileResult, row: number, fields: number) {
  result.shapeErrorCount += 1;
  if (result.shapeErrors.length >= MAX_STORED_ERRORS) return;
  const header = result.header;
  result.shapeErrors.push(
    fields < header.length
      ? {
          row,
          column: header[fields] ?? '',
          reason: `is missing: the row has ${fields} fields, the header ${header.length}`,
        }
      : {
          row,
          column: `column ${header.length + 1}`,
          reason: `is one field too many: the row has ${fields} fields, the header ${header.length}`,
        },
  );
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One line of COPY's text format: tab-separated, backslash escapes, `\N` for a column not sent. */
function copyLine(importId: string, row: number, record: string[]): string {
  let line = `${importId}\t${row}`;
  for (let index = 0; index < 8; index += 1) {
    const field = record[index];
    line +=
      field === undefined
        ? '\t\\N'
        : `\t${COPY_SPECIAL.test(field) ? field.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] as string) : field}`;
  }
  return `${line}\n`;
}
