import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { printOptions, printRoute } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { readSeal, sealOptionsFromRequest, sealPdf, sealPdfForRequest, SEAL_FILE_NAME, verifyPdf } from '../../shared/pdfSeal';
import { sha256Hex } from '../../shared/sla/canonical';
import { SlaVersion } from '../../shared/sla/versions';
import { knownVersions, slaFooter, slaSealRequest } from '../../renderer/src/features/sla/exportRequest';
import { createWorkspaceWithSamplePeople, goToSlaStep, poll, slaStepLink, theme } from './support/app';
import { pressUntilFocused } from './support/keyboard';
import { appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir, printUrl } from './support/browser';
import { pdfImages, pdfText, pdfWords } from './support/pdf';

const run = promisify(execFile);
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
afterEach(cleanUpBrowsers);

/** pdftotext wraps and spaces text its own way: compare without any white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** The SLA versions of a workspace as stored in IndexedDB. */
async function storedVersions(page: Page, workspaceId: string): Promise<SlaVersion[]> {
  const rows = await page.evaluate(
    (id) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('alignboard');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const request = open.result.transaction('slaVersions').objectStore('slaVersions').getAll();
          request.addEventListener('success', () => {
            open.result.close();
            resolve((request.result as { workspaceId: string }[]).filter((row) => row.workspaceId === id));
          });
          request.addEventListener('error', () => reject(request.error));
        });
      }),
    workspaceId,
  );
  return rows.map((row) => {
    const { workspaceId: _, ...version } = row as Record<string, unknown>;
    return SlaVersion.parse(version);
  });
}

async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 18, box.y + 100 - Math.sin(i / 2) * 40, { steps: 2 });
  await page.mouse.up();
}

