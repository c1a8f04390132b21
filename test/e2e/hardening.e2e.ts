import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ja } from '../../shared/locales/ja';
import { doublyDeflatedBomb, singlyDeflatedBomb } from '../fixtures/pdf/hostile';
import { workspaceIdFromUrl } from './support/app';
import { type AppBrowser, appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';

/**
 * Issue 13 in the real browser, in Japanese, one browser for the file: hostile PDFs on the Verify
 * page (read in a worker, refused with a reason, the page never freezes).
 */

let app: AppBrowser;
let workspaceId: string;

beforeAll(async () => {
  app = await launchBrowser({ lang: 'ja' });
  await app.page.getByRole('button', { name: ja.home.openSample }).click();
  await app.page.getByRole('heading', { level: 1, name: ja.sample.workspaceName }).waitFor();
  workspaceId = workspaceIdFromUrl(app.page);
}, 60_000);

afterAll(cleanUpBrowsers);

/** Counts animation frames and keeps the longest gap between two: a frozen page has none. */
async function startFrameProbe(page: Page) {
  await page.evaluate(() => {
    const probe = { frames: 0, last: performance.now(), longestGap: 0 };
    (window as unknown as { frameProbe: typeof probe }).frameProbe = probe;
    const tick = (now: number) => {
      probe.frames++;
      probe.longestGap = Math.max(probe.longestGap, now - probe.last);
      probe.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function readFrameProbe(page: Page): Promise<{ frames: number; longestGap: number }> {
  return page.evaluate(() => (window as unknown as { frameProbe: { frames: number; longestGap: number } }).frameProbe);
}

describe('hostile PDFs on the Verify page', () => {
  test('the 2 kB doubly deflated PDF and a 1 MB one-layer bomb: unreadable with the reason, within 3 s, the page keeps drawing frames', async () => {
    const { page, pageErrors } = app;
    await page.goto(appUrl(`/w/${workspaceId}/sla/verify`));
    await page.getByRole('heading', { level: 1, name: ja.sla.verify.title }).waitFor();
    const input = page.getByLabel(ja.sla.verify.pick);
    const status = page.getByRole('status').filter({ hasText: ja.sla.verify.file.replace('{{name}}', '') });

    const bomb = doublyDeflatedBomb();
    expect(bomb.byteLength).toBeLessThan(2_500);
    await startFrameProbe(page);
    const started = Date.now();
    await input.setInputFiles({ name: 'bomb.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bomb) });
    const reason = ja.hardening.pdf.refusals.chainedFilters.replace('{{filters}}', 'FlateDecode + FlateDecode');
    // The bound: an answer within 3 s (it froze the page for 14 s before).
    await status.getByText(ja.hardening.pdf.unreadable.replace('{{reason}}', reason), { exact: true }).waitFor({ timeout: 3_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    const probe = await readFrameProbe(page);
    expect(probe.frames).toBeGreaterThan(0);
    expect(probe.longestGap).toBeLessThan(1_000);
    await expectNoSeriousA11yViolations(page);

    // No chained filters: only the capped inflate while pdf-lib parses (in the worker) stops it.
    await input.setInputFiles({ name: 'bomb-1.pdf', mimeType: 'application/pdf', buffer: Buffer.from(singlyDeflatedBomb()) });
    await status.getByText(ja.hardening.pdf.unreadable.replace('{{reason}}', ja.hardening.pdf.refusals.streamTooLarge.replace('{{limit}}', '16 MB'))).waitFor({ timeout: 15_000 });
    // The page answers at once meanwhile and after: its links still work.
    await page.getByRole('navigation', { name: ja.app.breadcrumb }).getByRole('link', { name: ja.sla.pageTitle }).click();
    await page.getByRole('heading', { level: 1, name: ja.sla.defaultTitle }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
