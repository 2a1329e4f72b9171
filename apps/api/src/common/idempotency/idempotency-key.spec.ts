import { parseIdempotencyKey } from './idempotency-key';

const parse = (value: string | undefined, lines = value === undefined ? 0 : 1) =>
  parseIdempotencyKey(
    value === undefined ? {} : { 'idempotency-key': value },
    Array.from({ length: lines }, () => ['Idempotency-Key', value ?? '']).flat(),
  );

describe('parseIdempotencyKey', () => {
  it('takes a bare key and a quoted one (RFC 8941 string) as the same key', () => {
    expect(parse('8e03978e-40d5-43e8-bc93-6894a57f9324')).toEqual({
      kind: 'key',
      key: '8e03978e-40d5-43e8-bc93-6894a57f9324',
    });
    expect(parse('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toEqual({
      kind: 'key',
      key: '8e03978e-40d5-43e8-bc93-6894a57f9324',
    });
    expect(parse('"a \\"quoted\\" \\\\ key"')).toEqual({ kind: 'key', key: 'a "quoted" \\ key' });
  });

  it('says when there is no key', () => {
    expect(parse(undefined)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['', 'must not be empty'],
    ['""', 'must not be empty'],
    ['x'.repeat(256), 'must be at most 255 characters'],
    ['tab\there', 'must hold printable ASCII characters only'],
    ['caf\u00e9', 'must hold printable ASCII characters only'],
    ['"unterminated', 'must be a well-formed quoted string when quoted'],
    ['"a"b"', 'must be a well-formed quoted string when quoted'],
    ['"bad \\n escape"', 'must be a well-formed quoted string when quoted'],
    ['"escaped end\\"', 'must be a well-formed quoted string when quoted'],
  ])('refuses %j: %s', (value, reason) => {
    expect(parse(value)).toEqual({ kind: 'invalid', reason });
  });

  it('takes 255 characters and refuses a key sent twice', () => {
    expect(parse('k'.repeat(255))).toMatchObject({ kind: 'key' });
    expect(parse('one, two', 2)).toEqual({ kind: 'invalid', reason: 'must be sent once' });
  });
});
