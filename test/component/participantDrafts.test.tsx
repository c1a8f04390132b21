// @vitest-environment-options {"url": "http://127.0.0.1:9/join?t=PPPPPPPPPPPPPPPPPPPPPP"}
// The participant page's note forms across a reload (renderer/src/participant/drafts.ts and
// ParticipantApp.tsx). The page runs whole: its join is stored as a joined phone has it, the board
// is the phone's own copy in IndexedDB (y-indexeddb on fake-indexeddb), and the room is out of
// reach (nothing listens at 127.0.0.1:9; fetch fails as offline), so the page shows that copy, as a
// phone reopening its tab without the room does. A reload is the page unmounted and rendered again.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNodes, deleteNodes, newSticky, readAllNodes } from '../../shared/board/doc';
import type { StickyNodeData, ZoneNodeData } from '../../shared/board/nodes';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { spotInZone } from '../../shared/rooms/placement';
import type { JoinResponse, RoomSummary } from '../../shared/rooms/protocol';
import { DRAFT_LIFETIME_MS, draftsStorageKey, ROOMS_KEPT } from '../../renderer/src/participant/drafts';
import { initParticipantI18n } from '../../renderer/src/participant/i18n';
import { ParticipantApp } from '../../renderer/src/participant/ParticipantApp';

const TOKEN = 'PPPPPPPPPPPPPPPPPPPPPP';
const DATABASE = `alignboard-room-${TOKEN}`;
/** The Yjs client this phone wrote its note under before (the page keeps it in localStorage). */
const PHONE_CLIENT = 424242;
const SUMMARY: RoomSummary = { roomId: 'room-1', boardKey: 'board-key-1', boardName: 'Buyer persona', code: '482913', members: [{ id: 'm-emma', name: 'Emma Clark', department: 'marketing' }], locked: false };
const JOINED: JoinResponse = {
  token: TOKEN,
  roomId: 'room-1',
  boardKey: 'board-key-1',
  documentName: 'room-1',
  identity: { participantId: 'p-1', authorId: 'm-emma', name: 'Emma Clark', department: 'marketing' },
  maxNotes: 30,
};
const DRAFTS_KEY = draftsStorageKey('room-1', 'm-emma');

const p = en.rooms.participant;
const zones = en.persona.zones;

/** Writes to the phone's copy of the board, as the page's own IndexedDB persistence keeps it. */
async function phoneCopy(change: (doc: Y.Doc) => void, client?: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  if (client !== undefined) doc.clientID = client;
  const persistence = new IndexeddbPersistence(DATABASE, doc);
  await persistence.whenSynced;
  change(doc);
  // y-indexeddb stores each update as it comes; wait for it, then let the page open the database.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await persistence.destroy();
  return doc;
}

let ids = 0;
beforeEach(async () => {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });
  window.history.replaceState(null, '', `/join?t=${TOKEN}`);
  localStorage.setItem(`alignboard-room:${TOKEN}`, JSON.stringify({ joined: JOINED, summary: SUMMARY, removed: false }));
  localStorage.setItem(`alignboard-room-clients:${DATABASE}`, JSON.stringify([PHONE_CLIENT]));
  await phoneCopy((doc) => {
    const template = personaTemplate(() => `node-${++ids}`, { name: 'Tanaka Yui' });
    addNodes(doc, template, 'laptop');
    const challenges = template.map((node) => node.data).find((data): data is ZoneNodeData => data.type === 'zone' && data.zone === 'challenges')!;
    addNodes(doc, [{ id: 'my-note', data: newSticky({ ...spotInZone(challenges, []), department: 'marketing', authorId: 'm-emma', text: 'Setup takes weeks' }) }], 'phone');
  }, PHONE_CLIENT);
  // The room is out of reach (a phone reopening its tab away from it).
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
});
afterEach(() => vi.unstubAllGlobals());

/** The page as a phone (re)loads it. */
async function open(language: 'en' | 'ja' = 'en') {
  const view = render(
    <I18nextProvider i18n={initParticipantI18n(language)}>
      <ParticipantApp />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { level: 2, name: (language === 'ja' ? ja : en).rooms.participant.zonesHeading });
  return view;
}

const zone = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });
const noteBox = (within_: HTMLElement = document.body) => within(within_).getByRole('textbox', { name: p.noteText });
const storedNotes = async () => {
  const doc = await phoneCopy(() => {});
  return [...readAllNodes(doc).values()].filter((node): node is StickyNodeData => node.type === 'sticky').map((note) => note.text);
};

