import { jsonRequestFingerprint, StreamedFingerprint } from './request-fingerprint';

const shape = { method: 'POST', path: '/api/v1/organisations/o/imports', query: {} };

describe('jsonRequestFingerprint', () => {
  it('is the same for the same values in any key order, and differs for any other value', () => {
    const one = jsonRequestFingerprint(shape, { a: 1, b: { c: [1, { d: 'x', e: null }] } });
    const reordered = jsonRequestFingerprint(shape, { b: { c: [1, { e: null, d: 'x' }] }, a: 1 });
    expect(reordered).toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(jsonRequestFingerprint(shape, { a: 1, b: { c: [{ d: 'x', e: null }, 1] } })).not.toBe(
      one,
    );
    expect(jsonRequestFingerprint({ ...shape, path: '/other' }, { a: 1 })).not.toBe(
      jsonRequestFingerprint(shape, { a: 1 }),
    );
    expect(jsonRequestFingerprint({ ...shape, query: { x: '1' } }, { a: 1 })).not.toBe(
      jsonRequestFingerprint(shape, { a: 1 }),
    );
  });
});

describe('StreamedFingerprint', () => {
  const multipart = (boundary: string, file: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncosts\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`,
    );
  const digest = (boundary: string, body: Buffer, chunkSize: number) => {
    const fingerprint = new StreamedFingerprint(shape, `multipart/form-data; boundary=${boundary}`);
    for (let start = 0; start < body.length; start += chunkSize) {
      fingerprint.update(body.subarray(start, start + chunkSize));
    }
    return fingerprint.digest();
  };

  it('ignores the boundary a client picked, however the body is cut into chunks', () => {
    const file = 'date,amount\n2026-01-01,12.50\n';
    const reference = digest('----one', multipart('----one', file), 1 << 16);
    for (const size of [1, 2, 3, 7, 13, 64]) {
      expect(digest('----one', multipart('----one', file), size)).toBe(reference);
      expect(digest('--another-boundary', multipart('--another-boundary', file), size)).toBe(
        reference,
      );
    }
  });

  it('tells another file apart', () => {
    expect(digest('b', multipart('b', 'date\n2026-01-01\n'), 5)).not.toBe(
      digest('b', multipart('b', 'date\n2026-01-02\n'), 5),
    );
  });
});
