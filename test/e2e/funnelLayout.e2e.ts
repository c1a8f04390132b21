import { afterEach, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { openSample, poll } from './support/app';
import { cleanUpBrowsers, launchBrowser } from './support/browser';

/**
 * The funnel's side at 1920×1080 (the stages beside the diagram): a large volume makes the reverse
 * funnel's table wide; it scrolls sideways in its own panel, and the stages' buttons and the form
 * fields stay inside the window.
 */

afterEach(cleanUpBrowsers);

test('a volume of 100,000,000 leaves the stage list’s buttons and the stage fields inside the window at 1920×1080', async () => {
  const { page } = await launchBrowser();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
  await openSample(page);
  await page.keyboard.press('Alt+Shift+Digit3');
  const list = page.getByRole('list', { name: en.funnel.stageList });
  await list.waitFor();
  await list.getByRole('button', { name: 'Edit Prospect / Awareness' }).click();
  const volume = page.getByRole('region', { name: en.funnel.editor }).getByLabel(en.funnel.fields.targetVolume, { exact: true });
  await volume.fill('100000000');
  await volume.press('Enter');
  await page.getByRole('table', { name: en.funnel.calculator.result }).getByText('100,000,000').waitFor();

  const outside = () =>
    page.evaluate(() => {
      const side = document.querySelector<HTMLElement>('.funnel-side')!;
      const right = Math.min(window.innerWidth, side.getBoundingClientRect().right);
      const controls = [...side.querySelectorAll<HTMLElement>('button, input, select, textarea')].filter((element) => !element.closest('.funnel-table-scroll'));
      return controls.filter((element) => element.getBoundingClientRect().right > right + 0.5).map((element) => element.getAttribute('aria-label') ?? element.id);
    });
  await poll(outside).toEqual([]);
  // The side does not scroll sideways; only the table's own box does.
  expect(await page.locator('.funnel-side').evaluate((side) => side.scrollWidth - side.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.locator('.funnel-table-scroll').evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
});
