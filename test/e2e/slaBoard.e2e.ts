import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { createWorkspaceWithSamplePeople, goToSlaStep, signSlaByTyping } from './support/app';
import { settle } from './support/keyboard';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

/** The text of the focused element (the board moves focus itself after add / move / delete). */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('SLA board: lanes of commitment cards', () => {
  test('keyboard: add in the Sales lane, edit on the card, badge appears, move to Marketing, delete; a signed board is read-only', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'en' });
    // The sample's SLA is signed (read-only): start from its people and no SLA.
    await createWorkspaceWithSamplePeople(page, en, 'Northwind SLA board');
    await page.getByRole('link', { name: en.sla.open }).click();
    await page.getByRole('heading', { level: 1, name: en.sla.defaultTitle }).waitFor();
    const sales = page.getByRole('region', { name: 'Sales lane' });
    const marketing = page.getByRole('region', { name: 'Marketing lane' });
    await sales.getByRole('button', { name: /^First contact time/ }).first().waitFor();
    await expectNoSeriousA11yViolations(page);

    // Add: choose the kind, Tab to the lane's button, Enter. The new card is focused, its editor open.
    const before = await sales.locator('.sla-card-select').count();
    const kind = sales.getByLabel(en.sla.board.kind);
    await kind.focus();
    await kind.selectOption({ label: en.sla.kinds.attempts });
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe(en.sla.board.add);
    await page.keyboard.press('Enter');
    // The Sales lane already has an attempts commitment: the new card is numbered 2.
    const editor = page.getByRole('group', { name: `Edit: ${en.sla.kinds.attempts} 2` });
    await editor.waitFor();
    expect(await sales.locator('.sla-card-select').count()).toBe(before + 1);
    await expect.poll(() => focusedText(page)).toMatch(new RegExp(`^${en.sla.kinds.attempts} 2Sales makes at least 6`));
    // Enter on the focused card closes its editor, Space opens it again.
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await page.keyboard.press('Space');
    await editor.waitFor();
    // Arrow keys move to the neighbouring card and back.
    await page.keyboard.press('ArrowUp');
    await settle(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await expectNoSeriousA11yViolations(page);

    // Edit: 0 days cannot be measured → a finding badge appears on the card.
    const card = sales.getByRole('listitem').filter({ has: editor });
    const attempts = editor.getByLabel(en.sla.commitments.fields.attempts);
    await attempts.fill('3');
    await attempts.press('Tab');
    await card.getByText('Sales makes at least 3 contact attempts within 14 days.').waitFor();
    expect(await card.getByText('Problems: 1').count()).toBe(0);
    const days = editor.getByLabel(en.sla.commitments.fields.days);
    await days.fill('0');
    await days.press('Tab');
    await card.getByText('Problems: 1').waitFor();
    await card.getByText('Contact attempts over 0 days cannot be measured.').waitFor();

    // Move to Marketing (keyboard): the card (and its badge) is now in the marketing lane, focused.
    await card.getByRole('button', { name: /^Move to Marketing: / }).focus();
    await page.keyboard.press('Enter');
    const moved = marketing.getByRole('listitem').filter({ has: page.getByRole('group', { name: `Edit: ${en.sla.kinds.attempts}` }) });
    await moved.getByText('Marketing makes at least 3 contact attempts within 0 days.').waitFor();
    await moved.getByText('Problems: 1').waitFor();
    expect(await sales.getByText('at least 3 contact attempts').count()).toBe(0);
    await expect.poll(() => focusedText(page)).toMatch(/^Contact attemptsMarketing makes at least 3/);
    await expectNoSeriousA11yViolations(page);

    // Delete, confirmed by keyboard.
    await moved.getByRole('button', { name: `Delete: ${en.sla.kinds.attempts}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe(en.sla.board.deleteYes);
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    await page.getByText('Contact attempts over 0 days cannot be measured.').first().waitFor({ state: 'detached' });
    expect(await page.getByText('at least 3 contact attempts').count()).toBe(0);

    // Sign: the frozen version's board has no add / move / delete controls.
    await signSlaByTyping(page, en, 1);
    await goToSlaStep(page, en, 'commitments');
    await page.getByText(en.sla.board.readOnly).waitFor();
    for (const lane of [sales, marketing]) {
      expect(await lane.getByRole('button', { name: en.sla.board.add }).count()).toBe(0);
      expect(await lane.getByRole('button', { name: /^Move to / }).count()).toBe(0);
      expect(await lane.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
      expect(await lane.getByRole('combobox').count()).toBe(0);
    }
    // Cards still open, read-only.
    await sales.locator('.sla-card-select').first().click();
    expect(await sales.getByRole('group', { name: /^Edit: / }).getByLabel(en.sla.commitments.owner).isDisabled()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    expect(pageErrors).toEqual([]);
  });

  test('mouse: drag a response-time card to Marketing; with none left in Sales the hand-off is drawn uncovered', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'en' });
    // The sample's SLA is signed (read-only): start from its people and no SLA.
    await createWorkspaceWithSamplePeople(page, en, 'Northwind SLA board');
    await page.getByRole('link', { name: en.sla.open }).click();
    await page.getByRole('heading', { level: 1, name: en.sla.defaultTitle }).waitFor();
    const sales = page.getByRole('region', { name: 'Sales lane' });
    const marketing = page.getByRole('region', { name: 'Marketing lane' });
    const handOffs = page.getByRole('region', { name: en.sla.diagram.handOffs });
    await handOffs.getByText(en.sla.diagram.covered, { exact: false }).first().waitFor();
    expect(await handOffs.getByText(en.sla.diagram.uncovered, { exact: false }).count()).toBe(0);

    // Drag "First contact time" from the Sales lane onto the Marketing lane.
    const firstContact = sales.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^First contact time/ }) });
    await firstContact.dragTo(marketing.getByRole('heading', { name: 'Marketing lane' }));
    await marketing.getByRole('button', { name: /^First contact time\s?Marketing makes first contact/ }).waitFor();
    expect(await sales.getByRole('button', { name: /^First contact time/ }).count()).toBe(0);
    // Accept/reject still covers the hand-off; moving it too leaves the hand-off uncovered.
    expect(await handOffs.getByText(en.sla.diagram.uncovered, { exact: false }).count()).toBe(0);
    const acceptReject = sales.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Accept or reject/ }) });
    await acceptReject.getByRole('button', { name: /^Move to Marketing: / }).click();
    await marketing.getByRole('button', { name: /^Accept or reject\s?Marketing accepts/ }).waitFor();
    await handOffs.getByText(en.sla.diagram.uncovered, { exact: false }).first().waitFor();
    await page.getByText(/nobody in Sales promises a first-contact or accept\/reject time/).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
