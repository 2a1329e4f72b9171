import {
  dateFault,
  INPUT_LIMITS,
  INT32_MAX,
  jsonBodyFault,
  jsonStructureFault,
  parseIsoDateTime,
  parseWholeNumber,
  textFault,
} from './input-rules';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
};

describe('textFault', () => {
  it('refuses NUL and other control characters but keeps tabs and line breaks', () => {
    expect(textFault('a\u0000b')).toBe('must not contain control characters');
    expect(textFault('bell\u0007')).toBe('must not contain control characters');
    expect(textFault('del\u007f')).toBe('must not contain control characters');
    expect(textFault('line one\nline two\r\n\tindented')).toBeUndefined();
  });

  it('refuses a lone surrogate but keeps a pair', () => {
    expect(textFault('a\ud800b')).toBe('must be valid Unicode text');
    expect(textFault('\udc00')).toBe('must be valid Unicode text');
    expect(textFault('smile \ud83d\ude00')).toBeUndefined();
  });
});

describe('jsonBodyFault', () => {
  it('refuses a body nested deeper than the limit, without recursion', () => {
    expect(jsonBodyFault(nested(INPUT_LIMITS.maxDepth))).toBeUndefined();
    expect(jsonBodyFault(nested(100_000))?.reason).toMatch(/nest deeper/);
  });

  it('refuses an object with too many keys and an array with too many items', () => {
    const wide = Object.fromEntries(
      Array.from({ length: INPUT_LIMITS.maxKeysPerObject + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(jsonBodyFault(wide)).toEqual({ field: 'body', reason: 'must have at most 200 fields' });
    expect(jsonBodyFault({ ids: new Array(INPUT_LIMITS.maxArrayLength + 1).fill(1) })?.field).toBe(
      'ids',
    );
  });

  it('names the field holding a bad text, number or key', () => {
    expect(jsonBodyFault({ answers: [{ note: 'ok' }, { note: 'x\u0000' }] })?.field).toBe(
      'answers.1.note',
    );
    expect(jsonBodyFault({ value: 2 ** 80 })?.field).toBe('value');
    expect(jsonBodyFault({ value: 6.33e16 })?.field).toBe('value');
    expect(jsonBodyFault({ value: 64.2, version: Number.MAX_SAFE_INTEGER })).toBeUndefined();
    expect(jsonBodyFault({ 'bad\u0000key': 1 })?.field).toBe('key');
  });

  it('refuses a 50,000-key body in milliseconds', () => {
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const started = performance.now();
    expect(jsonBodyFault(wide)).toBeDefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('jsonStructureFault', () => {
  const raw = (text: string) => Buffer.from(text);

  it('reads depth, keys and items from the raw bytes, ignoring commas and brackets in strings', () => {
    expect(jsonStructureFault(raw('{"a":"x,{[,}]\\",","b":[1,2,3]}'))).toBeUndefined();
    expect(jsonStructureFault(raw('['.repeat(33) + ']'.repeat(33)))?.reason).toMatch(/nest deeper/);
    expect(jsonStructureFault(raw('['.repeat(32) + ']'.repeat(32)))).toBeUndefined();
    const keys = (n: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    expect(jsonStructureFault(raw(keys(200)))).toBeUndefined();
    expect(jsonStructureFault(raw(keys(201)))?.reason).toBe('must have at most 200 fields');
    expect(jsonStructureFault(raw(JSON.stringify(new Array(2001).fill(0))))?.reason).toMatch(
      /items/,
    );
  });

  it('refuses a 50,000-key body after reading only its start', () => {
    const body = raw(
      JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))),
    );
    const started = performance.now();
    expect(jsonStructureFault(body)).toBeDefined();
    expect(performance.now() - started).toBeLessThan(5);
  });
});

describe('parseWholeNumber', () => {
  it('reads plain decimal whole numbers within the range only', () => {
    expect(parseWholeNumber('42', 1, INT32_MAX)).toBe(42);
    expect(parseWholeNumber(String(INT32_MAX), 1, INT32_MAX)).toBe(INT32_MAX);
    for (const text of ['0x10', '6.33e+16', '1.0', ' 1', '', '2147483648', '1099511627776', '0']) {
      expect(parseWholeNumber(text, 1, INT32_MAX)).toBeUndefined();
    }
  });
});

describe('dateFault', () => {
  it('takes real dates from 1900 to 2199', () => {
    for (const date of ['1900-01-01', '2024-02-29', '2199-12-31']) {
      expect(dateFault(date)).toBeUndefined();
    }
  });

  it('refuses dates whose fiscal year or period would leave the calendar', () => {
    for (const date of ['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(dateFault(date)).toBe('must be a date from 1900-01-01 to 2199-12-31');
    }
    expect(dateFault('2025-02-30')).toBe('must be a date written YYYY-MM-DD');
  });
});

describe('parseIsoDateTime', () => {
  it('reads real dates and moments', () => {
    expect(parseIsoDateTime('2025-02-28')?.toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(parseIsoDateTime('2025-02-28T09:30:00+01:00')?.toISOString()).toBe(
      '2025-02-28T08:30:00.000Z',
    );
    expect(parseIsoDateTime('2025-02-28T09:30')?.toISOString()).toBe('2025-02-28T09:30:00.000Z');
  });

  it('refuses impossible dates, year 0 and loose formats', () => {
    for (const text of [
      '2025-02-30',
      '0000-01-01',
      '0001-01-01T00:00:00Z',
      '9999-12-31',
      '2025-02-28T24:00',
      '2025-2-1',
      'yesterday',
    ]) {
      expect(parseIsoDateTime(text)).toBeUndefined();
    }
  });
});
