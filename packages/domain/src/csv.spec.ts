import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula } from './csv';

describe('CSV cells a spreadsheet cannot run', () => {
  it.each(['=1+1', '+1', '-1+2', '@A1', '\t=1', '\r=1'])('prefixes %j with a quote and quotes the cell', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(csvCell(text, ',')).toBe(`"'${text}"`);
  });

  it('leaves plain text and numbers alone, quoting only what needs it', () => {
    expect(csvLine(['Xã Ea Na', { number: '-3,5' }, { number: '1e+21' }, null, '', 'a;b', 'say "hi"'], ';')).toBe('Xã Ea Na;-3,5;1e+21;;;"a;b";"say ""hi"""');
    expect(csvCell({ number: '-3.5' }, ',')).toBe('-3.5');
    expect(csvCell({ number: '-3,5' }, ',')).toBe('"-3,5"');
  });

  it('treats a "number" that is not one as text', () => {
    expect(csvCell({ number: '-1+cmd' }, ',')).toBe(`"'-1+cmd"`);
    expect(csvCell({ number: '=1' }, ',')).toBe(`"'=1"`);
  });
});
