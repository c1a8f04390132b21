import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { DexieYProvider } from 'y-dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNodes, newSticky, nodesMap } from '../../shared/board/doc';
import type { ZoneNodeData } from '../../shared/board/nodes';
import type { AudienceState } from '../../shared/audience/presentation';
import { ja } from '../../shared/locales/ja';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { AppProvider } from '../../renderer/src/app/AppContext';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { AudienceFollower, Presenter } from '../../renderer/src/features/audience/presentationChannel';
import { AudienceView } from '../../renderer/src/features/audience/AudienceView';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import type { Host, HostCommand } from '../../renderer/src/host';
import { initI18n } from '../../renderer/src/i18n';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** A persona board (template: card + five zones) with one note in Goals, as the laptop writes it. */
async function seedBoard() {
  const workspaceId = await createWorkspace('Projector Co');
  const boardId = await createPersonaBoard(workspaceId, 'Buyer');
  const board = (await db.boards.get([workspaceId, boardId]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  const zones = new Map<string, ZoneNodeData & { id: string }>();
  nodesMap(board.doc).forEach((map, id) => {
    const data = map.toJSON() as ZoneNodeData;
    if (data.type === 'zone') zones.set(data.zone, { ...data, id });
  });
  const goals = zones.get('goals')!;
  addNodes(board.doc, [{ id: 'n1', data: newSticky({ x: goals.x + 40, y: goals.y + 80, text: 'Cut onboarding to a week', department: 'sales', authorId: null }) }], null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  DexieYProvider.release(board.doc);
  return { workspaceId, boardId, zones };
}

/** Adds a note the way another window does: through IndexedDB (a second load of the board's doc). */
async function addNoteElsewhere(workspaceId: string, boardId: string, text: string) {
  const board = (await db.boards.get([workspaceId, boardId]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  addNodes(board.doc, [{ id: `n-${text}`, data: newSticky({ x: 0, y: 900, text, department: 'marketing', authorId: null }) }], null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  DexieYProvider.release(board.doc);
}

function renderView(state: AudienceState | null) {
  const host: Host = { ...createBrowserHost(localStorage), onBackupDue: () => () => {} };
  const i18n = initI18n('en');
  const view = (next: AudienceState | null) => (
    <I18nextProvider i18n={i18n}>
      <AppProvider host={host} initialSettings={{ ...DEFAULT_SETTINGS, language: 'en' }} settingsProblem={null}>
        <AudienceView state={next} />
      </AppProvider>
    </I18nextProvider>
  );
  const result = render(view(state));
  return { ...result, show: (next: AudienceState | null) => result.rerender(view(next)) };
}

const boardState = (workspaceId: string, boardId: string, patch: Partial<{ focus: string | null; hidden: boolean; blank: boolean }> = {}): AudienceState => ({
  presentation: { kind: 'board', board: 'persona', workspaceId, boardId, focus: patch.focus ?? null, hidden: patch.hidden ?? false },
  blank: patch.blank ?? false,
  seq: 1,
});

describe('the audience view', () => {
  it('waits for the laptop, then shows the board read-only and live; zone focus, private mode and pause', async () => {
    const { workspaceId, boardId, zones } = await seedBoard();
    const view = renderView(null);
    expect(screen.getByText('Waiting for the laptop…')).toBeInTheDocument();

    view.show(boardState(workspaceId, boardId));
    const canvas = await screen.findByRole('region', { name: 'Board shown to the audience: Buyer' });
    await within(canvas).findByText('Cut onboarding to a week');
    // Zones and the persona card are there; nothing to edit, nothing to press.
    expect(within(canvas).getByText('Goals')).toBeInTheDocument();
    // (jsdom measures nothing: React Flow keeps unmeasured nodes hidden, so the card is found in the DOM.)
    expect(canvas.querySelector('article.persona-card')).toHaveAttribute('aria-label', 'Persona card: Buyer');
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);

    // A note written in another window arrives through IndexedDB.
    await addNoteElsewhere(workspaceId, boardId, 'Budget is set in Q4');
    await within(canvas).findByText('Budget is set in Q4');

    // Focus: the view names the zone it zoomed to.
    view.show({ ...boardState(workspaceId, boardId, { focus: zones.get('goals')!.id }), seq: 2 });
    expect(await screen.findByRole('region', { name: 'Board shown to the audience: Buyer, zone Goals' })).toHaveAttribute('data-focus', zones.get('goals')!.id);

    // Private mode: no note text anywhere in the page, each note says it is hidden.
    view.show({ ...boardState(workspaceId, boardId, { hidden: true }), seq: 3 });
    await screen.findByText('Notes are hidden while everyone writes');
    expect(screen.queryByText('Cut onboarding to a week')).toBeNull();
    expect(screen.queryByText('Budget is set in Q4')).toBeNull();
    expect(document.body.textContent).not.toContain('onboarding');
    expect(document.querySelectorAll('[role="img"][aria-label="Note hidden until revealed"]')).toHaveLength(2);

    // Pause: the board is out of sight and out of the accessibility tree.
    view.show({ ...boardState(workspaceId, boardId, { blank: true }), seq: 4 });
    expect(screen.getByRole('status', { name: 'The screen is paused' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Board shown to the audience/ })).toBeNull();
    view.show({ ...boardState(workspaceId, boardId), seq: 5 });
    expect(await screen.findByRole('region', { name: 'Board shown to the audience: Buyer' })).toBeVisible();
    expect(screen.getByText('Cut onboarding to a week')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'The screen is paused' })).toBeNull();
  });

  it('shows a funnel board as its stages, owners and figures, read-only', async () => {
    const workspaceId = await createWorkspace('Funnel Co');
    const boardId = await createFunnelBoard(workspaceId, 'Pipeline', 'en');
    renderView({ presentation: { kind: 'board', board: 'funnel', workspaceId, boardId, focus: null, hidden: false }, blank: false, seq: 1 });
    const canvas = await screen.findByRole('region', { name: 'Board shown to the audience: Pipeline' });
    for (const stage of ['Lead', 'MQL', 'SAL', 'SQL', 'Won']) expect(await within(canvas).findByText(stage)).toBeInTheDocument();
    expect(within(canvas).getAllByText('Marketing').length).toBeGreaterThan(0);
    expect(within(canvas).getAllByText('Sales').length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('button')).toEqual([]);
    // None of React Flow's own hidden English about selecting and deleting (nothing is selectable here).
    expect(document.body.textContent).not.toMatch(/Press enter|select a node|select an edge/);
    // A persona board asked for as a funnel is not shown as one.
    const personaId = await createPersonaBoard(workspaceId, 'Buyer');
    renderView({ presentation: { kind: 'board', board: 'funnel', workspaceId, boardId: personaId, focus: null, hidden: false }, blank: false, seq: 1 });
    expect(await screen.findByText('This board is not available.')).toBeInTheDocument();
  });

  it('the audience route shows no app chrome, follows the laptop, and Escape closes its window', async () => {
    const { workspaceId, boardId } = await seedBoard();
    const fake = fakeAudienceHost('window');
    const user = userEvent.setup();
    const presenter = new Presenter();
    try {
      presenter.present(boardState(workspaceId, boardId).presentation);
      renderApp({ settings: { language: 'en', theme: 'light' }, hash: '#/audience', host: fake.host });
      await screen.findByRole('region', { name: 'Board shown to the audience: Buyer' }, { timeout: 10_000 });
      expect(document.documentElement.dataset.theme).toBe('projector');
      expect(screen.queryByRole('navigation')).toBeNull();
      expect(screen.queryByRole('banner')).toBeNull();
      presenter.setBlank(true);
      expect(await screen.findByRole('status', { name: 'The screen is paused' })).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(fake.audience.close).toHaveBeenCalledTimes(1);
    } finally {
      presenter.dispose();
    }
  });

  it('says so when the presented board is gone, and shows the join screen with its QR code', async () => {
    const workspaceId = await createWorkspace('Gone Co');
    const view = renderView(boardState(workspaceId, 'no-such-board'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This board is not available.');
    view.show({
      presentation: { kind: 'join', workspaceId, boardId: 'b1', room: { joinUrl: 'http://127.0.0.1:4321/join?t=abc', code: 'K7Q2', boardName: 'Buyer', connected: 3 } },
      blank: false,
      seq: 2,
    });
    expect(screen.getByRole('heading', { name: 'Join “Buyer”' })).toBeInTheDocument();
    // The QR encoder loads with the first join screen shown.
    expect(await screen.findByRole('img', { name: 'QR code to join: http://127.0.0.1:4321/join?t=abc' })).toBeInTheDocument();
    expect(screen.getByText('K7Q2')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 people connected');
  });
});

/** A fake of the host's audience window that records what the laptop asked. */
function fakeAudienceHost(placement: 'external-display' | 'window' = 'window') {
  const closed = new Set<() => void>();
  const commands = new Set<(command: HostCommand) => void>();
  const audience = {
    open: vi.fn<() => Promise<{ placement: 'external-display' | 'window' }>>(async () => ({ placement })),
    close: vi.fn<() => Promise<void>>(async () => {}),
    onClosed(listener: () => void) {
      closed.add(listener);
      return () => closed.delete(listener);
    },
  };
  return {
    host: { audience, onCommand: (listener: (command: HostCommand) => void) => (commands.add(listener), () => commands.delete(listener)) } satisfies Partial<Host>,
    audience,
    /** The user closed the window (or unplugged its display). */
    closeWindow: () => act(() => closed.forEach((listener) => listener())),
    command: (command: HostCommand) => act(() => commands.forEach((listener) => listener(command))),
  };
}

/** What an audience window would show: a real follower on the real channel. */
function follow(): { follower: AudienceFollower; latest(): AudienceState | null } {
  const follower = new AudienceFollower();
  return { follower, latest: () => follower.current };
}

describe('the laptop’s projector controls', () => {
  let followers: AudienceFollower[] = [];
  afterEach(() => {
    followers.forEach((follower) => follower.dispose());
    followers = [];
  });

  it('Show on projector opens the window on this board; zone, private mode, pause and close; the window closing ends the controls', async () => {
    const { workspaceId, boardId, zones } = await seedBoard();
    const fake = fakeAudienceHost('window');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/b/${boardId}`, host: fake.host });
    const { follower, latest } = follow();
    followers.push(follower);

    const show = await screen.findByRole('button', { name: 'Show on projector' }, { timeout: 10_000 });
    expect(show).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+A');
    await user.click(show);
    expect(fake.audience.open).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('The projector view opened in a new window: move it to the projector and press F11 for full screen.')).toBeInTheDocument();
    await waitFor(() => expect(latest()?.presentation).toEqual({ kind: 'board', board: 'persona', workspaceId, boardId, focus: null, hidden: false }));

    const panel = screen.getByRole('region', { name: 'Projector' });
    expect(within(panel).getByRole('status')).toHaveTextContent('The projector shows: this board');
    // jsdom's window (1024×768) is small: the panel starts as its bar; "All controls" opens the rest.
    await user.click(within(panel).getByRole('button', { name: 'All controls', expanded: false }));
    // The preview draws what the room sees (named for assistive technology, its inside inert).
    expect(within(panel).getByRole('img', { name: 'What the audience sees: this board' })).toBeInTheDocument();

    await user.selectOptions(within(panel).getByLabelText('Zone on the projector'), 'Pain points');
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ focus: zones.get('challenges')!.id }));
    expect(within(panel).getByRole('status')).toHaveTextContent('The projector shows: this board · zone Pain points');
    await user.click(within(panel).getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ focus: null }));
    expect(within(panel).getByRole('status')).toHaveTextContent(/^The projector shows: this board$/);

    await user.click(within(panel).getByRole('button', { name: 'Hide notes' }));
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ hidden: true }));
    await user.click(within(panel).getByRole('button', { name: 'Reveal notes' }));
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ hidden: false }));

    // B pauses the projector (from the page, not while typing in a field), and B again resumes.
    (document.getElementById('main') as HTMLElement).focus();
    await user.keyboard('b');
    await waitFor(() => expect(latest()?.blank).toBe(true));
    expect(within(panel).getByRole('status')).toHaveTextContent('The projector shows: this board · Paused');
    await user.keyboard('b');
    await waitFor(() => expect(latest()?.blank).toBe(false));

    // The user closes the projector's window: the controls go, the board stays as it was.
    fake.closeWindow();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Projector' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Show on projector' })).toHaveAttribute('aria-pressed', 'false');
    // B does nothing without a projector.
    await user.keyboard('b');
    expect(latest()?.blank).toBe(false);

    // The menu's command opens it again; the close button closes it through the host.
    fake.command('toggle-audience');
    await screen.findByRole('region', { name: 'Projector' });
    expect(fake.audience.open).toHaveBeenCalledTimes(2);
    // (Open still: the panel stayed mounted with the page.)
    await user.click(within(screen.getByRole('region', { name: 'Projector' })).getByRole('button', { name: 'Close projector view' }));
    expect(fake.audience.close).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Projector' })).toBeNull());
  });

  it('open on another board, Show on projector shows this one; on the board it shows, it closes; leaving the page keeps the board up', async () => {
    const { workspaceId, boardId } = await seedBoard();
    const other = await createPersonaBoard(workspaceId, 'Champion');
    const fake = fakeAudienceHost('window');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/b/${boardId}`, host: fake.host });
    const { follower, latest } = follow();
    followers.push(follower);
    await user.click(await screen.findByRole('button', { name: 'Show on projector' }, { timeout: 10_000 }));
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ boardId }));

    // The laptop moves to the workspace page: the projector keeps the board.
    act(() => void (window.location.hash = `#/w/${workspaceId}`));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Buyer' })).toBeNull());
    expect(latest()?.presentation).toMatchObject({ kind: 'board', boardId });

    act(() => void (window.location.hash = `#/w/${workspaceId}/b/${other}`));
    // (Queried afresh each time: the board page may open its doc again, remounting the panel.)
    await screen.findByText('The projector shows: another board', {}, { timeout: 10_000 });
    // The shortcut (as the toolbar button and the menu) shows this board, the window stays as it is…
    await user.keyboard('{Alt>}{Shift>}a{/Shift}{/Alt}');
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ boardId: other }));
    expect(fake.audience.open).toHaveBeenCalledTimes(1);
    await screen.findByText('The projector shows: this board');
    // …and on the board it shows, closes it.
    await user.keyboard('{Alt>}{Shift>}a{/Shift}{/Alt}');
    await waitFor(() => expect(fake.audience.close).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Projector' })).toBeNull());
  });

  it('on a funnel board: Show on projector presents the funnel; show all and pause, no zones or private mode', async () => {
    const workspaceId = await createWorkspace('Funnel Co');
    const boardId = await createFunnelBoard(workspaceId, 'Pipeline', 'en');
    const fake = fakeAudienceHost('window');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/funnel/${boardId}`, host: fake.host });
    const { follower, latest } = follow();
    followers.push(follower);
    await user.click(await screen.findByRole('button', { name: 'Show on projector' }, { timeout: 10_000 }));
    await waitFor(() => expect(latest()?.presentation).toEqual({ kind: 'board', board: 'funnel', workspaceId, boardId, focus: null, hidden: false }));
    const panel = await screen.findByRole('region', { name: 'Projector' });
    await user.click(within(panel).getByRole('button', { name: 'All controls' }));
    expect(within(panel).getByRole('button', { name: 'Show all' })).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Hide notes' })).toBeNull();
    expect(within(panel).queryByLabelText('Zone on the projector')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Blank screen' }));
    await waitFor(() => expect(latest()?.blank).toBe(true));
    expect(within(panel).getByRole('button', { name: 'Show again' })).toBeInTheDocument();
  });

  it('on a small window (1366×768) the panel is one bar: what the room sees and Blank; the rest opens from “All controls” by keyboard, and the keys work either way; a roomy window shows it all', async () => {
    const { workspaceId, boardId } = await seedBoard();
    const fake = fakeAudienceHost('window');
    const user = userEvent.setup();
    const size = { width: window.innerWidth, height: window.innerHeight };
    Object.assign(window, { innerWidth: 1366, innerHeight: 768 });
    try {
      const view = renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/b/${boardId}`, host: fake.host });
      const { follower, latest } = follow();
      followers.push(follower);
      await user.click(await screen.findByRole('button', { name: ja.audience.controls.show }, { timeout: 10_000 }));
      const panel = await screen.findByRole('region', { name: ja.audience.controls.toolbar });
      expect(within(panel).getByRole('status')).toHaveTextContent(ja.audience.controls.showingBoard);
      expect(within(panel).getByRole('button', { name: ja.audience.controls.blank })).toBeVisible();
      const more = within(panel).getByRole('button', { name: ja.audience.controls.allControls });
      expect(more).toHaveAttribute('aria-expanded', 'false');
      // The rest is out of sight and out of the Tab order, the preview not drawn at all.
      expect(within(panel).queryByRole('button', { name: ja.audience.controls.showAll })).toBeNull();
      expect(within(panel).queryByRole('img')).toBeNull();
      // Collapsed, H still hides the notes on the projector, and the bar (all the laptop shows of
      // the panel) says so; H again reveals them.
      (document.getElementById('main') as HTMLElement).focus();
      await user.keyboard('h');
      await waitFor(() => expect(latest()?.presentation).toMatchObject({ hidden: true }));
      expect(within(panel).getByRole('status')).toHaveTextContent('投影中： このボード · 付箋は非表示');
      await user.keyboard('h');
      await waitFor(() => expect(latest()?.presentation).toMatchObject({ hidden: false }));
      expect(within(panel).getByRole('status')).not.toHaveTextContent('付箋は非表示');
      await user.keyboard('h');
      await waitFor(() => expect(latest()?.presentation).toMatchObject({ hidden: true }));

      // By keyboard: Tab reaches "All controls", Enter opens the rest, which Tab then reaches.
      more.focus();
      await user.keyboard('{Enter}');
      expect(more).toHaveAttribute('aria-expanded', 'true');
      expect(document.getElementById(more.getAttribute('aria-controls')!)).toBeVisible();
      await user.tab();
      expect(document.activeElement).toBe(within(panel).getByLabelText(ja.audience.controls.zone));
      expect(within(panel).getByRole('img', { name: ja.audience.controls.previewLabel.replace('{{what}}', `${ja.audience.controls.showingBoard} · ${ja.audience.controls.showingHidden}`) })).toBeInTheDocument();
      await user.click(more);
      expect(more).toHaveAttribute('aria-expanded', 'false');
      view.unmount();

      Object.assign(window, { innerWidth: 1920, innerHeight: 1080 });
      renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/b/${boardId}`, host: fake.host });
      await user.click(await screen.findByRole('button', { name: 'Show on projector' }, { timeout: 10_000 }));
      const roomy = await screen.findByRole('region', { name: 'Projector' });
      expect(within(roomy).getByRole('button', { name: 'All controls' })).toHaveAttribute('aria-expanded', 'true');
      expect(within(roomy).getByRole('button', { name: 'Show all' })).toBeVisible();
    } finally {
      Object.assign(window, { innerWidth: size.width, innerHeight: size.height });
    }
  });

  it('Alt+Shift+A opens it on the second display; Z zooms to the selected note’s zone; the toolbar button closes it', async () => {
    const { workspaceId, boardId, zones } = await seedBoard();
    const fake = fakeAudienceHost('external-display');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/b/${boardId}`, host: fake.host });
    const { follower, latest } = follow();
    followers.push(follower);
    await screen.findByRole('button', { name: 'Show on projector' }, { timeout: 10_000 });
    await user.keyboard('{Alt>}{Shift>}a{/Shift}{/Alt}');
    expect(await screen.findByText('Projector view opened on the second display.')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Projector' });
    await user.click(within(panel).getByRole('button', { name: 'All controls' }));

    // No note selected: Z says what to do.
    await user.click(within(panel).getByRole('button', { name: 'Zone of the selected note' }));
    expect(await screen.findByText('Select a note first.')).toBeInTheDocument();

    // The laptop's canvas (the preview shows the same note).
    const board = document.querySelector<HTMLElement>('.board-canvas')!;
    const note = await within(board).findByText('Cut onboarding to a week');
    // A click selects it (fireEvent: jsdom has no window for d3-drag's mousedown that user-event sends).
    fireEvent.click(note.closest('.react-flow__node')!);
    await user.keyboard('z');
    await waitFor(() => expect(latest()?.presentation).toMatchObject({ focus: zones.get('goals')!.id }));
    expect(within(panel).getByRole('status')).toHaveTextContent('The projector shows: this board · zone Goals');

    // The toolbar button, pressed while the projector is open, closes it.
    await user.click(screen.getByRole('button', { name: 'Show on projector' }));
    expect(fake.audience.close).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Projector' })).toBeNull());
  });
});
