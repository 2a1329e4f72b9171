import fc from 'fast-check';

// The values an attacker (or a broken client) sends instead of what a schema asks for. Values
// that JSON.stringify cannot write as meant (a -0, a number beyond a double, a text of 100,000
// characters) are RawJson tokens: written verbatim into the body, printed by their label so
// that a counterexample stays readable.

/** A piece of JSON text written verbatim into a body. */
export class RawJson {
  constructor(
    readonly json: string,
    readonly label: string = json,
  ) {}
  [fc.toStringMethod](): string {
    return this.label;
  }
}

/** A whole body sent as it is, with its own content type (malformed JSON, other media types). */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly content: string | Buffer,
    readonly label: string = typeof content === 'string' ? JSON.stringify(content) : 'bytes',
  ) {}
  [fc.toStringMethod](): string {
    return `RawBody(${this.contentType}, ${this.label})`;
  }
}

/** A part of a URL already percent-encoded (so that it can be invalid UTF-8 or a lone `%`). */
export class RawText {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return `raw ${this.text}`;
  }
}

/** A text of `count` times `unit`, printed as such rather than in full. */
export const repeated = (unit: string, count: number) =>
  new RawJson(JSON.stringify(unit.repeat(count)), `${JSON.stringify(unit)} × ${count}`);

/** `[[[…1…]]]` or `{"a":{"a":…}}` nested `depth` levels. */
export function nested(depth: number, kind: 'array' | 'object' = 'array'): RawJson {
  const [open, close] = kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
  return new RawJson(
    `${open.repeat(depth)}1${close.repeat(depth)}`,
    `${kind} nested ${depth} deep`,
  );
}

const controlCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.constant('\u007f'),
);
const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
const around = (inner: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.string({ maxLength: 3 }), inner, fc.string({ maxLength: 3 }))
    .map((parts) => parts.join(''));

/** Texts that look like something else, or that no field should store as they are. */
export const trickyTexts = [
  '',
  ' ',
  '\t',
  ' padded ',
  'NaN',
  'Infinity',
  '0x10',
  '1e3',
  '-1',
  '-0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u202egnp.exe',
  '\ufeff',
  '\uffff',
  '\u{1f4c8}',
  'e\u0301',
  '__proto__',
  'constructor',
];

/** Dates that are not dates, or beyond the ones the API takes (years 1900 to 2199). */
export const impossibleDates = [
  '2025-02-30',
  '2025-02-29',
  '2025-13-01',
  '2025-00-10',
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '2200-01-01',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '2025-1-1',
  '20250101',
  '2025-02-28T24:00:00Z',
  '2025-02-28T23:59:60Z',
  '2025-02-28T10:00:00+25:00',
  '2025-02-28 10:00',
  '1e3',
];

/** Any text to put where a string is expected: control characters, lone surrogates, junk. */
export const hostileText = fc.oneof(
  fc.constantFrom(...trickyTexts),
  fc.constantFrom(...impossibleDates),
  around(controlCharacter),
  around(loneSurrogate),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Numbers at and past every boundary the API has (32 bits, 2^53, a double's range). */
export const boundaryNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  1e308,
  -1e308,
  5e-324,
);

/** Number tokens that JSON allows but a double cannot hold as written. */
export const inexactNumber = fc
  .constantFrom(
    '-0',
    '9007199254740993',
    '-9007199254740993',
    '1208925819614629174706176',
    '1e400',
    '-1e400',
    '1e-400',
    '0.30000000000000000000000001',
    '1E2',
  )
  .map((token) => new RawJson(token));

/** Numbers written as texts (a JSON string where a number belongs). */
export const numericText = fc.constantFrom(
  '1',
  '0',
  '-0',
  '1.0',
  '0x10',
  '1e3',
  'NaN',
  '2147483648',
);

const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  hostileText,
);

/** Object keys that trip prototype handling, or break the input rules. */
export const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '',
    ' ',
    'a\u0000',
    '\ud800',
  ),
  fc.string({ maxLength: 8 }),
);

