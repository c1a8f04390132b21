// Loading the fonts a view's text needs before drawing it (renderer/src/theme/fonts.ts, issue 12).
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexieYProvider } from 'y-dexie';
import { prefetchStartData } from '../../renderer/src/app/pages';
import { db } from '../../renderer/src/db/db';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { boardFontsLoaded, prefetchBoardDoc, useOpenBoard } from '../../renderer/src/features/board/useOpenBoard';
import type * as Y from 'yjs';
import { createPersonaBoard, deleteBoard } from '../../renderer/src/features/personas/personaBoards';
import { readBoardGlyphs, rememberBoardGlyphs } from '../../renderer/src/features/board/boardGlyphs';
import { localKeys } from '../../renderer/src/db/workspaceLocal';
import { loadFontsFor, textOf, useFontsSettled } from '../../renderer/src/theme/fonts';

type FakeFonts = { load: ReturnType<typeof vi.fn<(font: string, text: string) => Promise<unknown[]>>>; ready: Promise<unknown>; settle(): void };

/** A FontFaceSet whose loads and `ready` resolve when the test says so. */
function installFonts(): FakeFonts {
  let settle = () => {};
  const ready = new Promise<unknown>((resolve) => {
    settle = () => resolve(undefined);
  });
  const fonts = { load: vi.fn<(font: string, text: string) => Promise<unknown[]>>(async () => ready.then(() => [])), ready, settle: () => settle() };
  Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
  return fonts;
}

afterEach(() => {
  Reflect.deleteProperty(document, 'fonts');
  vi.useRealTimers();
});

describe('the text to load fonts for', () => {
  it('collects every string of a board’s nodes', () => {
    const nodes = { a: { type: 'sticky', text: '予算は第4四半期', voters: ['m1'] }, b: { title: 'Goals', fields: { role: '情シス部長' } } };
    expect(textOf(nodes).split('\n')).toEqual(['sticky', '予算は第4四半期', 'm1', 'Goals', '情シス部長']);
  });
});

describe('loadFontsFor', () => {
  it('asks for the Japanese faces in each bundled weight, for each character of the text once', async () => {
    const fonts = installFonts();
    const done = loadFontsFor('予算 予算');
    fonts.settle();
    await done;
    expect(fonts.load.mock.calls).toEqual([
      ['400 16px "Noto Sans JP"', '予算'],
      ['700 16px "Noto Sans JP"', '予算'],
    ]);
  });

  it('never waits longer than its budget, and a failed load does not fail the view', async () => {
    vi.useFakeTimers();
    const fonts = installFonts();
    let finished = false;
    void loadFontsFor('x', [400], 1_000).then(() => {
      finished = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(finished).toBe(true);
    fonts.load.mockRejectedValueOnce(new Error('network'));
    await expect(loadFontsFor('y', [400], 1_000)).resolves.toBeUndefined();
  });

  it('does nothing without the Font Loading API or text', async () => {
    await expect(loadFontsFor('abc')).resolves.toBeUndefined();
    const fonts = installFonts();
    await loadFontsFor('');
    expect(fonts.load).not.toHaveBeenCalled();
  });
});

function Gate() {
  return <p>{useFontsSettled(5_000) ? 'settled' : 'waiting'}</p>;
}

describe('useFontsSettled', () => {
  it('is settled at once without the Font Loading API', () => {
    render(<Gate />);
    expect(screen.getByText('settled')).toBeInTheDocument();
  });

  it('waits for the fonts the page asked for, after a frame', async () => {
    const fonts = installFonts();
    render(<Gate />);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await act(async () => {
      fonts.settle();
      await fonts.ready;
    });
    expect(await screen.findByText('settled')).toBeInTheDocument();
  });
});

describe('opening a board', () => {
  it('asks for the fonts of the board’s text and its writers’ names as soon as it is loaded, for the canvas to wait on', async () => {
    const workspaceId = await createWorkspace('Fonts');
    await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '' });
    const boardId = await createPersonaBoard(workspaceId, '情シス部長');
    const fonts = installFonts();
    const { result, unmount } = renderHook(() => useOpenBoard(workspaceId, boardId));
    await waitFor(() => expect(result.current.loaded).toEqual({ doc: expect.anything() }));
    const loaded = result.current.loaded as { doc: Y.Doc };
    let fontsDone = false;
    void boardFontsLoaded(loaded.doc).then(() => {
      fontsDone = true;
    });
    await waitFor(() => expect(fonts.load).toHaveBeenCalled());
    // The persona's name in both faces (the card shows it bold), the writer's name bold.
    const asked = (weight: number) => fonts.load.mock.calls.filter(([font]) => font.startsWith(`${weight} `)).map(([, text]) => text).join('');
    for (const character of '情シス部長鈴木一郎') {
      expect(asked(400)).toContain(character);
      expect(asked(700)).toContain(character);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fontsDone).toBe(false);
    act(() => fonts.settle());
    await waitFor(() => expect(fontsDone).toBe(true));
    unmount();
  });
});

