import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { printOptions, printRoute } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { workspaceIdFromUrl } from './support/app';
import { appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir, printUrl } from './support/browser';

const run = promisify(execFile);
afterEach(cleanUpBrowsers);

describe('persona photo', () => {
  test('a photo picked from disk is resized, stored, shown on the card and printed; a non-image is refused', async () => {
    const app = await launchBrowser();
    const { page, context, pageErrors } = app;
    await page.getByRole('button', { name: en.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: en.sample.workspaceName }).waitFor();
    const workspaceId = workspaceIdFromUrl(page);
    await page.getByRole('link', { name: `Open ${en.sample.personaBoard}` }).click();
    const card = page.getByRole('article', { name: `Persona card: ${en.sample.persona.name}` });
    await card.waitFor();
    const boardId = page.url().split('/b/')[1]!;

    // A large picture: a screenshot of the app itself.
    const dir = await makeTempDir();
    const picture = join(dir, 'portrait.png');
    await page.screenshot({ path: picture, clip: { x: 0, y: 0, width: 1200, height: 800 } });
    const notAPicture = join(dir, 'notes.png');
    await writeFile(notAPicture, 'these are meeting notes, not a picture');

    // The e2e window (1280 px) has the compact chrome: the persona's details are in the "More" menu.
    await page.getByRole('button', { name: en.layout.more, exact: true }).click();
    await page.getByRole('menuitem', { name: en.persona.panelTitle }).click();
    const panel = page.getByRole('complementary', { name: en.persona.panelTitle });
    await panel.waitFor();
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: en.persona.choosePhoto }).click()]);
      await chooser.setFiles(file);
    };

    await choose(notAPicture);
    await panel.getByRole('alert').getByText(en.persona.photoNotImage).waitFor();
    expect(await card.locator('img').count()).toBe(0);

    await choose(picture);
    const photo = card.locator('img');
    await photo.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('article img')].every((img) => (img as HTMLImageElement).complete));
    // Stored resized: the longer side fits 480 px, the aspect ratio is kept.
    const png = await readFile(picture);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(480);
    const scale = 480 / Math.max(width, height);
    expect(await photo.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])).toEqual([
      Math.round(width * scale),
      Math.round(height * scale),
    ]);
    await expectNoSeriousA11yViolations(page);

    // Stored in IndexedDB: still there after a reload, and in the gallery.
    await page.reload();
    await card.locator('img').waitFor();
    await page.goto(appUrl(`/w/${workspaceId}`));
    await page.getByRole('region', { name: en.persona.gallery, exact: true }).locator('img').waitFor();

    // The printed sheet carries the photo.
    const sheet = await context.newPage();
    await sheet.goto(printUrl(printRoute('persona', workspaceId, boardId)));
    await sheet.locator('[data-print-ready="true"]').waitFor();
    const pdfPath = join(dir, 'sheet.pdf');
    await writeFile(pdfPath, await sheet.pdf(toPlaywrightPdfOptions(printOptions('persona-sheet'))));
    const images = (await run('pdfimages', ['-list', pdfPath])).stdout.trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect((await run('pdfinfo', [pdfPath])).stdout).toMatch(/^Pages:\s+1$/m);
    expect(pageErrors).toEqual([]);
  });
});
