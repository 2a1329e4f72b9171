import type { IncomingHttpHeaders } from 'node:http';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export type ParsedIdempotencyKey =
  { kind: 'absent' } | { kind: 'key'; key: string } | { kind: 'invalid'; reason: string };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Reads the Idempotency-Key header. The draft makes it a Structured Field String (RFC 8941
 * 3.3.3: `"..."`, with `\"` and `\\` as the only escapes); most clients send the bare value
 * (`Idempotency-Key: 8e03978e-...`), so both are taken and mean the same key. Either way the key
 * is 1 to 255 printable ASCII characters, sent once: a key outside that is refused, never
 * shortened or ignored, so a client cannot believe it is protected when it is not.
 */
export function parseIdempotencyKey(
  headers: IncomingHttpHeaders,
  rawHeaders: readonly string[],
): ParsedIdempotencyKey {
  const value = headers['idempotency-key'];
  if (value === undefined) return { kind: 'absent' };
  const lines = rawHeaders.filter(
    (name, index) => index % 2 === 0 && name.toLowerCase() === 'idempotency-key',
  ).length;
  if (lines > 1 || Array.isArray(value)) {
    return { kind: 'invalid', reason: 'must be sent once' };
  }
  const key = value.startsWith('"') ? unquote(value) : value;
  if (key === undefined) {
    return { kind: 'invalid', reason: 'must be a well-formed quoted string when quoted' };
  }
  if (key.length === 0) return { kind: 'invalid', reason: 'must not be empty' };
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return {
      kind: 'invalid',
      reason: `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
    };
  }
  if (!PRINTABLE_ASCII.test(key)) {
    return { kind: 'invalid', reason: 'must hold printable ASCII characters only' };
  }
  return { kind: 'key', key };
}

/** An RFC 8941 sf-string's content, or undefined when it is not one. */
function unquote(value: string): string | undefined {
  if (value.length < 2 || !value.endsWith('"')) return undefined;
  let key = '';
  for (let index = 1; index < value.length - 1; index += 1) {
    const character = value[index];
    if (character === '"') return undefined;
    if (character === '\\') {
      const escaped = value[index + 1];
      if (escaped !== '"' && escaped !== '\\') return undefined;
      // The closing quote cannot be the escaped character.
      if (index + 1 === value.length - 1) return undefined;
      key += escaped;
      index += 1;
    } else {
      key += character;
    }
  }
  return key;
}
