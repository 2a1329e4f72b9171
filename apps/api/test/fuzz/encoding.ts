import { RawJson, RawText } from './hostile-values';

// How a generated request is written on the wire: URL parts percent-encoded (lone surrogates
// included, which encodeURIComponent refuses), bodies as JSON with RawJson tokens verbatim.

/** Percent-encodes a URL part; a lone surrogate becomes its (invalid) three UTF-8-style bytes. */
export function percentEncode(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(text[index]);
    }
  }
  return encoded;
}

/** A path or query value: a text to encode, or a RawText sent as it is. */
export type UrlValue = string | RawText;
export const urlPart = (value: UrlValue) =>
  value instanceof RawText ? value.text : percentEncode(String(value));

/** The body's JSON text, RawJson tokens written as they are. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.json;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
