import type { CDPSession, Page } from 'playwright-core';

/**
 * Which fonts Chromium really drew a page's text in. For every element with text of its own
 * (user-agent shadow trees included: the value of an input, the chosen option of a select, the
 * parts of a date field), CSS.getPlatformFontsForNode names the fonts its text runs were shaped
 * with, fallbacks included: text drawn in a font of the machine rather than a bundled web font
 * shows up there, whichever fonts the machine has. Form controls are also checked the way a page
 * can: their computed font-family must name a bundled font first. (document.fonts.check cannot
 * do this job: it is false while any unicode-range subset of a listed family is not loaded, even
 * one the text never uses, and true for characters no bundled face covers.)
 */

export const BUNDLED_FAMILIES = ['Inter', 'Noto Sans JP'] as const;

type DomNode = {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
};

type PlatformFont = { familyName: string; postScriptName?: string; isCustomFont: boolean; glyphCount: number };

/** Elements whose text is not drawn (or not ours to draw). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TITLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** A bundled face as Chromium names it (@fontsource's files call themselves "Noto Sans JP Thin"). */
function isBundled(font: PlatformFont): boolean {
  return font.isCustomFont && /^(Inter|Noto Sans JP)\b/.test(font.familyName);
}

function elementsWithText(root: DomNode): { nodeId: number; text: string; name: string }[] {
  const found: { nodeId: number; text: string; name: string }[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 1 && SKIPPED.has(node.nodeName)) return;
    const kids = [...(node.shadowRoots ?? []), ...(node.children ?? [])];
    if (node.nodeType === 1) {
      const text = (node.children ?? [])
        .filter((child) => child.nodeType === 3)
        .map((child) => child.nodeValue)
        .join('')
        .trim();
      if (text) found.push({ nodeId: node.nodeId, text, name: node.nodeName.toLowerCase() });
    }
    for (const kid of kids) walk(kid);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(root);
  return found;
}

/**
 * Every element on the page whose text Chromium drew (partly) in a font that is not bundled, and
 * every form control whose computed font is not the bundled one; empty when all is well.
 */
export async function textOutsideBundledFonts(page: Page, cdp?: CDPSession): Promise<string[]> {
  const session = cdp ?? (await page.context().newCDPSession(page));
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const problems: string[] = [];
    for (const element of elementsWithText(root)) {
      let fonts: PlatformFont[];
      try {
        ({ fonts } = (await session.send('CSS.getPlatformFontsForNode', { nodeId: element.nodeId })) as { fonts: PlatformFont[] });
      } catch {
        // The node went away meanwhile (a live query re-rendered): nothing drawn to judge.
        continue;
      }
      const foreign = fonts.filter((font) => !isBundled(font));
      if (foreign.length > 0) {
        problems.push(`<${element.name}> “${element.text.slice(0, 40)}” drawn in ${foreign.map((font) => `${font.familyName} (${font.glyphCount} glyphs)`).join(', ')}`);
      }
    }
    problems.push(...(await controlsOutsideBundledFonts(page)));
    return problems;
  } finally {
    if (!cdp) await session.detach().catch(() => {});
  }
}

/** Controls with a value or a label: their computed font-family starts with a bundled family. */
function controlsOutsideBundledFonts(page: Page): Promise<string[]> {
  return page.evaluate((bundled) => {
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('input, select, textarea, button');
    for (const control of controls) {
      // The value of a check box or radio button is not drawn.
      if (control instanceof HTMLInputElement && ['checkbox', 'radio', 'hidden', 'range', 'color'].includes(control.type)) continue;
      const text =
        control instanceof HTMLSelectElement
          ? (control.selectedOptions[0]?.textContent ?? '')
          : control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement
            ? control.value || control.placeholder
            : (control.textContent ?? '');
      if (!text.trim() || control.getClientRects().length === 0) continue;
      const style = getComputedStyle(control);
      const first = style.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
      const label = `<${control.tagName.toLowerCase()}> “${text.trim().slice(0, 40)}”`;
      if (!(bundled as string[]).includes(first)) problems.push(`${label} has font-family ${style.fontFamily}`);
    }
    return problems;
  }, [...BUNDLED_FAMILIES]);
}