/** Two forms with text: a new note in Goals (“Cut onboarding time”), then the edit of “Setup takes weeks” in Challenges (“Setup takes months”), left open. */
async function writeTwoDrafts(user: ReturnType<typeof userEvent.setup>): Promise<void> {
    await user.click(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) }));
    await user.type(noteBox(zone(zones.goals)), 'Cut onboarding time');
    await user.click(screen.getByRole('button', { name: p.editNote.replace('{{text}}', 'Setup takes weeks') }));
    await user.clear(noteBox(zone(zones.challenges)));
    await user.type(noteBox(zone(zones.challenges)), 'Setup takes months');
}

describe('a participant’s note forms across a reload of the page', () => {
  it('brings back the open form with its text, and the other forms’ text; Save or Cancel forgets them', async () => {
    const user = userEvent.setup();
    let page = await open();
    await writeTwoDrafts(user);

    page.unmount();
    page = await open();
    // The form that was open is open again, with what was typed, and has the focus.
    const edit = await waitFor(() => noteBox(zone(zones.challenges)));
    expect(edit).toHaveValue('Setup takes months');
    expect(edit).toHaveFocus();
    expect(screen.getAllByRole('textbox', { name: p.noteText })).toHaveLength(1);
    // The other form's text is there when it is opened again (by keyboard).
    screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) }).focus();
    await user.keyboard('{Enter}');
    expect(noteBox(zone(zones.goals))).toHaveValue('Cut onboarding time');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(zone(zones.goals)).findByText('Cut onboarding time');

    page.unmount();
    page = await open();
    // Saved: forgotten. The edit is still a draft (not open: no form until Edit).
    expect(screen.queryByRole('textbox', { name: p.noteText })).toBeNull();
    await user.click(screen.getByRole('button', { name: p.editNote.replace('{{text}}', 'Setup takes weeks') }));
    expect(noteBox(zone(zones.challenges))).toHaveValue('Setup takes months');
    await user.keyboard('{Escape}');
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();

    page.unmount();
    await open();
    await user.click(screen.getByRole('button', { name: p.editNote.replace('{{text}}', 'Setup takes weeks') }));
    expect(noteBox(zone(zones.challenges))).toHaveValue('Setup takes weeks');
    expect(await storedNotes()).toEqual(expect.arrayContaining(['Cut onboarding time', 'Setup takes weeks']));
  });

  it('shows a draft whose zone went, or whose note was deleted, after the reload — with the text and why — instead of dropping it (ja)', async () => {
    const user = userEvent.setup();
    const pj = ja.rooms.participant;
    const zonesJa = ja.persona.zones;
    const zoneJa = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });
    const boxJa = (container: HTMLElement) => within(container).getByRole('textbox', { name: pj.noteText });
    let page = await open('ja');
    await user.click(screen.getByRole('button', { name: pj.addNote.replace('{{zone}}', zonesJa.goals) }));
    await user.type(boxJa(zoneJa(zonesJa.goals)), '導入を半分の時間で');
    await user.click(screen.getByRole('button', { name: pj.editNote.replace('{{text}}', 'Setup takes weeks') }));
    await user.clear(boxJa(zoneJa(zonesJa.challenges)));
    await user.type(boxJa(zoneJa(zonesJa.challenges)), '設定に数か月かかる');
    page.unmount();

    // Meanwhile the facilitator removed the Goals zone and deleted the note being edited.
    await phoneCopy((doc) => {
      const goals = [...readAllNodes(doc)].find(([, node]) => node.type === 'zone' && node.zone === 'goals')![0];
      deleteNodes(doc, [goals, 'my-note'], 'laptop');
    });
    page = await open('ja');
    expect(screen.queryByRole('region', { name: new RegExp(`^${zonesJa.goals} \\(`) })).toBeNull();
    // The Goals draft is where the notes outside every zone are, and says why.
    const elsewhere = zoneJa(pj.elsewhere);
    const orphan = boxJa(elsewhere);
    expect(orphan).toHaveValue('導入を半分の時間で');
    const zoneGone = pj.draftZoneGone.replace('{{zone}}', zonesJa.goals);
    expect(within(elsewhere).getByRole('alert')).toHaveTextContent(zoneGone);
    expect(orphan).toHaveAccessibleDescription(zoneGone);
    // The deleted note's edit stays in its zone, open (the focus is there), and Save adds it as a
    // new note of that zone.
    const challenges = zoneJa(zonesJa.challenges);
    expect(within(challenges).getByRole('alert')).toHaveTextContent(pj.editedNoteGone);
    expect(boxJa(challenges)).toHaveValue('設定に数か月かかる');
    expect(boxJa(challenges)).toHaveFocus();
    await user.click(within(elsewhere).getByRole('button', { name: pj.save }));
    expect(within(elsewhere).getByRole('alert')).toHaveTextContent(pj.notSavedNoZone);
    expect(orphan).toHaveValue('導入を半分の時間で');

    page.unmount();
    page = await open('ja');
    await user.click(within(zoneJa(zonesJa.challenges)).getByRole('button', { name: pj.save }));
    await within(zoneJa(zonesJa.challenges)).findByText('設定に数か月かかる');
    expect(await storedNotes()).toContain('設定に数か月かかる');
    // Cancel throws the zone-less draft away (by keyboard): nothing is left, here or in storage.
    within(zoneJa(pj.elsewhere)).getByRole('button', { name: pj.cancel }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('textbox', { name: pj.noteText })).toBeNull();
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
    page.unmount();
    await open('ja');
    expect(screen.queryByRole('textbox', { name: pj.noteText })).toBeNull();
    expect(screen.queryByRole('region', { name: new RegExp(`^${pj.elsewhere} \\(`) })).toBeNull();
  });

  it('keeps what was typed, to copy, when the reloaded page finds the room closed (410), until it is discarded', async () => {
    const user = userEvent.setup();
    const page = await open();
    await writeTwoDrafts(user);
    page.unmount();

    // The facilitator closed the room and opened the board's next one on the same address: the
    // room server answers this participant's token with 410 (server/rooms/roomHost.ts).
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'room-closed', message: 'this room has closed' }, { status: 410 })));
    render(
      <I18nextProvider i18n={initParticipantI18n('en')}>
        <ParticipantApp />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(p.status.closed);
    const kept = screen.getByRole('region', { name: p.keptDrafts });
    expect(within(kept).getByLabelText(p.keptNew.replace('{{zone}}', zones.goals))).toHaveValue('Cut onboarding time');
    expect(within(kept).getByLabelText(p.keptEdit.replace('{{zone}}', zones.challenges))).toHaveValue('Setup takes months');
    within(kept).getByRole('button', { name: p.discardDraft.replace('{{text}}', 'Cut onboarding time') }).focus();
    await user.keyboard('{Enter}');
    expect(within(kept).queryByLabelText(p.keptNew.replace('{{zone}}', zones.goals))).toBeNull();
    await user.click(within(kept).getByRole('button', { name: p.discardDraft.replace('{{text}}', 'Setup takes months') }));
    expect(screen.queryByRole('region', { name: p.keptDrafts })).toBeNull();
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
  });

  it('brings the notes being written into the board’s next room when the phone joins it again as the same participant', async () => {
    const user = userEvent.setup();
    const page = await open();
    await user.click(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) }));
    await user.type(noteBox(zone(zones.goals)), 'Written as the room closed');
    page.unmount();

    // The room closed; the facilitator opened the board's next room and the participant scans its code.
    const nextJoin = 'JJJJJJJJJJJJJJJJJJJJJJ';
    localStorage.setItem('alignboard-room-board:board-key-1', TOKEN);
    window.history.replaceState(null, '', `/join?t=${nextJoin}`);
    const joins: unknown[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), window.location.href);
      if (url.pathname === '/api/room') return Promise.resolve(Response.json({ ...SUMMARY, roomId: 'room-2', code: '111111' }));
      if (url.pathname === '/api/join') {
        joins.push(JSON.parse(String(init?.body)));
        return Promise.resolve(Response.json({ ...JOINED, token: 'QQQQQQQQQQQQQQQQQQQQQQ', roomId: 'room-2', documentName: 'room-2' } satisfies JoinResponse));
      }
      return Promise.resolve(new Response(null, { status: 404 }));
    });
    await open();
    expect(joins).toEqual([{ as: 'again', token: TOKEN }]);
    expect(await waitFor(() => noteBox(zone(zones.goals)))).toHaveValue('Written as the room closed');
    expect(localStorage.getItem(draftsStorageKey('room-2', 'm-emma'))).toContain('Written as the room closed');
    expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
  });

  it('ignores stored drafts that are corrupt, of another shape, oversized or out of date, and keeps only the latest rooms’ drafts', async () => {
    const now = Date.now();
    const valid = (at: number, text = 'Kept') => JSON.stringify({ v: 1, at, open: { id: null, zone: 'goals' }, drafts: [{ key: 'new:goals', zone: 'goals', text }] });
    const bad = [
      '{"v":1,"at":',
      JSON.stringify({ v: 1, at: now, open: { id: null, zone: 'nowhere' }, drafts: [] }),
      JSON.stringify({ v: 1, at: now, open: null, drafts: 'Cut onboarding time' }),
      JSON.stringify({ v: 1, at: now, open: null, drafts: [{ key: 'new:goals', zone: 'channels', text: 'Wrong zone' }] }),
      JSON.stringify({ v: 2, at: now, open: null, drafts: [] }),
      valid(now, 'x'.repeat(2_001)),
      valid(now, 'y').replace('"drafts":[', `"drafts":[${Array.from({ length: 60 }, (_, index) => JSON.stringify({ key: `note-${index}`, zone: null, text: 'z' })).join(',')},`),
      valid(now - DRAFT_LIFETIME_MS - 1_000),
      'null',
      '"text"',
    ];
    for (const value of bad) {
      localStorage.setItem(DRAFTS_KEY, value);
      const page = await open();
      expect(screen.queryByRole('textbox', { name: p.noteText })).toBeNull();
      expect(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) })).toBeEnabled();
      expect(localStorage.getItem(DRAFTS_KEY)).toBeNull();
      page.unmount();
    }

    // Other rooms' drafts: the out-of-date and unreadable are forgotten, and only the latest rooms'.
    localStorage.setItem(draftsStorageKey('room-old', 'm-emma'), valid(now - DRAFT_LIFETIME_MS - 1));
    localStorage.setItem(draftsStorageKey('room-bad', 'm-emma'), '{');
    for (let index = 0; index < ROOMS_KEPT + 3; index++) localStorage.setItem(draftsStorageKey(`room-${100 + index}`, 'm-emma'), valid(now - index * 60_000));
    localStorage.setItem(DRAFTS_KEY, valid(now - 3_600_000, 'This room’s'));
    await open();
    expect(noteBox(zone(zones.goals))).toHaveValue('This room’s');
    const kept = Object.keys(localStorage).filter((key) => key.startsWith('alignboard-room-drafts:')).sort();
    expect(kept).toEqual([DRAFTS_KEY, ...Array.from({ length: ROOMS_KEPT - 1 }, (_, index) => draftsStorageKey(`room-${100 + index}`, 'm-emma'))].sort());
  });

  it('writes notes as before when the browser’s storage refuses to keep anything (private mode, full)', async () => {
    const user = userEvent.setup();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await open();
      await user.click(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) }));
      await user.type(noteBox(zone(zones.goals)), 'Cut onboarding time');
      await user.click(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.channels) }));
      await user.click(screen.getByRole('button', { name: p.addNote.replace('{{zone}}', zones.goals) }));
      expect(noteBox(zone(zones.goals))).toHaveValue('Cut onboarding time');
      await user.click(within(zone(zones.goals)).getByRole('button', { name: p.save }));
      await within(zone(zones.goals)).findByText('Cut onboarding time');
      expect(setItem).toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(await storedNotes()).toContain('Cut onboarding time');
  });
});

