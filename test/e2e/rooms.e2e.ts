import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addNodes, deleteNodes, newSticky, readAllNodes, readVote, revealVote, startVote } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { readGuests } from '../../shared/rooms/identity';
import type { OpenRoom, RoomStatus } from '../../shared/rooms/protocol';
import { connectClient, type RoomClient } from '../support/roomClients';
import { openSample, poll, workspaceIdFromUrl } from './support/app';
import { boardIdsFromUrl, readStoredBoardDoc, SAMPLE_BOARD, sticky, waitForBoard } from './support/board';
import { baseUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';
import { textOutsideBundledFonts } from './support/fonts';

/**
 * Two participants' phones (mobile viewport; one in English, one in Japanese) join a room through
 * its join URL. The first test drives the participant page in depth, with the room opened through
 * the browser version's own server and a real Yjs client on loopback as the laptop; the second is
 * the facilitator's side: the laptop's board page opens the room, shows the join screen and the
 * participants panel, and joins its own room.
 */

const p = en.rooms.participant;
const pj = ja.rooms.participant;
const PHONE = { width: 390, height: 844 };

afterAll(cleanUpBrowsers);

async function control<T>(action: string, body?: unknown): Promise<T> {
  const origin = new URL(baseUrl()).origin;
  const response = await fetch(new URL(`api/rooms/${action}`, baseUrl()), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${action}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function board(): Uint8Array {
  const doc = new Y.Doc();
  let n = 0;
  addNodes(doc, personaTemplate(() => `node-${++n}`, { name: 'Tanaka Yui', title: 'IT manager', quote: 'No more spreadsheets' }), 'laptop');
  addNodes(doc, [{ id: 'laptop-note', data: newSticky({ x: -880, y: -480, department: 'sales', authorId: 'm-noah', text: 'Budget is decided in Q4' }) }], 'laptop');
  return Y.encodeStateAsUpdate(doc);
}

const stickies = (doc: Y.Doc) => [...readAllNodes(doc).values()].filter((node): node is StickyNodeData => node.type === 'sticky');

/** Once the room has closed, nothing answers at its address: a font subset the page still asks for fails. */
let roomGone = false;

/**
 * The WebSockets each phone's page opened since it last loaded. While the phone stays online that
 * is one: a second means the room closed its connection (a refused update, say) and it reconnected.
 */
const socketsSinceLoad = new Map<Page, number>();

async function phone(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) socketsSinceLoad.set(page, 0);
  });
  page.on('websocket', () => socketsSinceLoad.set(page, (socketsSinceLoad.get(page) ?? 0) + 1));
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    // A phone that is offline cannot open its socket or load a font subset for new characters:
    // Chromium says so on the console. Expected here, and only these.
    const expected = /WebSocket connection to .* failed|Failed to load resource: net::ERR_INTERNET_DISCONNECTED/;
    if (roomGone && /ERR_CONNECTION_REFUSED/.test(message.text())) return;
    if (message.type() === 'error' && !expected.test(message.text())) errors.push(`console.error: ${message.text()}`);
  });
  return page;
}

