import { describe, expect, it } from 'vitest';
import { facesForText, type PrintFontFace, PRINT_FAMILIES, textOf, unicodeRanges } from '../../renderer/src/features/print/printFonts';

function face(family: string, weight: string, unicodeRange: string): PrintFontFace & { name: string } {
  return { name: `${family} ${weight} ${unicodeRange.slice(0, 12)}`, family, weight, style: 'normal', unicodeRange, load: () => Promise.resolve() };
}

// As @fontsource declares them: Inter's Latin subset, two Noto Sans JP subsets.
const interLatin = face('Inter', '400', 'U+0000-00FF, U+0131, U+2000-206F, U+2191, U+2193');
const interLatinBold = face('Inter', '700', 'U+0000-00FF, U+0131, U+2000-206F, U+2191, U+2193');
const notoArrows = face('"Noto Sans JP"', '400', 'U+2190, U+2192, U+2194-2199, U+2264-2265');
const notoKana = face('"Noto Sans JP"', '400', 'U+3041-309F, U+4E??');
const FACES = [interLatin, interLatinBold, notoArrows, notoKana];

describe('print fonts', () => {
  it('reads unicode-range values, wildcards included', () => {
    expect(unicodeRanges('U+0-FF, U+131, U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ]);
    expect(unicodeRanges('u+2105,U+2109-210a')).toEqual([
      [0x2105, 0x2105],
      [0x2109, 0x210a],
    ]);
  });

  it('picks, for each character, the first family that has it, as the browser falls back', () => {
    expect(facesForText(FACES, PRINT_FAMILIES, '400', 'Plain Latin text… ↑')).toEqual([interLatin]);
    expect(facesForText(FACES, PRINT_FAMILIES, '400', 'Lead time → 2 days ≥ 90 %')).toEqual([interLatin, notoArrows]);
    expect(facesForText(FACES, PRINT_FAMILIES, '400', 'ひらがな 一')).toEqual([notoKana]);
    // Only the weight asked for; a character no face has loads nothing.
    expect(facesForText(FACES, PRINT_FAMILIES, '700', 'Bold → text')).toEqual([interLatinBold]);
    expect(facesForText(FACES, PRINT_FAMILIES, '400', '\u{1F600}')).toEqual([]);
  });

  it('collects every string of a document or locale subtree', () => {
    expect(textOf({ a: 'one', b: ['two', { c: 'three' }], n: 4, z: null })).toBe('one\ntwo\nthree\n\n');
  });
});
