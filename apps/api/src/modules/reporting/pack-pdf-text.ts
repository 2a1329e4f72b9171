/** Code points above 0xFF that WinAnsiEncoding (the standard fonts' encoding) has glyphs for. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Look-alikes for characters Intl and authors use often that WinAnsi lacks. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (fr-FR grouping) -> no-break space
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-', // minus sign
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\u2260': '!=',
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\t': ' ',
};

function isWinAnsi(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(code)
  );
}

/**
 * The text as Helvetica can draw it. PDFKit's standard fonts are WinAnsi-encoded: "€", "—" and
 * "’" are there, but a character outside it would be written as stray bytes. Those are replaced
 * by a look-alike, by their letter without its accent ("ő" -> "o"), or by "?" (e.g. CJK scripts,
 * which would need an embedded Unicode font).
 */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) as number;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const substitute = SUBSTITUTES[char];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    const readable = base !== '' && [...base].every((c) => isWinAnsi(c.codePointAt(0) as number));
    out += readable ? base : '?';
  }
  return out;
}
