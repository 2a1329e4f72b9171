import { createHash, type Hash } from 'node:crypto';

/** What identifies a request besides its key: the same key on another request is refused. */
export interface RequestShape {
  method: string;
  /** The path without the query string. */
  path: string;
  query: unknown;
}

/**
 * The fingerprint of a JSON request: SHA-256 of its method, path, query and parsed body written
 * canonically (object keys sorted at every level), so a retry that serialises the same values in
 * another order or spacing is the same request, and any other value is another one.
 */
export function jsonRequestFingerprint(shape: RequestShape, body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ ...shape, body: body ?? null }))
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // Dates and the like serialise as themselves.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * The fingerprint of a streamed body (a multipart upload, never held in memory): SHA-256 of the
 * method, path and query, then of the body's bytes with every occurrence of the multipart
 * boundary left out. A client picks a new random boundary for each attempt, so without this the
 * same file sent twice would look like two different requests.
 */
export class StreamedFingerprint {
  private readonly hash: Hash;
  private readonly boundary?: Buffer;
  private carry = Buffer.alloc(0);

  constructor(shape: RequestShape, contentType: string | undefined) {
    this.hash = createHash('sha256').update(canonicalJson(shape)).update('\n');
    const boundary = multipartBoundary(contentType);
    if (boundary) this.boundary = Buffer.from(`--${boundary}`, 'latin1');
  }

  update(chunk: Buffer): void {
    if (!this.boundary) {
      this.hash.update(chunk);
      return;
    }
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (
      let found = data.indexOf(this.boundary, start);
      found !== -1;
      found = data.indexOf(this.boundary, start)
    ) {
      this.hash.update(data.subarray(start, found)).update('\0boundary\0');
      start = found + this.boundary.length;
    }
    // The last bytes may be the start of a boundary that the next chunk completes.
    const keep = Math.max(start, data.length - (this.boundary.length - 1));
    this.hash.update(data.subarray(start, keep));
    this.carry = Buffer.from(data.subarray(keep));
  }

  digest(): string {
    return this.hash.update(this.carry).digest('hex');
  }
}

function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\//i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}
