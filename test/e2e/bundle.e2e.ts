import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { openSample } from './support/app';
import { SAMPLE_BOARD, waitForBoard } from './support/board';
import { cleanUpBrowsers, launchBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

/**
 * Issue 12's first goal: the renderer JS loaded before the home page shows is at most 300 kB
 * gzip, and each feature loads when first opened. Sizes are bytes, not time: this holds on any
 * machine. The build is the one the e2e run serves (dist/web, or ALIGNBOARD_WEB_OUT).
 */
const WEB_OUT = resolve(import.meta.dirname, '../..', process.env.ALIGNBOARD_WEB_OUT ?? 'dist/web');
const INITIAL_JS_BUDGET = 300 * 1024;

type ManifestChunk = { file: string; isDynamicEntry?: boolean; isEntry?: boolean; imports?: string[] };
const manifest = JSON.parse(readFileSync(resolve(WEB_OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const pageFile = (suffix: string) => {
  const entry = Object.entries(manifest).find(([source, chunk]) => chunk.isDynamicEntry && source.endsWith(suffix));
  if (!entry) throw new Error(`no lazily loaded chunk for ${suffix} in the build`);
  return entry[1].file;
};

/** Every script the page has loaded so far (module scripts, preloads and dynamic imports), as build paths. */
async function loadedScripts(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return [...new Set(urls.map((url) => new URL(url).pathname.replace(/^\//, '')).filter((path) => path.endsWith('.js')))];
}

/** The chunk with the public holiday tables (holiday-jp's and the generated ones): it loads with the code that measures business hours. */
const holidaysFile = Object.values(manifest)
  .map((chunk) => chunk.file)
  .find((file) => file.endsWith('.js') && readFileSync(resolve(WEB_OUT, file), 'utf8').includes('Martin Luther King Jr. Day'));

const gzipBytes = (file: string) => gzipSync(readFileSync(resolve(WEB_OUT, file)), { level: 9 }).length;

describe('What the app loads', () => {
  test('the home page loads at most 300 kB of JS (gzip) and no feature page, in Japanese and English; a board loads its code when opened', async () => {
    const lazyPages = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry).map((chunk) => chunk.file);
    for (const [lang, messages] of [['ja', ja], ['en', en]] as const) {
      const { page, pageErrors } = await launchBrowser({ lang });
      await page.getByRole('heading', { level: 1, name: messages.home.title }).waitFor();
      const home = await loadedScripts(page);
      expect(home.length).toBeGreaterThan(0);
      // Only the UI language's messages: the other language is a page of its own, not loaded.
      expect({ lang, pages: home.filter((file) => lazyPages.includes(file) && !file.includes(`/${lang}-`)) }).toEqual({ lang, pages: [] });
      const total = home.reduce((sum, file) => sum + gzipBytes(file), 0);
      expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
      // The public holidays of every country are not the home page's.
      expect(holidaysFile).toBeDefined();
      expect(home).not.toContain(holidaysFile);
      if (lang === 'ja') {
        await cleanUpBrowsers();
        continue;
      }
      await openSample(page);
      // The sample's lead records were measured by its calendar (US public holidays).
      expect(await loadedScripts(page)).toContain(holidaysFile);
      expect(await loadedScripts(page)).not.toContain(pageFile('BoardPage.tsx'));
      await page.getByRole('link', { name: SAMPLE_BOARD }).first().click();
      await waitForBoard(page);
      expect(await loadedScripts(page)).toContain(pageFile('BoardPage.tsx'));
      expect(pageErrors).toEqual([]);
    }
  });
});
