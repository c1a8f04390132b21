import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { goToSettings, headerNav, htmlLang, readBoards, readTable, workspaceIdFromUrl } from './support/app';
import { cleanUpBrowsers, launchBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

async function expectJapanese(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  expect(await htmlLang(page)).toBe('ja');
  expect(await headerNav(page).getByRole('link').allInnerTexts()).toEqual([ja.app.home, ja.app.backups, ja.app.settings]);
  expect(await page.title()).toBe(`${heading} — Alignboard`);
}

async function expectEnglish(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  expect(await htmlLang(page)).toBe('en');
  expect(await headerNav(page).getByRole('link').allInnerTexts()).toEqual([en.app.home, en.app.backups, en.app.settings]);
  expect(await page.title()).toBe(`${heading} — Alignboard`);
}

/** The selected option's label of a <select> found by its label. */
async function selectedLabel(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((select) => {
    const element = select as HTMLSelectElement;
    return element.selectedOptions[0]?.textContent ?? '';
  });
}

describe('language', () => {
  test('switching to 日本語 in Settings translates the app, survives a reload, and switches back', async () => {
    const { page, pageErrors } = await launchBrowser();
    await expectEnglish(page, 'Workspaces');
    await goToSettings(page);
    expect(await selectedLabel(page, 'Language')).toBe('Same as the system (English)');

    await page.getByLabel('Language', { exact: true }).selectOption({ label: '日本語' });
    await expectJapanese(page, '設定');
    expect(await selectedLabel(page, '言語')).toBe('日本語');
    expect(await page.getByRole('radio', { name: 'ダーク' }).count()).toBe(1);

    await page.reload();
    await expectJapanese(page, '設定');
    expect(await selectedLabel(page, '言語')).toBe('日本語');
    await headerNav(page).getByRole('link', { name: 'ワークスペース' }).click();
    await expectJapanese(page, 'ワークスペース');
    await page.getByRole('button', { name: ja.home.openSample }).waitFor();

    await headerNav(page).getByRole('link', { name: '設定' }).click();
    await page.getByLabel('言語', { exact: true }).selectOption({ label: 'English' });
    await expectEnglish(page, 'Settings');
    await page.reload();
    await expectEnglish(page, 'Settings');
    expect(await selectedLabel(page, 'Language')).toBe('English');

    // Back to following the system (English here), also kept across a reload.
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Same as the system (English)' });
    await page.reload();
    await expectEnglish(page, 'Settings');
    expect(await selectedLabel(page, 'Language')).toBe('Same as the system (English)');
    expect(pageErrors).toEqual([]);
  });

  test('a Japanese browser with no saved setting starts in Japanese and makes the sample in Japanese', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'ja' });
    expect(await page.evaluate(() => navigator.language)).toMatch(/^ja\b/);
    await expectJapanese(page, 'ワークスペース');
    await page.getByRole('heading', { name: ja.home.emptyTitle }).waitFor();

    await page.getByRole('button', { name: ja.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: ja.sample.workspaceName, exact: true }).waitFor();
    expect(workspaceIdFromUrl(page)).not.toBe('');
    const members = (await readTable(page.getByRole('table', { name: ja.members.title })))
      .map(([name = '', department = '', title = '']) => ({ name, department, title }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const expected = ja.sample.members
      .map((m) => ({ name: m.name, department: ja.department[m.department as keyof typeof ja.department], title: m.title }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(members).toEqual(expected);
    expect(await readBoards(page, ja.persona.gallery)).toEqual([ja.sample.personaBoard]);

    // Dates follow the language too (Intl, ja: 2026/11/30 …).
    await headerNav(page).getByRole('link', { name: 'ワークスペース' }).click();
    const rows = await readTable(page.getByRole('table', { name: ja.home.listLabel }));
    expect(rows[0]?.[0]).toBe(ja.sample.workspaceName);
    expect(rows[0]?.[1]).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/);

    await headerNav(page).getByRole('link', { name: '設定' }).click();
    await expectJapanese(page, '設定');
    expect(await selectedLabel(page, '言語')).toBe('システムと同じ（日本語）');
    expect(pageErrors).toEqual([]);
  });

  test('in Japanese, nothing a person reads or hears is left in English', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'ja' });
    const leftovers = new Map<string, string[]>();
    const collect = async (where: string) => {
      const found = await englishLeftovers(page);
      if (found.length > 0) leftovers.set(where, found);
    };
    await page.getByRole('heading', { name: ja.home.emptyTitle }).waitFor();
    await collect('empty home');
    await page.getByRole('button', { name: ja.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: ja.sample.workspaceName }).waitFor();
    await page.getByRole('listitem').filter({ hasText: ja.home.sampleCreated }).waitFor();
    await collect('workspace page with a toast');
    await page.getByRole('button', { name: ja.members.add, exact: true }).click();
    await page.getByRole('dialog', { name: ja.members.addTitle }).waitFor();
    await collect('add member dialog');
    await page.keyboard.press('Escape');
    await headerNav(page).getByRole('link', { name: ja.app.home }).click();
    await page.getByRole('table', { name: ja.home.listLabel }).waitFor();
    await collect('home');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: ja.shortcuts.title }).waitFor();
    await collect('shortcuts dialog');
    await page.keyboard.press('Escape');
    await headerNav(page).getByRole('link', { name: ja.app.settings }).click();
    await page.getByRole('heading', { level: 1, name: ja.settings.title }).waitFor();
    await collect('settings');
    await headerNav(page).getByRole('link', { name: ja.app.backups }).click();
    await page.getByRole('heading', { level: 1, name: ja.backups.title }).waitFor();
    await collect('backups');
    expect(Object.fromEntries(leftovers)).toEqual({});
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Visible text and accessible labels (aria-label, title, placeholder, alt) that contain a Latin
 * word, once the names that stay in Latin letters in Japanese too are taken out.
 */
async function englishLeftovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // CSV is a file format like PDF, Shift and Tab key names (the "?" list names every page's keys now).
    const allowed = /Alignboard|SLA|KPI|PDF|PNG|CSV|English|Alt\+Shift\+[T1-8]|Shift|\bTab\b|Ctrl\/⌘\+O|alt\+N/g;
    const isEnglish = (text: string) => /[A-Za-z]{3,}/.test(text.replace(allowed, ''));
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      // Key names in <kbd> (Ctrl, Shift, Enter) are what the keys say, in Japan too.
      if (walker.currentNode.parentElement?.closest('kbd')) continue;
      const text = walker.currentNode.textContent?.trim() ?? '';
      if (isEnglish(text)) found.add(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value && isEnglish(value)) found.add(`${attribute}="${value}" on <${element.tagName.toLowerCase()}>`);
      }
    }
    return [...found];
  });
}
