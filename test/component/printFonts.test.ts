import { describe, expect, it } from 'vitest';
// The one font module (renderer/src/theme/fonts.ts) as the print views use it (features/print/printFonts.ts).
import { preloadFontsForText } from '../../renderer/src/features/print/printFonts';
import { type FontFaceInfo, preloadFontsFor, textOf, uncoveredText, unicodeRanges } from '../../renderer/src/theme/fonts';

function face(family: string, weight: string, unicodeRange: string): FontFaceInfo {
  return { family, weight, style: 'normal', unicodeRange };
}

// As @fontsource declares them: Inter's Latin and Latin-extended subsets, a Noto Sans JP subset.
const FACES = [
  face('Inter', '400', 'U+0100-02BA, U+1E00-1E9F'),
  face('Inter', '400', 'U+0000-00FF, U+0131, U+2000-206F, U+2191, U+2193'),
  face('Inter', '700', 'U+0000-00FF'),
  face('"Noto Sans JP"', '400', 'U+2190, U+2192, U+2264-2265, U+3041-309F, U+4E??'),
];

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

  it('finds the characters the first family lacks, each once, at the weight asked for', () => {
    expect(uncoveredText(FACES, 'Inter', '400', 'Plain Latin text… ↑ Łódź ẞ')).toBe('');
    expect(uncoveredText(FACES, 'Inter', '400', 'Lead time → 2 days ≥ 90 % → ≥')).toBe('→≥');
    expect(uncoveredText(FACES, 'Inter', '400', 'ひらがな 一 😀')).toBe('ひらがな一😀');
    // The bold faces are others: Inter bold here has no Latin-extended subset.
    expect(uncoveredText(FACES, 'Inter', '700', 'Łódź')).toBe('Łź');
  });

  it('asks the browser for the fallback family’s faces of those characters only', async () => {
    const asked: [string, string | undefined][] = [];
    const fonts = Object.assign([...FACES], {
      load: (font: string, text?: string) => {
        asked.push([font, text]);
        return Promise.resolve([]);
      },
    });
    await preloadFontsFor('Regular → text', 400, fonts);
    await preloadFontsFor('Bold heading', 700, fonts);
    expect(asked).toEqual([['400 16px "Noto Sans JP"', '→']]);
    await preloadFontsFor('見出し', 700, fonts);
    expect(asked.at(-1)).toEqual(['700 16px "Noto Sans JP"', '見出し']);
  });

  it('a print view asks for its text regular and its headings bold, through the page’s font set', () => {
    const asked: string[] = [];
    const fonts = Object.assign([...FACES], {
      load: (font: string, text?: string) => {
        asked.push(`${font}: ${text}`);
        return Promise.resolve([]);
      },
    });
    Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
    try {
      preloadFontsForText('本文 text', '見出し');
      expect(asked).toEqual(['400 16px "Noto Sans JP": 本文', '700 16px "Noto Sans JP": 見出し']);
    } finally {
      Reflect.deleteProperty(document, 'fonts');
    }
  });

  it('collects every string of a document or locale subtree', () => {
    expect(textOf({ a: 'one', b: ['two', { c: 'three' }], n: 4, z: null })).toBe('one\ntwo\nthree\n\n');
  });
});