describe('a board’s characters kept for its next open (boardGlyphs)', () => {
  it('opening a board keeps the characters of its text, names and marks, each once, per weight', async () => {
    const workspaceId = await createWorkspace('Fonts');
    await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '' });
    const boardId = await createPersonaBoard(workspaceId, '情シス部長');
    installFonts().settle();
    expect(readBoardGlyphs(workspaceId, boardId)).toBeNull();
    const { result, unmount } = renderHook(() => useOpenBoard(workspaceId, boardId));
    await waitFor(() => expect(result.current.loaded).toEqual({ doc: expect.anything() }));
    await boardFontsLoaded((result.current.loaded as { doc: Y.Doc }).doc);
    const kept = readBoardGlyphs(workspaceId, boardId)!;
    for (const character of '情シス部長鈴木一郎') {
      expect(kept.regular).toContain(character);
      expect(kept.bold).toContain(character);
    }
    expect(kept.regular).not.toContain(' ');
    expect(new Set(kept.regular).size).toBe([...kept.regular].length);
    unmount();
  });

  it('the next open asks for the kept characters’ fonts at once, before the board’s document is read', async () => {
    const workspaceId = await createWorkspace('Fonts');
    const boardId = await createPersonaBoard(workspaceId, 'Persona');
    rememberBoardGlyphs(workspaceId, boardId, { regular: '予算 予算は', bold: '営業' });
    const fonts = installFonts();
    const ready = prefetchBoardDoc(workspaceId, boardId, 'en', 50);
    expect(DexieYProvider.getOrCreateDocument(db, 'boards', 'doc', [workspaceId, boardId]).isLoaded).toBe(false);
    expect(fonts.load.mock.calls).toEqual([
      ['400 16px "Noto Sans JP"', '予算は'],
      ['700 16px "Noto Sans JP"', '営業'],
    ]);
    fonts.settle();
    await ready;
  });

  it('a board grown past the limit forgets what was kept when it was smaller; a deleted board forgets its characters', async () => {
    const workspaceId = await createWorkspace('Fonts');
    const boardId = await createPersonaBoard(workspaceId, 'Persona');
    rememberBoardGlyphs(workspaceId, boardId, { regular: '予算', bold: '営業' });
    expect(readBoardGlyphs(workspaceId, boardId)).toEqual({ regular: '予算', bold: '営業' });
    const many = Array.from({ length: 9_000 }, (_, index) => String.fromCodePoint(0x4e00 + index)).join('');
    rememberBoardGlyphs(workspaceId, boardId, { regular: many, bold: '営業' });
    expect(readBoardGlyphs(workspaceId, boardId)).toBeNull();
    rememberBoardGlyphs(workspaceId, boardId, { regular: '予算', bold: '営業' });
    await deleteBoard(workspaceId, boardId);
    expect(readBoardGlyphs(workspaceId, boardId)).toBeNull();
  });

  it('unreadable kept characters are ignored: the fonts are asked for once the document is read', async () => {
    const workspaceId = await createWorkspace('Fonts');
    const boardId = await createPersonaBoard(workspaceId, '情シス部長');
    localStorage.setItem(localKeys.boardGlyphs(workspaceId, boardId), '{"regular": 3');
    expect(readBoardGlyphs(workspaceId, boardId)).toBeNull();
    const fonts = installFonts();
    const ready = prefetchBoardDoc(workspaceId, boardId, 'en', 50);
    expect(fonts.load).not.toHaveBeenCalled();
    fonts.settle();
    await ready;
    await waitFor(() => expect(fonts.load.mock.calls.map(([, text]) => text).join('')).toContain('情'));
    await waitFor(() => expect(readBoardGlyphs(workspaceId, boardId)?.regular).toContain('情'));
  });
});

describe('opening the app on a board (prefetchStartData)', () => {
  it('loads the board’s doc and asks for its fonts (the department marks in the language asked for) before the page renders', async () => {
    const workspaceId = await createWorkspace('Fonts');
    await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '' });
    const boardId = await createPersonaBoard(workspaceId, '情シス部長');
    const fonts = installFonts();
    const ready = prefetchStartData(`/w/${workspaceId}/b/${boardId}`, 'ja');
    // Before any page: the doc y-dexie will give the page is loading, one reference taken.
    const doc = DexieYProvider.getOrCreateDocument(db, 'boards', 'doc', [workspaceId, boardId]);
    expect(DexieYProvider.for(doc)?.refCount).toBe(1);
    await ready;
    expect(doc.isLoaded).toBe(true);
    // The fonts of the persona's name, the writer's name and the Japanese department marks (営業,
    // マーケティング) are asked for without the page, whatever language i18n is set to.
    await waitFor(() => expect(fonts.load.mock.calls.map(([, text]) => text).join('')).toContain('鈴'));
    const asked = fonts.load.mock.calls.map(([, text]) => text).join('');
    for (const character of '情シス部長鈴木営業マーケティング') expect(asked).toContain(character);
    // The funnel board's page reads ahead the same way.
    const funnel = prefetchStartData(`/w/${workspaceId}/funnel/${boardId}-funnel`, 'en');
    expect(DexieYProvider.for(DexieYProvider.getOrCreateDocument(db, 'boards', 'doc', [workspaceId, `${boardId}-funnel`]))?.refCount).toBe(1);
    await funnel;
  });

  it('the page opens the doc loaded ahead (the same Y.Doc, its load under way), and the early reference is given back after its time while the page keeps the doc', async () => {
    const workspaceId = await createWorkspace('Fonts');
    const boardId = await createPersonaBoard(workspaceId, 'Persona');
    installFonts().settle();
    const ready = prefetchBoardDoc(workspaceId, boardId, 'en', 200);
    const doc = DexieYProvider.getOrCreateDocument(db, 'boards', 'doc', [workspaceId, boardId]);
    const { result, unmount } = renderHook(() => useOpenBoard(workspaceId, boardId));
    await ready;
    await waitFor(() => expect(result.current.loaded).toEqual({ doc }));
    expect(DexieYProvider.for(doc)?.refCount).toBe(2);
    await waitFor(() => expect(DexieYProvider.for(doc)?.refCount).toBe(1), { timeout: 2_000 });
    expect(result.current.generation).toBe(0);
    unmount();
  });
});