describe('a room with two participants’ phones', () => {
  test('join, write at once, undo their own, vote anonymously, go offline and back, lock, close', async () => {
    const room = await control<OpenRoom>('open', {
      boardId: 'board-1',
      boardName: 'Buyer persona',
      members: [
        { id: 'm-emma', name: 'Emma Clark', department: 'marketing' },
        { id: 'm-noah', name: 'Noah Bennett', department: 'sales' },
      ],
      state: Buffer.from(board()).toString('base64'),
      address: '127.0.0.1',
    });
    let laptop: RoomClient = connectClient({ origin: new URL(baseUrl()).origin, url: room.facilitator.url, documentName: room.facilitator.documentName, token: room.facilitator.token });
    try {
      await laptop.synced;
      const browser = await launchBrowser({ route: null });
      const errors: string[] = [];
      const enContext = await browser.browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'en-US' });
      const jaContext = await browser.browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'ja-JP' });
      enContext.setDefaultTimeout(15_000);
      jaContext.setDefaultTimeout(15_000);
      const emma = await phone(enContext, errors);
      const hanako = await phone(jaContext, errors);

      // --- Join: a member from the list (English), a guest (Japanese).
      await Promise.all([emma.goto(room.joinUrl), hanako.goto(room.joinUrl)]);
      await emma.getByRole('heading', { name: p.joinTitle }).waitFor();
      await expectNoSeriousA11yViolations(emma, 'the join form');
      // Join without a name: told what is missing, in words (not just the field's label).
      await emma.getByRole('button', { name: p.join }).click();
      await emma.getByRole('alert').filter({ hasText: p.memberMissing }).waitFor();
      await emma.getByLabel(p.member).selectOption({ label: 'Emma Clark (Marketing)' });
      await emma.getByRole('button', { name: p.join }).click();
      await hanako.getByRole('radio', { name: pj.asGuest }).check();
      await hanako.getByRole('button', { name: pj.join }).click();
      await hanako.getByRole('alert').filter({ hasText: pj.guestNameMissing }).waitFor();
      await hanako.getByLabel(pj.guestName).fill('佐藤 花子');
      await hanako.getByLabel(pj.guestDepartment).selectOption({ label: ja.department.sales });
      // Issue 13: the join form in Japanese, the typed name and the chosen department included, in the bundled fonts.
      await hanako.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await textOutsideBundledFonts(hanako)).toEqual([]);
      // The room out of reach at that moment: said in Japanese, not the browser's 'Failed to fetch'.
      await jaContext.setOffline(true);
      await hanako.getByRole('button', { name: pj.join }).click();
      await hanako.getByRole('alert').filter({ hasText: pj.joinUnreachable }).waitFor();
      await jaContext.setOffline(false);
      await hanako.getByRole('button', { name: pj.join }).click();
      await emma.getByRole('heading', { level: 2, name: p.zonesHeading }).waitFor();
      await hanako.getByRole('heading', { level: 2, name: pj.zonesHeading }).waitFor();
      await emma.getByText('Budget is decided in Q4').waitFor();
      await emma.getByText('No more spreadsheets').waitFor(); // the persona card, read only
      await poll(() => (control<RoomStatus>('status') as Promise<RoomStatus>).then((status) => (status.open ? status.participants.map((x) => `${x.name}:${x.online}`).sort() : []))).toEqual([
        'Emma Clark:true',
        '佐藤 花子:true',
      ]);

      // Presence by Yjs awareness: the laptop's client sees who is here.
      const present = () =>
        [...(laptop.provider.awareness?.getStates().values() ?? [])]
          .map((state) => (state as { user?: { name?: string } }).user?.name)
          .filter(Boolean)
          .sort();
      await poll(present).toEqual(['Emma Clark', '佐藤 花子']);

      // --- Both add a note at the same moment; Emma by keyboard.
      const goals = en.persona.zones.goals;
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', goals) }).focus();
      await emma.keyboard.press('Enter');
      await hanako.getByRole('button', { name: pj.addNote.replace('{{zone}}', ja.persona.zones.challenges) }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Cut onboarding time');
      await hanako.getByRole('textbox', { name: pj.noteText, exact: true }).fill('導入の手間');
      await Promise.all([emma.keyboard.press('Control+Enter'), hanako.getByRole('button', { name: pj.save }).click()]);
      await poll(() => stickies(laptop.doc).map((note) => note.text).sort()).toEqual(['Budget is decided in Q4', 'Cut onboarding time', '導入の手間']);
      const guestId = [...readGuests(laptop.doc)].find(([, guest]) => guest.name === '佐藤 花子')?.[0];
      expect(guestId).toMatch(/^guest:/);
      // Attributed exactly as notes written at the laptop: author id and department.
      expect(stickies(laptop.doc).find((note) => note.text === 'Cut onboarding time')).toMatchObject({ authorId: 'm-emma', department: 'marketing' });
      expect(stickies(laptop.doc).find((note) => note.text === '導入の手間')).toMatchObject({ authorId: guestId, department: 'sales' });
      await emma.getByText('導入の手間').waitFor();
      // The zones page with the notes, Japanese ones included, in the bundled fonts too.
      await hanako.getByText('導入の手間').first().waitFor();
      await hanako.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await textOutsideBundledFonts(hanako)).toEqual([]);
      await expect.poll(() => emma.getByText('佐藤 花子 · Sales').count()).toBe(1);
      await hanako.getByText('Cut onboarding time').waitFor();
      await expectNoSeriousA11yViolations(hanako, 'the board in Japanese');

      // --- Each undoes their own change only: Emma with the button, Hanako with Ctrl+Z.
      await emma.getByRole('button', { name: p.undo }).click();
      await hanako.locator('body').click({ position: { x: 5, y: 5 } });
      await hanako.keyboard.press('Control+z');
      await poll(() => stickies(laptop.doc).map((note) => note.text)).toEqual(['Budget is decided in Q4']);
      await emma.keyboard.press('Control+Shift+z');
      await hanako.getByRole('button', { name: pj.redo }).click();
      await poll(() => stickies(laptop.doc).map((note) => note.text).sort()).toEqual(['Budget is decided in Q4', 'Cut onboarding time', '導入の手間']);

      // --- Edit her own note; others' notes have no edit button.
      await emma.getByRole('button', { name: p.editNote.replace('{{text}}', 'Cut onboarding time') }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Cut onboarding time in half');
      await emma.getByRole('button', { name: p.save }).click();
      await poll(() => stickies(laptop.doc).some((note) => note.text === 'Cut onboarding time in half')).toBe(true);
      await expect.poll(() => emma.getByRole('button', { name: p.editNote.replace('{{text}}', '導入の手間') }).count()).toBe(0);

      // --- The facilitator starts an anonymous vote; both vote from their seats.
      startVote(laptop.doc, { round: 'round-1', dotsPerPerson: 2, anonymous: true }, 'laptop');
      await emma.getByText(p.vote.statusAnonymous.replace('{{count}}', '2').replace('{{left}}', '2')).waitFor();
      await emma.getByRole('button', { name: p.vote.place.replace('{{text}}', '導入の手間') }).click();
      await hanako.getByRole('button', { name: pj.vote.place.replace('{{text}}', 'Cut onboarding time in half') }).click();
      await poll(() => readVote(laptop.doc).dots.length).toBe(2);
      // Anonymous: the dots every peer receives carry neither member ids nor the guest's id.
      for (const dot of readVote(laptop.doc).dots) expect(dot.voter).toMatch(/^anon:/);
      await emma.getByRole('button', { name: p.vote.remove.replace('{{text}}', '導入の手間') }).waitFor();
      revealVote(laptop.doc, 'laptop');
      await expect.poll(() => emma.getByText('· 1 vote').count()).toBe(2);
      await expect.poll(() => hanako.getByText('· 1 票').count()).toBe(2);

      // --- Hanako's phone goes offline, she writes, comes back: the note arrives once.
      await jaContext.setOffline(true);
      await hanako.getByText(pj.status.offline).waitFor();
      await hanako.getByRole('button', { name: pj.addNote.replace('{{zone}}', ja.persona.zones.triggers) }).click();
      await hanako.getByRole('textbox', { name: pj.noteText, exact: true }).fill('オフラインで書いた');
      await hanako.getByRole('button', { name: pj.save }).click();
      await hanako.getByText('オフラインで書いた').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(stickies(laptop.doc).some((note) => note.text === 'オフラインで書いた')).toBe(false);
      await jaContext.setOffline(false);
      await hanako.getByText(pj.status.online).waitFor({ timeout: 30_000 });
      await poll(() => stickies(laptop.doc).filter((note) => note.text === 'オフラインで書いた').length, 20_000).toBe(1);
      await emma.getByText('オフラインで書いた').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(stickies(laptop.doc).filter((note) => note.text === 'オフラインで書いた')).toHaveLength(1);
      expect(await emma.getByText('オフラインで書いた').count()).toBe(1);

      // --- Locked: read only, and told so. A note being written when the lock comes is not lost:
      // Save says why it was not saved and keeps the text; once unlocked, Save sends it.
      // A note half written in one zone is still there after opening another zone's form.
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', goals) }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Written as the lock');
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.channels) }).click();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('');
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', goals) }).click();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Written as the lock');
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Written as the lock came');
      await hanako.getByRole('button', { name: pj.editNote.replace('{{text}}', '導入の手間') }).click();
      await hanako.getByRole('textbox', { name: pj.noteText, exact: true }).fill('導入の手間を半分に');
      await control('lock', { locked: true });
      await emma.getByText(p.status.locked).waitFor();
      await emma.getByRole('button', { name: p.save }).click();
      await emma.getByRole('alert').filter({ hasText: p.notSavedLocked }).waitFor();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Written as the lock came');
      // The phone reloads the page meanwhile (a background tab, pull to refresh): the form is open
      // again with the text, the board is still locked, and Save still keeps the text.
      await emma.reload();
      await emma.getByText(p.status.locked).waitFor();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Written as the lock came');
      await emma.getByRole('button', { name: p.save }).click();
      await emma.getByRole('alert').filter({ hasText: p.notSavedLocked }).waitFor();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Written as the lock came');
      await hanako.getByRole('button', { name: pj.save }).click();
      await hanako.getByRole('alert').filter({ hasText: pj.notSavedLocked }).waitFor();
      expect(await hanako.getByRole('textbox', { name: pj.noteText, exact: true }).inputValue()).toBe('導入の手間を半分に');
      expect(stickies(laptop.doc).some((note) => note.text === 'Written as the lock came' || note.text === '導入の手間を半分に')).toBe(false);
      await control('lock', { locked: false });
      await emma.getByRole('button', { name: p.save }).click();
      await hanako.getByRole('button', { name: pj.save }).click();
      await poll(() => stickies(laptop.doc).filter((note) => note.text === 'Written as the lock came' || note.text === '導入の手間を半分に').length).toBe(2);
      // Saved: the draft is forgotten, a reload shows no form.
      await emma.reload();
      await emma.getByText('Written as the lock came').waitFor();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).count()).toBe(0);
      // The reloaded page starts from the phone's copy of the board, which holds Hanako's notes and
      // the laptop's: it sends the room only what it lacks, and is not cut off for the others'.
      await emma.getByText(p.status.online).waitFor();
      // The facilitator deletes a note while its author edits it: the typed text stays, and Save
      // puts it back as a new note of the zone.
      await emma.getByRole('button', { name: p.editNote.replace('{{text}}', 'Written as the lock came') }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Rewritten as it was deleted');
      const gone = [...readAllNodes(laptop.doc)].find(([, node]) => node.type === 'sticky' && node.text === 'Written as the lock came')![0];
      deleteNodes(laptop.doc, [gone], 'laptop');
      await emma.getByRole('alert').filter({ hasText: p.editedNoteGone }).waitFor();
      expect(await emma.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Rewritten as it was deleted');
      await emma.getByRole('button', { name: p.save }).click();
      await poll(() => stickies(laptop.doc).filter((note) => note.text === 'Rewritten as it was deleted').length).toBe(1);
      expect(stickies(laptop.doc).find((note) => note.text === 'Rewritten as it was deleted')).toMatchObject({ authorId: 'm-emma', department: 'marketing' });
      // The facilitator removes a zone while a note for it is being written: the text stays, shown
      // with the notes outside every zone, says why — and is still there after a reload.
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.channels) }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Word of mouth');
      const channels = [...readAllNodes(laptop.doc)].find(([, node]) => node.type === 'zone' && node.zone === 'channels')![0];
      deleteNodes(laptop.doc, [channels], 'laptop');
      const elsewhere = emma.getByRole('region', { name: new RegExp(`^${p.elsewhere}`) });
      const zoneGone = p.draftZoneGone.replace('{{zone}}', en.persona.zones.channels);
      await elsewhere.getByRole('alert').filter({ hasText: zoneGone }).waitFor();
      expect(await elsewhere.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Word of mouth');
      expect(socketsSinceLoad.get(emma)).toBe(1);
      await emma.reload();
      await elsewhere.getByRole('alert').filter({ hasText: zoneGone }).waitFor();
      expect(await elsewhere.getByRole('textbox', { name: p.noteText, exact: true }).inputValue()).toBe('Word of mouth');
      await elsewhere.getByRole('button', { name: p.cancel }).click();
      await expect.poll(() => emma.getByRole('textbox', { name: p.noteText, exact: true }).count()).toBe(0);
      await control('lock', { locked: true });
      await emma.getByText(p.status.locked).waitFor();
      await expect.poll(() => emma.getByRole('button', { name: p.addNote.replace('{{zone}}', goals) }).isDisabled()).toBe(true);
      await control('lock', { locked: false });
      await expect.poll(() => emma.getByRole('button', { name: p.addNote.replace('{{zone}}', goals) }).isDisabled()).toBe(false);

      // --- Readable in the projector theme too.
      await emma.getByLabel(p.theme).selectOption({ label: p.themes.projector });
      await expectNoSeriousA11yViolations(emma, 'the board in the projector theme');

      // --- Emma's phone goes offline and she writes; the room closes before her note is sent.
      // Hanako is told and cannot write any more.
      await enContext.setOffline(true);
      await emma.getByText(p.status.offline).waitFor();
      await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.objections) }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Written before the close');
      await emma.getByRole('button', { name: p.save }).click();
      await emma.getByText('Written before the close').waitFor();
      const texts = stickies(laptop.doc).map((note) => note.text).sort();
      // What the laptop stores with the board after every change of the room (RoomMemory).
      const lastStatus = await control<RoomStatus>('status');
      if (!lastStatus.open) throw new Error('the room closed early');
      roomGone = true;
      await control('close', {});
      await hanako.getByText(pj.status.closed).waitFor();
      await expect.poll(() => hanako.getByRole('button', { name: pj.addNote.replace('{{zone}}', ja.persona.zones.goals) }).isDisabled()).toBe(true);
      await expectNoSeriousA11yViolations(hanako, 'the closed room in Japanese');
      // Nothing listens any more: the join link is dead.
      await expect(fetch(room.joinUrl)).rejects.toThrow('fetch failed');
      expect(stickies(laptop.doc).map((note) => note.text).sort()).toEqual(texts);

      // --- The laptop opens the board's room again, from the board it stored and the room's memory
      // (as after a restart of the app: the memory is all the new room knows of the earlier one).
      const stored = Y.encodeStateAsUpdate(laptop.doc);
      laptop.destroy();
      const next = await control<OpenRoom>('open', {
        boardId: 'board-1',
        boardName: 'Buyer persona',
        members: [{ id: 'm-emma', name: 'Emma Clark', department: 'marketing' }],
        state: Buffer.from(stored).toString('base64'),
        address: '127.0.0.1',
        memory: lastStatus.memory,
      });
      const laptopDoc = new Y.Doc();
      Y.applyUpdate(laptopDoc, stored);
      laptop = connectClient({ origin: new URL(baseUrl()).origin, url: next.facilitator.url, documentName: next.facilitator.documentName, token: next.facilitator.token, doc: laptopDoc });
      await laptop.synced;
      // Emma's phone is back and she scans the new code: the page joins again as her (no join
      // form) with the phone's copy of the board, and her note arrives, once.
      await enContext.setOffline(false);
      await emma.goto(next.joinUrl);
      await emma.getByRole('heading', { level: 2, name: p.zonesHeading }).waitFor();
      await poll(() => stickies(laptop.doc).filter((note) => note.text === 'Written before the close').length, 20_000).toBe(1);
      expect(stickies(laptop.doc).find((note) => note.text === 'Written before the close')).toMatchObject({ authorId: 'm-emma', department: 'marketing' });
      await emma.getByText(p.status.online).waitFor();
      await poll(() => control<RoomStatus>('status').then((status) => (status.open ? status.participants.map((x) => `${x.name}:${x.online}`) : []))).toEqual(['Emma Clark:true']);
      // Her earlier notes are still hers to edit in the new room.
      await emma.getByRole('button', { name: p.editNote.replace('{{text}}', 'Cut onboarding time in half') }).click();
      await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Cut onboarding time by two thirds');
      await emma.getByRole('button', { name: p.save }).click();
      await poll(() => stickies(laptop.doc).some((note) => note.text === 'Cut onboarding time by two thirds')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(stickies(laptop.doc).filter((note) => note.text === 'Written before the close')).toHaveLength(1);
      expect(emma.url()).not.toContain(new URL(next.joinUrl).searchParams.get('t')!);
      // One connection for the whole visit, as after each reload above: the room refused nothing.
      expect(socketsSinceLoad.get(emma)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      laptop.destroy();
      await control('close', {}).catch(() => {});
    }
  });
});

