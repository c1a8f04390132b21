import { describe, expect, it } from 'vitest';
import { charWidthEm, fitLine, pieces, textWidth, wrapText } from '../../shared/diagrams/text';

describe('diagram text metrics', () => {
  it('measures Latin by the bundled fonts’ advances and everything else as a full em', () => {
    expect(charWidthEm('i')).toBeLessThan(charWidthEm('m'));
    expect(charWidthEm('W')).toBeCloseTo(1.04);
    expect(charWidthEm('受')).toBe(1);
    expect(charWidthEm('\u0301')).toBe(0);
    // An upper bound: a little over the sum of the advances.
    expect(textWidth('受注', 10)).toBeGreaterThan(20);
    expect(textWidth('受注', 10)).toBeLessThan(21);
  });

  it('wraps Latin text at spaces and never makes a line wider than asked', () => {
    const text = 'Marketing hands over every qualified lead with its source, its campaign and the reason it qualified.';
    const wrapped = wrapText(text, 150, 12);
    expect(wrapped.lines.length).toBeGreaterThan(2);
    for (const line of wrapped.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(150);
    expect(wrapped.lines.join(' ')).toBe(text);
    expect(wrapped.truncated).toBe(false);
  });

  it('breaks Japanese between characters, keeping 、。」 off a line’s start and 「 off its end', () => {
    const text = '営業は「受け入れたリード」に24時間以内に連絡し、結果をCRMに記録する。マーケティングは毎週、品質を確認する。';
    for (const width of [60, 75, 90, 110, 130]) {
      const wrapped = wrapText(text, width, 10);
      expect(wrapped.lines.join('')).toBe(text);
      for (const line of wrapped.lines) {
        expect(textWidth(line, 10)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[、。」）]/);
        expect(line).not.toMatch(/[「（]$/);
      }
    }
  });

  it('keeps explicit line breaks and cuts a word too long for the line', () => {
    expect(wrapText('one\ntwo', 500, 12).lines).toEqual(['one', 'two']);
    const long = wrapText('https://example.com/a/very/long/address/that/does/not/fit', 80, 12);
    expect(long.lines.length).toBeGreaterThan(3);
    for (const line of long.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(80);
    expect(long.lines.join('')).toBe('https://example.com/a/very/long/address/that/does/not/fit');
  });

  it('cuts at maxLines with an ellipsis that still fits', () => {
    const wrapped = wrapText('alpha beta gamma delta epsilon zeta eta theta iota kappa', 70, 12, 2);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines[1]).toMatch(/…$/);
    for (const line of wrapped.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(70);
    expect(wrapText('one\ntwo\nthree', 500, 12, 2)).toMatchObject({ lines: ['one', 'two…'], truncated: true });
  });

  it('fits one line, with an ellipsis only when needed', () => {
    expect(fitLine('Sales', 100, 12)).toBe('Sales');
    const cut = fitLine('A very long owner label that cannot fit', 60, 12);
    expect(cut).toMatch(/…$/);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60);
  });
});

/**
 * wrapText as it was before it measured pieces once and added their widths (it measured the
 * whole line again for every piece): the same lines are expected, on texts of every kind.
 */
function wrapTextByRemeasuring(text: string, maxWidth: number, size: number, maxLines = Number.POSITIVE_INFINITY) {
  const splitWide = (piece: string) => {
    const out: string[] = [];
    let current = '';
    for (const char of piece) {
      if (current && textWidth(current + char, size) > maxWidth) {
        out.push(current);
        current = '';
      }
      current += char;
    }
    if (current) out.push(current);
    return out;
  };
  const lines: string[] = [];
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  let truncated = false;
  outer: for (const paragraph of paragraphs) {
    let line = '';
    const all = pieces(paragraph).flatMap((piece) => (textWidth(piece.trimEnd(), size) > maxWidth ? splitWide(piece) : [piece]));
    for (const piece of all) {
      if (line && textWidth((line + piece).trimEnd(), size) > maxWidth) {
        lines.push(line.trimEnd());
        line = '';
        if (lines.length >= maxLines) {
          truncated = true;
          break outer;
        }
      }
      line += line ? piece : piece.trimStart();
    }
    lines.push(line.trimEnd());
    if (lines.length >= maxLines && paragraph !== paragraphs.at(-1)) {
      truncated = true;
      break;
    }
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    truncated = true;
  }
  return { lines, truncated };
}

describe('wrapText, measuring each piece once', () => {
  it('breaks every kind of text exactly where measuring the whole line again would', () => {
    // A small deterministic generator (mulberry32), so a failure names a reproducible case.
    let seed = 12345;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const parts = ['lead ', 'qualified ', 'MQL', ' ', '  ', '\t', '\n', '受注', '「商談」', '、', '。', 'ー', '（', '）', '\u3000', 'e\u0301', 'https://example.com/a/very/long/address', 'W', 'i', '…', '😀', '営業は24時間以内に連絡する'];
    for (let run = 0; run < 3000; run++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 14) }, () => parts[Math.floor(random() * parts.length)]).join('');
      const maxWidth = 8 + random() * 200;
      const size = [7, 9.5, 10, 12, 16][Math.floor(random() * 5)]!;
      const maxLines = random() < 0.5 ? Number.POSITIVE_INFINITY : 1 + Math.floor(random() * 4);
      const expected = wrapTextByRemeasuring(text, maxWidth, size, maxLines);
      const wrapped = wrapText(text, maxWidth, size, maxLines);
      const lines = expected.truncated ? wrapped.lines.slice(0, -1) : wrapped.lines;
      const expectedLines = expected.truncated ? expected.lines.slice(0, -1) : expected.lines;
      while (expectedLines.length > 1 && expectedLines.at(-1) === '' && !expected.truncated) expectedLines.pop();
      expect({ text, maxWidth, size, maxLines, lines, truncated: wrapped.truncated }).toEqual({ text, maxWidth, size, maxLines, lines: expectedLines, truncated: expected.truncated });
      // The same text again (its measured pieces are kept) breaks the same way.
      expect(wrapText(text, maxWidth, size, maxLines)).toEqual(wrapped);
    }
  });
});
