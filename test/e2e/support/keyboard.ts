import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Keyboard-only helpers: they press keys and look at document.activeElement, never click. */

/** Lets React and the browser handle the last key before we look at focus. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** A short description of the focused element, for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '<body>';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
    return `<${element.tagName.toLowerCase()}${element.getAttribute('role') ? ` role=${element.getAttribute('role')}` : ''}> “${name}”`;
  });
}

/**
 * Asserts `target` has focus; the failure says where focus is instead. `soft` records a failure
 * but lets the journey go on.
 */
export async function expectFocused(page: Page, target: Locator, options: { soft?: boolean } = {}): Promise<void> {
  await settle(page);
  const verdict = (await isFocused(target)) ? 'focused' : `${target} is not focused; focus is on ${await describeFocus(page)}`;
  (options.soft ? expect.soft : expect)(verdict).toBe('focused');
}

/** Presses `key` until `target` has focus (it may already have it). */
export async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 40): Promise<number> {
  await target.waitFor({ state: 'attached' });
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    if (presses === max) break;
    await page.keyboard.press(key);
    await settle(page);
  }
  throw new Error(`${key} ×${max} never focused ${target}; focus is on ${await describeFocus(page)}`);
}

export type FocusStyle = { element: string; focusVisible: boolean; outlineStyle: string; outlineWidth: number };

/** How the focused element shows its focus (after its transitions end). */
export async function focusStyle(page: Page): Promise<FocusStyle> {
  await page
    .waitForFunction(() => (document.activeElement?.getAnimations() ?? []).every((a) => a.playState !== 'running'), undefined, {
      timeout: 2_000,
    })
    .catch(() => {});
  const element = await describeFocus(page);
  const style = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const computed = getComputedStyle(focused);
    return {
      focusVisible: focused.matches(':focus-visible'),
      outlineStyle: computed.outlineStyle,
      outlineWidth: Number.parseFloat(computed.outlineWidth) || 0,
    };
  });
  return { element, ...style };
}

/**
 * Asserts the focused element shows a focus ring a keyboard user can see: it matches
 * :focus-visible and has a real outline (the app's rule: `:focus-visible { outline: … }`).
 * `soft` records a failure but lets the journey go on.
 */
export async function expectFocusVisible(page: Page, options: { soft?: boolean } = {}): Promise<void> {
  const style = await focusStyle(page);
  const visible = style.focusVisible && style.outlineStyle !== 'none' && style.outlineWidth >= 1;
  const check = options.soft ? expect.soft : expect;
  const verdict = visible
    ? 'visible'
    : `no visible focus ring on ${style.element}: outline ${style.outlineStyle} ${style.outlineWidth}px, :focus-visible ${style.focusVisible}`;
  check(verdict).toBe('visible');
}
