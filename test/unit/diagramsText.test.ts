import { describe, expect, it } from 'vitest';
import { charWidthEm, fitLine, textWidth, wrapText } from '../../shared/diagrams/text';

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