const f = en.rooms.facilitator;

describe('the facilitator opens the room from the board', () => {
  test('join screen, two phones write onto the board, reload keeps everything, lock, remove, close', { timeout: 240_000 }, async () => {
    const app = await launchBrowser();
    const page = app.page;
    await openSample(page);
    const workspaceId = workspaceIdFromUrl(page);
    // Servers in tests are reached on 127.0.0.1 only: the facilitator had picked that address before
    // (the join screen's picker remembers it), so the room never listens on another interface.
    await page.evaluate(() => localStorage.setItem('alignboard.roomAddress', '127.0.0.1'));
    await page.getByRole('link', { name: SAMPLE_BOARD }).first().click();
    await waitForBoard(page);
    const { boardId } = boardIdsFromUrl(page);

    // --- Open the room from the board (its button; Alt+Shift+R shows the join screen again).
    await page.getByRole('button', { name: f.open }).click();
    const join = page.getByRole('dialog', { name: f.joinTitle.replace('{{board}}', SAMPLE_BOARD) });
    await join.waitFor();
    const joinUrl = (await join.getByRole('definition').first().textContent())!.trim();
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\?t=[\w-]{22}$/);
    await join.getByRole('img', { name: f.qrLabel.replace('{{url}}', joinUrl) }).waitFor();
    await join.getByText(f.nobodyYet).waitFor();
    await join.getByText(f.helpTitle).click();
    await join.getByText(f.helpIsolation).waitFor();
    await expectNoSeriousA11yViolations(page, 'the join screen');
    await page.keyboard.press('Escape');
    await join.waitFor({ state: 'detached' });
    // The keyboard is back on the room's button (disabled for a moment while the room opened, so
    // the dialog's own return went to the page's body).
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(f.showJoin);

    // --- The projector shows the join screen (the projector panel's "Show join screen"), readable
    // from the back of the room: the same link and QR code, in the projector palette; then closed.
    const a = en.audience;
    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: a.controls.show }).click();
    const projector = await opened;
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.waitForURL(/#\/audience$/, { timeout: 30_000 });
    const projectorPanel = page.getByRole('region', { name: a.controls.toolbar });
    await projectorPanel.getByRole('button', { name: a.controls.join }).click();
    await projector.getByRole('heading', { name: a.screen.joinTitle.replace('{{board}}', SAMPLE_BOARD) }).waitFor({ timeout: 30_000 });
    await projector.getByRole('img', { name: a.screen.qrLabel.replace('{{url}}', joinUrl) }).waitFor();
    await projector.getByText(joinUrl, { exact: true }).waitFor();
    await projectorPanel.getByRole('status').filter({ hasText: `${a.controls.status} ${a.controls.showingJoin}` }).waitFor();
    expect(await projector.locator('html').getAttribute('data-theme')).toBe('projector');
    // Nobody scrolls a projector: the whole join screen fits 1280×720.
    const fits = await projector.locator('.audience-join').evaluate((element) => element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth);
    await projector.screenshot({ path: 'test-results/screenshots/projector-join-1280x720.png' });
    expect(fits).toBe(true);
    await expectNoSeriousA11yViolations(projector, 'the join screen on the projector');
    // This window is smaller than 1600×900: the panel is one bar; closing is among All controls.
    await projectorPanel.getByRole('button', { name: a.controls.allControls, expanded: false }).click();
    const gone = projector.waitForEvent('close');
    await projectorPanel.getByRole('button', { name: a.controls.close }).click();
    await gone;

    await page.keyboard.press('Alt+Shift+R');
    await join.waitFor();

    // --- Two phones join: a member in English, a guest in Japanese.
    const errors: string[] = [];
    const enContext = await app.browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'en-US' });
    const jaContext = await app.browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'ja-JP' });
    enContext.setDefaultTimeout(15_000);
    jaContext.setDefaultTimeout(15_000);
    const emma = await phone(enContext, errors);
    const hanako = await phone(jaContext, errors);
    await Promise.all([emma.goto(joinUrl), hanako.goto(joinUrl)]);
    await emma.getByLabel(p.member).selectOption({ label: 'Emma Clark (Marketing)' });
    await emma.getByRole('button', { name: p.join }).click();
    await hanako.getByRole('radio', { name: pj.asGuest }).check();
    await hanako.getByLabel(pj.guestName).fill('佐藤 花子');
    await hanako.getByLabel(pj.guestDepartment).selectOption({ label: ja.department.sales });
    await hanako.getByRole('button', { name: pj.join }).click();
    await join.getByText(f.connected_other.replace('{{count}}', '2')).waitFor();
    await page.keyboard.press('Escape');
    // The header says so on every page.
    const indicator = page.getByRole('button', { name: f.indicatorLabel.replace('{{board}}', SAMPLE_BOARD).replace('{{count}}', '2') });
    await indicator.waitFor();

    // --- Both add a note at once: each reaches the facilitator's board, named like a laptop note.
    await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.goals) }).click();
    await hanako.getByRole('button', { name: pj.addNote.replace('{{zone}}', ja.persona.zones.challenges) }).click();
    await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('Cut onboarding time');
    await hanako.getByRole('textbox', { name: pj.noteText, exact: true }).fill('導入の手間');
    await Promise.all([emma.getByRole('button', { name: p.save }).click(), hanako.getByRole('button', { name: pj.save }).click()]);
    await sticky(page, /^Sticky note by Emma Clark \(Marketing\): Cut onboarding time/).waitFor({ timeout: 15_000 });
    await sticky(page, /^Sticky note by 佐藤 花子 \(Sales\): 導入の手間/).waitFor({ timeout: 15_000 });

    // --- The facilitator's undo takes back only the facilitator's own work (here: nothing).
    await expect.poll(() => page.getByRole('button', { name: en.board.undo }).isDisabled()).toBe(true);

    // --- Stored on the laptop: a reload keeps them, and the board joins its room again.
    await page.reload();
    await waitForBoard(page);
    await sticky(page, /^Sticky note by Emma Clark \(Marketing\): Cut onboarding time/).waitFor();
    await sticky(page, /^Sticky note by 佐藤 花子 \(Sales\): 導入の手間/).waitFor();
    const stored = await readStoredBoardDoc(page, workspaceId, boardId);
    expect(stickies(stored).map((note) => note.text)).toEqual(expect.arrayContaining(['Cut onboarding time', '導入の手間']));
    await emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.triggers) }).click();
    await emma.getByRole('textbox', { name: p.noteText, exact: true }).fill('After the reload');
    await emma.getByRole('button', { name: p.save }).click();
    await sticky(page, /^Sticky note by Emma Clark \(Marketing\): After the reload/).waitFor({ timeout: 15_000 });

    // --- Lock from the participants panel (opened from the header): phones are read only.
    await page.getByRole('button', { name: /^Room open for/ }).click();
    const panel = page.getByRole('dialog', { name: f.panelTitle.replace('{{board}}', SAMPLE_BOARD) });
    await panel.getByRole('row', { name: /Emma Clark/ }).getByText(f.online).waitFor();
    await panel.getByRole('row', { name: /佐藤 花子/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the participants panel');
    await panel.getByRole('checkbox', { name: f.lock }).check();
    await emma.getByText(p.status.locked).waitFor();
    await expect.poll(() => emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.goals) }).isDisabled()).toBe(true);
    await panel.getByRole('checkbox', { name: f.lock }).uncheck();
    await expect.poll(() => emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.goals) }).isDisabled()).toBe(false);

    // --- Remove the guest: her phone is told, in Japanese. The keyboard stays in the panel (itself
    // a dialog): a cancelled question gives it back to her Remove button, the removal to the next row's.
    const removeHanako = panel.getByRole('button', { name: f.removeLabel.replace('{{name}}', '佐藤 花子') });
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    await removeHanako.focus();
    await page.keyboard.press('Enter');
    const removeQuestion = page.getByRole('alertdialog', { name: f.removeTitle.replace('{{name}}', '佐藤 花子') });
    await removeQuestion.waitFor();
    await page.keyboard.press('Escape');
    await removeQuestion.waitFor({ state: 'detached' });
    await poll(focusedLabel).toBe(f.removeLabel.replace('{{name}}', '佐藤 花子'));
    await page.keyboard.press('Enter');
    await removeQuestion.getByRole('button', { name: f.remove }).click();
    await hanako.getByText(pj.status.removed).waitFor();
    await expect.poll(() => panel.getByRole('row', { name: /佐藤 花子/ }).count()).toBe(0);
    await poll(focusedLabel).toBe(f.removeLabel.replace('{{name}}', 'Emma Clark'));

    // --- The join screen in the projector theme too.
    await panel.getByRole('button', { name: f.showJoin }).click();
    await join.waitFor();
    await page.keyboard.press('Alt+Shift+T');
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
    await expectNoSeriousA11yViolations(page, 'the join screen in the projector theme');
    await join.getByRole('button', { name: f.participants }).click();

    // --- Close the room: the phone is told and cannot write; the header indicator goes.
    // Cancelled first: the keyboard is back on the panel's Close the room.
    await panel.getByRole('button', { name: f.close }).click();
    await page.getByRole('alertdialog', { name: f.closeTitle }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: f.closeTitle }).waitFor({ state: 'detached' });
    await poll(focusedLabel).toBe(f.close);
    roomGone = true;
    await panel.getByRole('button', { name: f.close }).click();
    await page.getByRole('alertdialog', { name: f.closeTitle }).getByRole('button', { name: f.close }).click();
    await emma.getByText(p.status.closed).waitFor();
    await expect.poll(() => emma.getByRole('button', { name: p.addNote.replace('{{zone}}', en.persona.zones.goals) }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /^Room open for/ }).waitFor({ state: 'detached' });
    await expect(fetch(joinUrl)).rejects.toThrow('fetch failed');
    await sticky(page, /^Sticky note by Emma Clark \(Marketing\): After the reload/).waitFor();
    expect(errors).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
