import { describe, expect, it } from 'vitest';
import { parseCsvStart, previewCsv } from './csv-preview';

const HEADER = 'date,initiative,channel,activity,category,amount,hours,note';

describe('the import preview', () => {
  it('reads quoted commas and line breaks as the API does, and drops a BOM', () => {
    const text = `\ufeff${HEADER}\n2027-01-05,G-INBOX,Instagram,"Posts, reels",media,12.50,,"two\nlines"\n`;
    const preview = previewCsv(text, 'costs', true);
    expect(preview.headerProblem).toBeNull();
    expect(preview.rows).toEqual([
      ['2027-01-05', 'G-INBOX', 'Instagram', 'Posts, reels', 'media', '12.50', '', 'two\nlines'],
    ]);
  });

  it('says what is wrong with a header', () => {
    const preview = previewCsv('date,initiative,amount\n', 'costs', true);
    expect(preview.headerProblem).toMatch(/missing channel, activity, category, hours, note/);
    expect(previewCsv(`${HEADER}\n`, 'values', true).headerProblem).toMatch(
      /missing value_type, confidence; unexpected category, hours/,
    );
  });

  it('drops a record cut off by the end of the part of a large file it read', () => {
    const start = `${HEADER}\n2027-01-05,G-INBOX,X,Posts,media,1.00,,\n2027-01-06,G-INBOX,X,"Po`;
    expect(parseCsvStart(start, false)).toHaveLength(2);
    const preview = previewCsv(start, 'costs', false);
    expect(preview.rows).toHaveLength(1);
    expect(preview.truncated).toBe(true);
  });
});