describe('the keyboard’s place on the participant page', () => {
  it('after Save, Cancel or Delete the focus goes to the note’s Edit button or the zone’s “Add a note” (their form or button went), not to the page’s body (ja)', async () => {
    const user = userEvent.setup();
    await open('ja');
    const pj = ja.rooms.participant;
    const zj = ja.persona.zones;
    const jaZone = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });
    const add = () => screen.getByRole('button', { name: pj.addNote.replace('{{zone}}', zj.goals) });
    const editButton = (text: string) => screen.getByRole('button', { name: pj.editNote.replace('{{text}}', text) });
    const box = (zoneName: string) => within(jaZone(zoneName)).getByRole('textbox', { name: pj.noteText });

    // A new note, cancelled with Escape: back on "Add a note" of its zone.
    add().focus();
    await user.keyboard('{Enter}');
    expect(box(zj.goals)).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(add()).toHaveFocus();
    // Written and saved with Ctrl+Enter: the same.
    await user.keyboard('{Enter}');
    await user.type(box(zj.goals), '導入に時間がかかる');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(jaZone(zj.goals)).findByText('導入に時間がかかる');
    expect(add()).toHaveFocus();

    // Editing a note, saved with the Save button: back on that note's Edit button.
    editButton('Setup takes weeks').focus();
    await user.keyboard('{Enter}');
    await user.clear(box(zj.challenges));
    await user.type(box(zj.challenges), 'Setup takes months');
    await user.click(within(jaZone(zj.challenges)).getByRole('button', { name: pj.save }));
    expect(editButton('Setup takes months')).toHaveFocus();
    // Cancelled: the same.
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(editButton('Setup takes months')).toHaveFocus();

    // Deleted: the note and its buttons go; the zone's "Add a note" takes the focus.
    screen.getByRole('button', { name: pj.deleteNote.replace('{{text}}', 'Setup takes months') }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(jaZone(zj.challenges)).queryByText('Setup takes months')).toBeNull());
    expect(screen.getByRole('button', { name: pj.addNote.replace('{{zone}}', zj.challenges) })).toHaveFocus();
  });
});