/** Any JSON value a few levels deep, built with fast-check's recursion helper. */
export const { json: anyJson } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    jsonLeaf,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('json'), { maxKeys: 3 }),
  ),
}));

/** A value of some other JSON type than the schema asks for, or past the limits of any. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  boundaryNumber,
  inexactNumber,
  hostileText,
  fc.constant([]),
  fc.constant({}),
  anyJson,
  fc.integer({ min: 30, max: 3000 }).map((depth) => nested(depth)),
);

/** Strings one character past a maximum length, and past the API's limit for any text. */
export function overlongText(maxLength: number | undefined): fc.Arbitrary<RawJson> {
  const lengths = [100_001, ...(maxLength === undefined ? [] : [maxLength + 1])];
  return fc.constantFrom(...lengths).map((length) => repeated('x', length));
}

/** An array past the API's limit of 2,000 items. */
export const overlongArray = fc.constant(new RawJson(`[${'1,'.repeat(2000)}1]`, '[1 × 2001]'));

/** A UUID that is not one, or is one that leads nowhere useful. */
export const notUuid = fc.constantFrom(
  'not-a-uuid',
  '1',
  '0',
  '-1',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{6f1c2b9e-1d2a-4c3b-9a8e-5f6d7c8b9a0e}',
  '6f1c2b9e1d2a4c3b9a8e5f6d7c8b9a0e',
  '6F1C2B9E-1D2A-4C3B-9A8E-5F6D7C8B9A0E',
  '6f1c2b9e-1d2a-4c3b-9a8e-5f6d7c8b9a0e ',
  '6f1c2b9e-1d2a-4c3b-9a8e-5f6d7c8b9a0',
);

/** Bodies that are not a JSON document the API could read. */
export const malformedBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom(
    new RawBody('application/json', '{'),
    new RawBody('application/json', '{"a":1,}'),
    new RawBody('application/json', ''),
    new RawBody('application/json', 'null'),
    new RawBody('application/json', '"\\ud800"'),
    new RawBody('application/json', '{"\\ud800":1}'),
    new RawBody('application/json', '{"a":"\\u0000"}'),
    new RawBody('application/json', '{"a":1,"a":2}'),
    new RawBody('application/json', '{"__proto__":{"admin":true}}'),
    new RawBody('application/json', '\ufeff{}'),
    new RawBody('application/json', 'NaN'),
    new RawBody('application/json', Buffer.from('{"a":"\xff\xfe"}', 'latin1'), '{"a":"<ff fe>"}'),
    new RawBody('application/json; charset=utf-16', '{}'),
    new RawBody('application/json; charset=latin1', '{}'),
    new RawBody('text/plain', 'hello'),
    new RawBody('application/x-www-form-urlencoded', 'a=1&b[c]=2'),
    new RawBody('multipart/form-data; boundary=x', '--x\r\n'),
    new RawBody('application/xml', '<a/>'),
  ),
  fc
    .record({ depth: fc.integer({ min: 30, max: 5000 }), kind: fc.constantFrom('array', 'object') })
    .map(({ depth, kind }) => {
      const raw = nested(depth, kind as 'array' | 'object');
      return new RawBody('application/json', raw.json, raw.label);
    }),
);

/** Printable header text (Node refuses to send control characters in a header at all). */
export const headerText = fc.oneof(
  fc.uuid(),
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((code) => code !== 0x7f)
      .map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 40,
  }),
  fc.constantFrom('', ' ', '"quoted key"', '"unterminated', 'x'.repeat(256)),
);

/** Encodings that are not UTF-8, or not percent-encoding at all. */
const brokenEncoding = fc.constantFrom(
  ...['%ff%fe', '%', '%zz', '%C0%80', '%ED%A0%80', '%2F', '..', '%2e%2e'].map(
    (text) => new RawText(text),
  ),
);
/** Texts that a number, a date, an enum or an id in a URL must not accept. */
export const hostileUrlText = fc.oneof(
  fc.constantFrom('abc', '0x10', '1e3', '-1', '1.5', '2147483648', '99999999999', ...trickyTexts),
  fc.constantFrom(...impossibleDates),
  notUuid,
  hostileText,
  brokenEncoding,
);
