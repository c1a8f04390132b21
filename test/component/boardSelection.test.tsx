import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

const notes = () => [...document.querySelectorAll<HTMLElement>('.react-flow__node-sticky')];
const note = (text: string) => notes().find((element) => element.getAttribute('aria-label')?.endsWith(`: ${text}`)) ?? null;
const selectedNotes = () =>
  notes()
    .filter((element) => element.classList.contains('selected'))
    .map((element) => element.getAttribute('aria-label')!.split(': ')[1])
    .sort();
const focusedLabel = () => document.activeElement?.getAttribute('aria-label') ?? '';
const liveRegion = () => document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;

/** A new persona board opened in `language`, with one note per text added by keyboard (S, type, Escape). */
async function boardWithNotes(language: 'en' | 'ja', texts: readonly string[]) {
  const workspaceId = await createWorkspace('Keys Co');
  const boardId = await createPersonaBoard(workspaceId, 'Buyer');
  const user = userEvent.setup();
  renderApp({ settings: { language }, hash: `#/w/${workspaceId}/b/${boardId}` });
  await waitFor(() => expect(document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0), { timeout: 10_000 });
  const textBox = language === 'ja' ? '付箋の文章' : 'Note text';
  for (const text of texts) {
    await user.keyboard('s');
    await user.type(await screen.findByRole('textbox', { name: textBox }), text);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: textBox })).toBeNull());
  }
  return user;
}

/** Shift+Tab until the note `text` has the focus (jsdom: the walks go backwards; see the first test). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, text: string) {
  for (let presses = 0; presses < 12 && !focusedLabel().endsWith(`: ${text}`); presses++) await user.keyboard('{Shift>}{Tab}{/Shift}');
  expect(focusedLabel()).toMatch(new RegExp(`: ${text}$`));
}

describe('Building a selection by keyboard on the persona board', () => {
  it('Ctrl+Enter adds the focused note, Tab then moves on without changing the selection; arrows and Delete act on the chosen notes only', async () => {
    const user = await boardWithNotes('en', ['Alpha', 'Bravo', 'Charlie']);

    // jsdom measures nothing, so the persona card (no size of its own) stays hidden and cannot take
    // the focus: the walks start from End (below it) and go backwards with Shift+Tab.
    // Without the key, the selection follows the focus: Tab selects the note it lands on only.
    await user.keyboard('{End}');
    await tabTo(user, 'Alpha');
    expect(selectedNotes()).toEqual(['Alpha']);

    // Ctrl+Enter keeps Alpha; from then on Tab leaves the selection alone.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(liveRegion()).toHaveTextContent('Added to the selection: 1 item selected. Tab moves on and keeps it; Escape clears it.');
    await user.keyboard('{End}');
    expect(selectedNotes()).toEqual(['Alpha']);
    await tabTo(user, 'Charlie');
    expect(selectedNotes()).toEqual(['Alpha']);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(selectedNotes()).toEqual(['Alpha', 'Charlie']);
    expect(liveRegion()).toHaveTextContent('Added to the selection: 2 items selected.');
    // Again on the same note takes it out, and once more puts it back.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(selectedNotes()).toEqual(['Alpha']);
    expect(liveRegion()).toHaveTextContent('Taken out of the selection: 1 item selected');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(selectedNotes()).toEqual(['Alpha', 'Charlie']);

    // The arrow keys move the two chosen notes, not Bravo.
    const at = () => Object.fromEntries(['Alpha', 'Bravo', 'Charlie'].map((text) => [text, note(text)!.style.transform]));
    const before = at();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(at().Alpha).not.toBe(before.Alpha));
    const moved = at();
    expect(moved.Charlie).not.toBe(before.Charlie);
    expect(moved.Bravo).toBe(before.Bravo);

    // Delete removes those two only.
    await user.keyboard('{Delete}');
    await waitFor(() => expect(notes().map((element) => element.getAttribute('aria-label'))).toEqual(['Joint sticky note: Bravo']));
    expect(liveRegion()).toHaveTextContent('2 items deleted');
  });

  it('Escape ends the selection; Tab then selects the note it lands on again', async () => {
    const user = await boardWithNotes('ja', ['甲', '乙']);
    // Focus is on 乙 (selected with it): Ctrl+Enter keeps it, End moves without selecting.
    expect(focusedLabel()).toMatch(/: 乙$/);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(liveRegion()).toHaveTextContent('選択に追加しました: 1 件を選択中。');
    await user.keyboard('{End}');
    expect(focusedLabel()).not.toMatch(/: 乙$/);
    expect(selectedNotes()).toEqual(['乙']);
    await user.keyboard('{Escape}');
    expect(selectedNotes()).toEqual([]);
    await tabTo(user, '甲');
    expect(selectedNotes()).toEqual(['甲']);
  });

  it('a screen reader hears which notes are in the selection being built (Tab no longer selects), in Japanese', async () => {
    const user = await boardWithNotes('ja', ['甲', '乙', '丙']);
    const focused = () => document.activeElement as HTMLElement;
    const description = () =>
      (focused().getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    // From End backwards (see the first test: the persona card cannot take the focus in jsdom).
    const fromEndTo = async (text: string) => {
      await user.keyboard('{End}');
      await tabTo(user, text);
    };
    // The selection follows the focus: nothing more to say than the name and the hint.
    expect(focusedLabel()).toMatch(/: 丙$/);
    expect(description()).not.toContain('選択中');
    // 丙 kept with Ctrl+Enter, 甲 added: each says it is selected; 乙, passed on the way, does not.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(description()).toMatch(/^選択中。/);
    await fromEndTo('乙');
    expect(selectedNotes()).toEqual(['丙']);
    expect(description()).not.toContain('選択中');
    await fromEndTo('甲');
    expect(description()).not.toContain('選択中');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(description()).toMatch(/^選択中。/);
    expect(note('丙')!.getAttribute('aria-describedby')).toMatch(/selected/);
    expect(note('乙')!.getAttribute('aria-describedby')).not.toMatch(/selected/);
    // Taken out again: no longer said.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(description()).not.toContain('選択中');
    // Escape ends the selection: Tab selects again, and the name and hint are all that is said.
    await user.keyboard('{Escape}');
    await fromEndTo('乙');
    expect(selectedNotes()).toEqual(['乙']);
    expect(description()).not.toContain('選択中');
  });
});
