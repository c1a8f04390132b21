/**
 * The app side of the board benchmark: the real board page (BoardPage → BoardCanvas, with the
 * app's providers, theme and fonts) on a board read from the app's IndexedDB database.
 *
 *   board.html?mode=seed&n=1000&ws=…&board=…  writes a workspace, its members and a board whose
 *                                              Y.Doc holds n notes (through y-dexie, as the app does)
 *   board.html?mode=open&n=1000&ws=…&board=…  opens that board in a fresh page (see probe.ts)
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '../../renderer/src/theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { addNodes, newSticky } from '../../shared/board/doc';
import { AppProvider, applyTheme } from '../../renderer/src/app/AppContext';
import { db } from '../../renderer/src/db/db';
import { purgeDeletedWorkspaces } from '../../renderer/src/db/workspaces';
import { prefetchBoardDoc } from '../../renderer/src/features/board/useOpenBoard';
import { BoardPage } from '../../renderer/src/features/personas/PersonaBoardPage';
import { AudienceProvider } from '../../renderer/src/features/audience/AudienceContext';
import { RoomsProvider } from '../../renderer/src/features/rooms/RoomsContext';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { initI18n, loadLanguage } from '../../renderer/src/i18n';
import { prefetchWorkspace } from '../../renderer/src/ui/WorkspaceGate';
import { BENCH_MEMBERS, benchStickies, selectionIds } from './boardData';
import { installProbe } from './probe';

declare global {
  interface Window {
    benchSeed?: { done: boolean; ms: number; error: string | null };
  }
}

const params = new URLSearchParams(window.location.search);
const mode = params.get('mode');
const count = Number(params.get('n') ?? '1000');
const workspaceId = params.get('ws') ?? 'bench-ws';
const boardId = params.get('board') ?? 'bench-board';

async function seed(): Promise<void> {
  const started = performance.now();
  const now = new Date().toISOString();
  const doc = new Y.Doc();
  addNodes(
    doc,
    benchStickies(count).map((note) => ({
      id: note.id,
      data: newSticky({ x: note.x, y: note.y, department: note.department, authorId: note.authorId, text: note.text }),
    })),
    null,
  );
  // As createPersonaBoard does: the board row carries the Y.Doc and y-dexie stores its content.
  await db.transaction('rw', db.tables, async () => {
    await db.workspaces.add({ id: workspaceId, name: `Bench ${count}`, createdAt: now, updatedAt: now, deletedAt: null });
    await db.members.bulkAdd(BENCH_MEMBERS.map((member) => ({ ...member, workspaceId, createdAt: now, updatedAt: now })));
    await db.boards.add({ workspaceId, id: boardId, kind: 'persona', name: `Bench board (${count} notes)`, createdAt: now, updatedAt: now, agreement: null, doc });
  });
  doc.destroy();
  db.close();
  window.benchSeed = { done: true, ms: performance.now() - started, error: null };
}

async function open(): Promise<void> {
  const probe = installProbe(count, selectionIds(count));
  // Times the app's own load call (BoardPage calls DexieYProvider.load) without changing it.
  const load = DexieYProvider.load.bind(DexieYProvider);
  DexieYProvider.load = (doc, options) => {
    probe.mark('docLoadStart');
    const provider = load(doc, options);
    void provider.whenLoaded.then(() => probe.mark('docLoaded'));
    return provider;
  };
  // What renderer/src/main.tsx does, with the board page in place of the router: the database
  // opens while the settings and the language load; deleted workspaces are purged.
  void db.open().catch(() => undefined);
  const host = createBrowserHost();
  const { settings, problem } = await host.getSettings();
  // As main.tsx on a board page: the language first, then (prefetchStartData) the workspace and the
  // board's doc load while the language does.
  const messages = loadLanguage('en');
  void prefetchWorkspace(workspaceId);
  void prefetchBoardDoc(workspaceId, boardId, 'en');
  await messages;
  const i18n = initI18n('en');
  applyTheme(settings.theme);
  void purgeDeletedWorkspaces().catch((error: unknown) => console.error('purge failed', error));
  probe.mark('renderStart');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProvider host={host} initialSettings={settings} settingsProblem={problem}>
          {/* As in the app: a persona board offers its room and the projector (App wraps every page in both providers). */}
          <RoomsProvider>
            <AudienceProvider>
              <main id="main" tabIndex={-1}>
                <BoardPage workspaceId={workspaceId} boardId={boardId} />
              </main>
            </AudienceProvider>
          </RoomsProvider>
        </AppProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

if (mode === 'seed') {
  seed().catch((error: unknown) => {
    window.benchSeed = { done: true, ms: 0, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  });
} else {
  void open();
}