describe('SLA: document, sign-off by two members, sealed PDF, verify', () => {
  test('edit, sign (drawn and typed), print, seal, pdftotext, verify matches / altered, new revision with its diff', async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'en' });
    const heights: Record<string, number> = {};
    // The sample comes with a signed SLA: this starts from the sample's people and no SLA.
    const workspaceId = await createWorkspaceWithSamplePeople(page, en, 'Northwind SLA');
    await page.getByRole('region', { name: en.sla.section }).waitFor();
    await page.getByRole('link', { name: en.sla.open }).click();
    await page.getByRole('heading', { level: 1, name: en.sla.defaultTitle }).waitFor();
    // A draft opens on its commitments.
    await poll(() => page.url()).toMatch(/\/sla\/commitments$/);
    await page.getByText('Revision 1 · Draft', { exact: true }).waitFor();

    // Each step has its own URL: reloading shows the same step, the current revision and its state
    // on every one, one h1; axe is clean on each.
    for (const step of ['commitments', 'document', 'review', 'versions'] as const) {
      await goToSlaStep(page, en, step);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: en.sla.defaultTitle }).waitFor();
      expect(await slaStepLink(page, en, step).getAttribute('aria-current')).toBe('step');
      expect(page.url()).toMatch(new RegExp(`/w/${workspaceId}/sla/${step}$`));
      await page.getByText('Revision 1 · Draft', { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expectNoSeriousA11yViolations(page, `SLA step ${step} (draft)`);
      heights[step] = await page.evaluate(() => document.documentElement.scrollHeight);
    }

    // A commitment edited on its card (the board is where commitments are edited).
    await goToSlaStep(page, en, 'commitments');
    await page.getByRole('region', { name: 'Sales lane' }).getByRole('button', { name: /^First contact time/ }).click();
    const firstContact = page.getByRole('group', { name: `Edit: ${en.sla.kinds.firstContact}` });
    const hours = firstContact.getByLabel(en.sla.commitments.fields.withinHours);
    await hours.fill('8');
    await hours.blur();
    await page.getByText('Sales makes first contact with every handed-over record within 8 business hours.').first().waitFor();

    // The user's own text for a section, behind the section's Edit toggle.
    await goToSlaStep(page, en, 'document');
    await page.getByText('Sales makes first contact with every handed-over record within 8 business hours.').first().waitFor();
    expect(await page.getByLabel(/^Your text: /).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit: Purpose and scope' }).click();
    const purpose = page.getByLabel('Your text: Purpose and scope');
    await purpose.fill('Both teams own the revenue target together.');
    await page.getByRole('button', { name: 'Done editing: Purpose and scope' }).click();
    await purpose.waitFor({ state: 'detached' });
    const purposeSection = page.getByRole('region', { name: '1. Purpose and scope' });
    await purposeSection.getByText('Both teams own the revenue target together.').waitFor();
    // Regenerating keeps the text.
    await page.getByRole('button', { name: en.sla.actions.regenerate }).click();
    await page.getByText(en.sla.actions.regenerated).waitFor();
    await purposeSection.getByText('Both teams own the revenue target together.').waitFor();

    await goToSlaStep(page, en, 'review');
    await page.getByRole('button', { name: en.sla.actions.submit }).click();
    await page.getByText('Revision 1 · In review', { exact: true }).waitFor();

    // First signer draws; the second types the name instead (the keyboard alternative).
    await page.getByRole('button', { name: en.sla.actions.sign }).click();
    let dialog = page.getByRole('dialog', { name: en.sla.sign.title });
    expect(await dialog.getByLabel(en.sla.sign.signer).inputValue()).not.toBe('');
    expect(await dialog.getByLabel(en.sla.sign.name).inputValue()).toBe('Emma Clark');
    await expectNoSeriousA11yViolations(page);
    await drawSignature(page);
    // Editing a field after drawing re-renders the dialog: the drawing stays.
    const jobTitle = dialog.getByLabel(en.sla.sign.jobTitle);
    await jobTitle.press('End');
    await jobTitle.press('Space');
    await jobTitle.press('Backspace');
    expect(await jobTitle.inputValue()).toBe('Head of Marketing');
    await dialog.getByRole('button', { name: en.sla.sign.submit, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Emma Clark signed on').waitFor();

    await page.getByRole('button', { name: en.sla.actions.sign }).click();
    dialog = page.getByRole('dialog', { name: en.sla.sign.title });
    expect(await dialog.getByLabel(en.sla.sign.name).inputValue()).toBe('Noah Bennett');
    await dialog.getByLabel(en.sla.sign.type).check();
    await dialog.getByRole('button', { name: en.sla.sign.submit, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Revision 1 · Signed', { exact: true }).waitFor();
    const hash = (await page.getByTestId('sla-hash').textContent())!.trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText(/^Emma Clark signed on /).waitFor();
    await page.getByText(/^Noah Bennett signed on /).waitFor();
    expect(await page.getByRole('button', { name: en.sla.actions.submit }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'SLA step review (signed)');
    // Frozen: the document offers no editing.
    await goToSlaStep(page, en, 'document');
    await purposeSection.getByText('Both teams own the revenue target together.').waitFor();
    expect(await page.getByRole('button', { name: /^Edit: / }).count()).toBe(0);
    // Signed, the SLA opens on its versions: the hash filed with revision 1.
    await page.goto(appUrl(`/w/${workspaceId}/sla`));
    await poll(() => page.url()).toMatch(/\/sla\/versions$/);
    await page.getByRole('region', { name: en.sla.history.title }).getByText(hash).waitFor();
    await expectNoSeriousA11yViolations(page, 'SLA step versions (signed)');

    const [signed] = await storedVersions(page, workspaceId);
    expect(signed!.state).toBe('signed');
    expect(signed!.hash).toBe(hash);

    // Print exactly as the app prints (shared options, footer with version and hash), then seal
    // with the app's own post-processing.
    const sheet = await context.newPage();
    await sheet.goto(printUrl(printRoute('sla', workspaceId, signed!.id)));
    await sheet.locator('[data-print-ready="true"]').waitFor();
    const printed = await sheet.pdf(toPlaywrightPdfOptions(printOptions('sla', { footer: slaFooter(signed!) })));
    const request = await slaSealRequest(signed!, { title: en.sla.defaultTitle, subject: en.sla.print.kicker, language: 'en' });
    const sealed = await sealPdfForRequest(new Uint8Array(printed), request, sha256Hex);
    const dir = await makeTempDir();
    const pdfPath = join(dir, 'sla.pdf');
    await writeFile(pdfPath, sealed);
    if (process.env.SLA_PDF_OUT) await writeFile(process.env.SLA_PDF_OUT, sealed);

    const info = (await run('pdfinfo', [pdfPath])).stdout;
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const raw = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
    const pageTexts = raw.split('\f').filter((text) => text.trim() !== '');
    // No blank pages: every page has text besides its footer.
    expect(pageTexts).toHaveLength(pages);
    const text = squash(raw);
    for (const title of Object.values(en.sla.sections)) expect(text, `the PDF lacks “${title}”`).toContain(squash(title));
    for (const phrase of ['Emma Clark', 'Noah Bennett', 'Head of Marketing', 'Head of Sales', hash, 'Both teams own the revenue target together.']) {
      expect(text, `the PDF lacks “${phrase}”`).toContain(squash(phrase));
    }
    for (let n = 1; n <= pages; n++) expect(text).toContain(`${n}/${pages}`);
    expect(text).toContain(squash('Revision 1'));

    // The two numbered figures, referred to from their sections' text, drawn from the signed
    // document: the hand-off figure holds both lanes and the response time signed (8 hours).
    for (const phrase of [
      'Figure 1 shows the stages',
      `Figure 1. ${en.diagrams.sla.funnelCaption}`,
      'Figure 2 shows each hand-off',
      `Figure 2. ${en.diagrams.sla.swimlaneCaption}`,
    ]) {
      expect(text).toContain(squash(phrase));
    }
    const words = await pdfWords(pdfPath);
    const figureHeights = await sheet.locator('figure svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height));
    expect(figureHeights).toHaveLength(2);
    const figures = [1, 2].map((number) => {
      const isCaption = (list: typeof words[number]['words']) => (word: { text: string }, i: number) => word.text === 'Figure' && list[i + 1]?.text === `${number}.`;
      const pageIndex = words.findIndex((candidate) => candidate.words.some(isCaption(candidate.words)));
      const pdfPage = words[pageIndex]!;
      const captionTop = pdfPage.words.find(isCaption(pdfPage.words))!.yMin;
      // The figure is drawn right above its caption: its height in points (0.75 per CSS px), plus slack.
      const top = captionTop - figureHeights[number - 1]! * 0.75 - 12;
      return { page: pageIndex + 1, text: squash(pdfPage.words.filter((word) => word.yMin >= top && word.yMax <= captionTop).map((word) => word.text).join('')) };
    });
    for (const stage of ['Prospect / Awareness', 'MQL', 'SAL', 'Won', 'Hand-off: Marketing → Sales']) expect(figures[0]!.text).toContain(squash(stage));
    for (const phrase of ['Marketing', 'Sales', 'First contact within 8 business hours', 'Accept or reject within 24 business hours', 'Feedback on lead quality weekly']) {
      expect(figures[1]!.text).toContain(squash(phrase));
    }
    // Vectors: no raster image on the pages of the figures.
    for (const figure of figures) expect(await pdfImages(pdfPath, { first: figure.page, last: figure.page })).toEqual([]);

    // Verify: matches; one byte of the embedded JSON changed → not a match.
    const known = knownVersions([signed!]);
    expect(await verifyPdf(sealed, known, sha256Hex)).toMatchObject({ status: 'matches', version: { versionId: signed!.id } });
    const seal = await readSeal(sealed);
    if (!seal.ok) throw new Error(seal.detail);
    const at = seal.attachment.json.indexOf('"withinHours":8');
    expect(at).toBeGreaterThan(0);
    const tampered = `${seal.attachment.json.slice(0, at)}"withinHours":9${seal.attachment.json.slice(at + '"withinHours":8'.length)}`;
    const altered = await sealPdf(sealed, { ...sealOptionsFromRequest(request), attachment: { fileName: SEAL_FILE_NAME, json: tampered, description: 'x' } });
    expect((await verifyPdf(altered, known, sha256Hex)).status).toBe('altered');
    const alteredPath = join(dir, 'altered.pdf');
    await writeFile(alteredPath, altered);

    // The same verdicts on the Verify screen, reached from Versions.
    await page.getByRole('link', { name: en.sla.verifyOpen }).click();
    await page.getByRole('heading', { level: 1, name: en.sla.verify.title }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const input = page.getByLabel(en.sla.verify.pick);
    await input.setInputFiles(pdfPath);
    await page.getByText(/^Matches revision 1, signed by Emma Clark \(Head of Marketing\) and Noah Bennett \(Head of Sales\) on /).waitFor();
    await input.setInputFiles(alteredPath);
    await page.getByText('Altered: this PDF claims to be revision 1, but its content is not what was signed.').waitFor();
    await expectNoSeriousA11yViolations(page);

    // The browser's print dialog saves the pages without the seal: seal that file here. The
    // sealed copy arrives as a download and verifies; a PDF already sealed is left alone.
    const unsealedPath = join(dir, 'printed-from-browser.pdf');
    await writeFile(unsealedPath, new Uint8Array(printed));
    const sealSection = page.getByRole('region', { name: en.sla.seal.title });
    expect(await sealSection.getByLabel(en.sla.seal.version).inputValue()).toBe(signed!.id);
    const downloading = page.waitForEvent('download');
    await sealSection.getByLabel(en.sla.seal.pick).setInputFiles(unsealedPath);
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/ \(sealed\) r1\.pdf$/);
    const browserSealed = new Uint8Array(await readFile((await download.path())!));
    expect(await verifyPdf(browserSealed, known, sha256Hex)).toMatchObject({ status: 'matches', version: { versionId: signed!.id } });
    await sealSection.getByText(/^Saved the sealed copy/).waitFor();
    await sealSection.getByLabel(en.sla.seal.pick).setInputFiles(pdfPath);
    await sealSection.getByText('“sla.pdf” already carries a seal; it was left unchanged. Check it above instead.').waitFor();
    await expectNoSeriousA11yViolations(page);

    // A new revision: a draft based on the signed hash, with its diff.
    await page.goto(appUrl(`/w/${workspaceId}/sla`));
    await page.getByRole('button', { name: en.sla.actions.newRevision }).click();
    await page.getByText('Revision 2 · Draft', { exact: true }).waitFor();
    // The new draft opens on its commitments.
    await poll(() => page.url()).toMatch(/\/sla\/commitments$/);
    await goToSlaStep(page, en, 'document');
    await page.getByRole('button', { name: 'Edit: Escalation' }).click();
    const escalation = page.getByLabel('Your text: Escalation');
    await escalation.fill('Escalate to both heads within two days.');
    await escalation.press('Escape');
    await page.getByRole('region', { name: /^\d+\. Escalation$/ }).getByText('Escalate to both heads within two days.').waitFor();
    await goToSlaStep(page, en, 'versions');
    const changes = page.getByRole('region', { name: 'Changes since revision 1 (signed)' });
    await changes.getByRole('heading', { name: 'Escalation' }).waitFor();
    await changes.getByText('+ Escalate to both heads within two days.').waitFor();
    await expectNoSeriousA11yViolations(page);
    const versions = await storedVersions(page, workspaceId);
    expect(versions.find((version) => version.revision === 2)?.basedOn).toBe(hash);
    // The signed version itself never changed.
    expect(versions.find((version) => version.revision === 1)).toEqual(signed);
    // Each step is about a screen or two, not the 8,200 px page it was (the document is as long as
    // its thirteen sections).
    console.info('SLA step heights (px):', JSON.stringify(heights));

    // Screenshots of the steps at 1366×768 in the light and projector themes, for a look (written to
    // test-results/, which is not committed; not compared). The projector theme's steps pass axe too.
    // The print sheet's tab was opened since: a tab in the background paints no frames to capture.
    await page.bringToFront();
    await page.setViewportSize({ width: 1366, height: 768 });
    await mkdir(SHOTS, { recursive: true });
    for (const target of ['light', 'projector'] as const) {
      for (let i = 0; i < 3 && (await theme(page)) !== target; i++) await page.keyboard.press('Alt+Shift+T');
      expect(await theme(page)).toBe(target);
      for (const step of ['commitments', 'document', 'review', 'versions'] as const) {
        await goToSlaStep(page, en, step);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        if (target === 'projector') await expectNoSeriousA11yViolations(page, `SLA step ${step} (projector theme)`);
        await page.screenshot({ path: join(SHOTS, `sla-${step}-${target}.png`) });
      }
    }
    expect(pageErrors).toEqual([]);
  });

  test('日本語: keyboard only — submit, both heads sign by typing their names, Japanese PDF with every section title', async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'ja' });
    const workspaceId = await createWorkspaceWithSamplePeople(page, ja, 'ノースウィンドSLA');
    // The workspace page's sections load one by one; tab only once the SLA section is there (on a
    // busy machine it may come after focus has passed its place, and Tab must go round the page).
    await page.getByRole('region', { name: ja.sla.section }).waitFor();
    const open = page.getByRole('link', { name: ja.sla.open });
    await pressUntilFocused(page, open, 'Tab', 200);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: ja.sla.defaultTitle }).waitFor();
    await page.getByText('第1版 · 下書き', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The steps by keyboard: Tab to a step's link, Enter; focus stays in the step navigation.
    const toStep = async (step: 'document' | 'review') => {
      const link = slaStepLink(page, ja, step);
      await pressUntilFocused(page, link, 'Tab', 120);
      await page.keyboard.press('Enter');
      await poll(() => link.getAttribute('aria-current')).toBe('step');
    };
    // A section's own text: its Edit button opens the box (focused), Escape saves and closes it.
    await toStep('document');
    const edit = page.getByRole('button', { name: `編集：${ja.sla.sections.escalation}` });
    await pressUntilFocused(page, edit, 'Tab', 200);
    await page.keyboard.press('Enter');
    const box = page.getByLabel(`入力した文章：${ja.sla.sections.escalation}`);
    await poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('違反時は両部門長に2日以内に報告する。');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'detached' });
    await page.getByText('違反時は両部門長に2日以内に報告する。', { exact: true }).waitFor();
    await poll(() => edit.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    await toStep('review');
    await pressUntilFocused(page, page.getByRole('button', { name: ja.sla.actions.submit }), 'Tab', 80);
    await page.keyboard.press('Enter');
    await page.getByText('第1版 · レビュー中', { exact: true }).waitFor();

    for (const name of ['佐藤 美咲', '田中 健一']) {
      await pressUntilFocused(page, page.getByRole('button', { name: ja.sla.actions.sign }), 'Tab', 80);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: ja.sla.sign.title });
      await dialog.waitFor();
      expect(await dialog.getByLabel(ja.sla.sign.name).inputValue()).toBe(name);
      const typed = dialog.getByRole('radio', { name: ja.sla.sign.type });
      // The dialog remembers the chosen way of signing; arrow keys move within the radio group.
      await pressUntilFocused(page, dialog.getByRole('radio', { checked: true }));
      if (!(await typed.isChecked())) await page.keyboard.press('ArrowDown');
      expect(await typed.isChecked()).toBe(true);
      await expectNoSeriousA11yViolations(page);
      await pressUntilFocused(page, dialog.getByRole('button', { name: ja.sla.sign.submit, exact: true }));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByText('第1版 · 署名済み', { exact: true }).waitFor();
    const hash = (await page.getByTestId('sla-hash').textContent())!.trim();
    await expectNoSeriousA11yViolations(page);

    const [signed] = await storedVersions(page, workspaceId);
    expect(signed!.signatures.map((signature) => signature.name)).toEqual(['佐藤 美咲', '田中 健一']);
    const sheet = await context.newPage();
    await sheet.goto(printUrl(printRoute('sla', workspaceId, signed!.id)));
    await sheet.locator('[data-print-ready="true"]').waitFor();
    const printed = await sheet.pdf(toPlaywrightPdfOptions(printOptions('sla', { footer: slaFooter(signed!) })));
    const request = await slaSealRequest(signed!, { title: ja.sla.defaultTitle, subject: ja.sla.print.kicker, language: 'ja' });
    const sealed = await sealPdfForRequest(new Uint8Array(printed), request, sha256Hex);
    const dir = await makeTempDir();
    const pdfPath = join(dir, 'sla-ja.pdf');
    await writeFile(pdfPath, sealed);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec((await run('pdfinfo', [pdfPath])).stdout)![1]);
    const raw = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
    expect(raw.split('\f').filter((text) => text.trim() !== '')).toHaveLength(pages);
    const text = squash(raw);
    for (const title of Object.values(ja.sla.sections)) expect(text, `the PDF lacks “${title}”`).toContain(squash(title));
    for (const phrase of ['佐藤 美咲', '田中 健一', 'マーケティング部長', '営業部長', hash, ja.sla.defaultTitle, '違反時は両部門長に2日以内に報告する。']) {
      expect(text, `the PDF lacks “${phrase}”`).toContain(squash(phrase));
    }
    for (let n = 1; n <= pages; n++) expect(text).toContain(`${n}/${pages}`);
    // The figures in Japanese: referred to from their sections' text, numbered captions, both
    // lanes, the response time; vectors, not images.
    for (const phrase of [
      ja.diagrams.sla.funnelRef.replace('{{number}}', '1'),
      ja.diagrams.sla.swimlaneRef.replace('{{number}}', '2'),
      `図1 ${ja.diagrams.sla.funnelCaption}`,
      `図2 ${ja.diagrams.sla.swimlaneCaption}`,
      ja.sla.departments.marketing,
      ja.sla.departments.sales,
      ja.diagrams.sla.firstContact.replace('{{time}}', ja.sla.doc.businessHours.replace('{{hours}}', '24')),
    ]) {
      expect(text).toContain(squash(phrase));
    }
    // Vectors: no raster image on the figures' pages (the signatures' page has the typed names' images).
    expect(await sheet.locator('figure svg').count()).toBe(2);
    const pageTexts = (await pdfText(pdfPath)).map(squash);
    for (const caption of [ja.diagrams.sla.funnelCaption, ja.diagrams.sla.swimlaneCaption]) {
      const figurePage = pageTexts.findIndex((pageText) => pageText.includes(squash(caption))) + 1;
      expect(figurePage).toBeGreaterThan(0);
      expect(await pdfImages(pdfPath, { first: figurePage, last: figurePage })).toEqual([]);
    }
    expect(await verifyPdf(sealed, knownVersions([signed!]), sha256Hex)).toMatchObject({ status: 'matches' });
    expect(pageErrors).toEqual([]);
  });
});
