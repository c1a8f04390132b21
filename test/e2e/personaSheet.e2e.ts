import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { ja } from '../../shared/locales/ja';
import { printOptions, printRoute } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { workspaceIdFromUrl } from './support/app';
import { appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir, printUrl } from './support/browser';

const run = promisify(execFile);
afterEach(cleanUpBrowsers);

/** pdftotext wraps and spaces text its own way: compare without any white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('persona gallery and persona sheet PDF', () => {
  test('agree a persona, create one from the template, export the sheet: one A4 landscape page with every Japanese field', async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'ja' });
    await page.getByRole('button', { name: ja.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: ja.sample.workspaceName }).waitFor();
    const workspaceId = workspaceIdFromUrl(page);
    const gallery = page.getByRole('region', { name: ja.persona.gallery, exact: true });
    const boardName = ja.sample.personaBoard;

    // Mark the sample persona agreed, with the meeting that agreed it.
    await gallery.getByRole('button', { name: `ペルソナ ${boardName} の操作` }).click();
    await page.getByRole('menuitem', { name: ja.persona.markAgreed }).click();
    const dialog = page.getByRole('dialog', { name: `「${boardName}」を合意済みにする` });
    await dialog.getByLabel(ja.persona.agreeMeeting).fill('11月の定例会');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: ja.persona.agreeSubmit }).click();
    await dialog.waitFor({ state: 'detached' });
    await gallery.getByText(/合意（11月の定例会）/).waitFor();
    await expectNoSeriousA11yViolations(page);

    // A new persona comes laid out with the template: the card and five labelled zones.
    await gallery.getByRole('button', { name: ja.persona.newPersona }).click();
    const create = page.getByRole('dialog', { name: ja.persona.createTitle });
    await create.getByLabel(ja.common.name).fill('地方銀行の DX 推進担当');
    await create.getByRole('button', { name: ja.common.create }).click();
    await page.getByRole('heading', { level: 1, name: '地方銀行の DX 推進担当' }).waitFor();
    expect(page.url()).toContain(`#/w/${workspaceId}/b/`);
    await page.getByRole('article', { name: 'ペルソナカード: 地方銀行の DX 推進担当' }).waitFor();
    for (const zone of Object.values(ja.persona.zones)) await page.getByText(zone, { exact: true }).first().waitFor();

    // The sheet of the agreed sample persona, printed exactly as the app prints it.
    await page.goto(appUrl(`/w/${workspaceId}`));
    const link = gallery.getByRole('link', { name: `${boardName} を開く` });
    const boardId = (await link.getAttribute('href'))!.split('/b/')[1]!;
    const sheet = await context.newPage();
    await sheet.goto(printUrl(printRoute('persona', workspaceId, boardId)));
    await sheet.locator('[data-print-ready="true"]').waitFor();
    const dir = await makeTempDir();
    const pdfPath = join(dir, 'persona.pdf');
    await writeFile(pdfPath, await sheet.pdf(toPlaywrightPdfOptions(printOptions('persona-sheet'))));

    const info = (await run('pdfinfo', [pdfPath])).stdout;
    expect(info).toMatch(/^Pages:\s+1$/m);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(width) - 842)).toBeLessThan(1.5);
    expect(Math.abs(Number(height) - 595)).toBeLessThan(1.5);

    const text = squash((await run('pdftotext', ['-raw', pdfPath, '-'])).stdout);
    const p = ja.sample.persona;
    const expected = [
      p.name,
      p.title,
      p.industry,
      p.companySize,
      p.goal,
      p.challenge,
      p.quote,
      p.department,
      p.responsibilities,
      p.triggers,
      p.objections,
      p.decisionCriteria,
      p.channels,
      p.preferredContent,
      p.dayInLife,
      ja.persona.buyingRoles['decision-maker'],
      ja.persona.sheetTitle,
      '11月の定例会',
      ...ja.sample.stickies.map((note) => note.text),
      ...Object.values(ja.persona.fields).filter((label) => ['目標', '課題', '購買のきっかけ', '懸念・不安', '情報源・チャネル'].includes(label)),
    ];
    for (const phrase of expected) expect(text, `the PDF text lacks “${phrase}”`).toContain(squash(phrase));
    expect(pageErrors).toEqual([]);
  });
});
