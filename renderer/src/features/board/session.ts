import type { ReactFlowInstance } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { defaultPromoteField, dotsUsed, nearestPersonaId, nodesMap, readNode, readVote, voteMap, type VoteState } from '../../../../shared/board/doc';
import { PERSONA_TEXT_FIELDS, STICKY_SIZE, type PersonaNodeData, type PersonaTextField } from '../../../../shared/board/nodes';
import { PERSONA_CARD } from '../../../../shared/board/personaTemplate';
import type { Member } from '../../../../shared/records/member';
import { db } from '../../db/db';
import { nowIso } from '../../db/ids';
import { clipboardSize, getClipboard, makeClipboard, placeItems, setClipboard } from './clipboard';
import { BoardController } from './controller';
import { dialogOpen, keyTargetOf, nodeElement } from './dom';
import { boardCommand, GRID, type BoardCommand } from './keyboard';
import { nodeLabel, type LabelContext } from './labels';
import { applyPatch, findFreeSpot, firstInReadingOrder, nodeRect, observeNodes, readAppNodes, readingOrder, snap } from './mapping';
import type { PromoteRequest } from './PromoteDialog';
import { createStore, patchStore, type Store } from './store';
import type { AppNode } from './types';
import { JOINT, rememberWriter, writerFields, writerOrder, type Writer } from './writer';

export type Notifier = {
  info(message: string): void;
  success(message: string): void;
  warning(message: string): void;
  error(message: string): void;
};

export type SaveStatus = 'saved' | 'saving';

/** Everything the board UI shows besides the nodes. Ephemeral: none of it is persisted. */
export type BoardUi = {
  started: boolean;
  labels: LabelContext;
  members: ReadonlyMap<string, Member>;
  /** Members in "who is writing" order: member n has key n. */
  writers: readonly Member[];
  writer: Writer;
  editingId: string | null;
  /** The node with keyboard focus (the canvas's one Tab stop). */
  focusedId: string | null;
  snapOn: boolean;
  vote: VoteState;
  /** Notes with the current writer's dot in the active round. */
  myDots: ReadonlySet<string>;
  history: { canUndo: boolean; canRedo: boolean };
  saveStatus: SaveStatus;
  promote: PromoteRequest | null;
  panelPersonaId: string | null;
  startVoteOpen: boolean;
  /** The user's choice for this board; null: the theme's default (hidden on the projector). */
  legendShown: boolean | null;
  /** For the polite live region: what the last keyboard action did. */
  announcement: string;
};

type EditSession = { isNew: boolean; wrote: boolean };

/** Where pastes of the same clipboard land relative to each other. */
const PASTE_OFFSET = 24;
/** How often at most a board edit bumps the board's and workspace's "last edited". */
const TOUCH_EVERY_MS = 10_000;

type DocMeta = { db?: { transaction: typeof db.transaction; table: typeof db.table }; updatesTable?: string };

/**
 * One open board: its controller (edits and undo), React Flow's node array derived from the Y.Doc,
 * and the board's UI state, in plain stores outside React. Components subscribe to slices
 * (useSyncExternalStore) and call these methods from their event handlers; `start()` (from an
 * effect) attaches to the doc, the window's keyboard and IndexedDB, and returns the detach.
 */
export class BoardSession {
  readonly ui: Store<BoardUi>;
  readonly nodes: Store<AppNode[]>;
  private controllerRef: BoardController | null = null;
  private flow: ReactFlowInstance<AppNode> | null = null;
  private container: HTMLElement | null = null;
  private readonly notify: Notifier;
  private readonly editors = new Map<string, () => string | null>();
  private readonly sessions = new Map<string, EditSession>();

  constructor(
    readonly doc: Y.Doc,
    readonly workspaceId: string,
    readonly boardId: string,
    options: { t: TFunction; language: string; members: readonly Member[]; writer: Writer; notify: Notifier },
  ) {
    this.notify = options.notify;
    this.nodes = createStore(readAppNodes(nodesMap(doc)));
    const members = new Map(options.members.map((member) => [member.id, member]));
    this.ui = createStore<BoardUi>({
      started: false,
      labels: { t: options.t, language: options.language, members },
      members,
      writers: writerOrder(options.members, options.language),
      writer: options.writer,
      editingId: null,
      focusedId: null,
      snapOn: false,
      vote: readVote(doc),
      myDots: new Set(),
      history: { canUndo: false, canRedo: false },
      saveStatus: 'saved',
      promote: null,
      panelPersonaId: null,
      startVoteOpen: false,
      legendShown: null,
      announcement: '',
    });
  }

  get controller(): BoardController {
    if (!this.controllerRef) throw new Error('board session not started');
    return this.controllerRef;
  }

  private get t(): TFunction {
    return this.ui.get().labels.t;
  }

  // ------------------------------------------------------------------------------------------
  // Life cycle and context
  // ------------------------------------------------------------------------------------------

  start(): () => void {
    const controller = new BoardController(this.doc);
    this.controllerRef = controller;
    const stops: (() => void)[] = [];

    // Nodes: one read now, then patches of only what each transaction touched.
    this.nodes.set(readAppNodes(nodesMap(this.doc)));
    stops.push(
      observeNodes(nodesMap(this.doc), (patch, transaction) => {
        this.nodes.update((current) => applyPatch(current, patch));
        // Undo and redo select what they brought back or changed, so the next key acts on it.
        if (transaction.origin === controller.undoManager) {
          const touched = [...patch].filter(([, data]) => data !== null).map(([id]) => id);
          if (touched.length > 0) this.select(touched);
        }
      }),
    );

    const votes = voteMap(this.doc);
    const onVote = () => this.refreshVote();
    votes.observeDeep(onVote);
    stops.push(() => votes.unobserveDeep(onVote));
    this.refreshVote();

    const manager = controller.undoManager;
    const onStack = () => this.refreshHistory();
    const events = ['stack-item-added', 'stack-item-popped', 'stack-item-updated', 'stack-cleared'] as const;
    for (const event of events) manager.on(event, onStack);
    stops.push(() => events.forEach((event) => manager.off(event, onStack)));
    this.refreshHistory();

    stops.push(this.watchSaves());

    // Capture phase on window: before the app's global shortcuts (N = new workspace) and React
    // Flow's listeners, and only for keys the board's map claims.
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event);
    window.addEventListener('keydown', onKeyDown, true);
    stops.push(() => window.removeEventListener('keydown', onKeyDown, true));

    patchStore(this.ui, { started: true });
    return () => {
      this.flushEditing();
      for (const stop of stops) stop();
      controller.destroy();
      this.controllerRef = null;
      patchStore(this.ui, { started: false });
    };
  }

  /** The UI language and the workspace's members, as they change. */
  setContext(t: TFunction, language: string, members: readonly Member[]): void {
    const memberMap = new Map(members.map((member) => [member.id, member]));
    patchStore(this.ui, { labels: { t, language, members: memberMap }, members: memberMap, writers: writerOrder(members, language) });
    this.refreshVote();
  }

  attachFlow(flow: ReactFlowInstance<AppNode>): void {
    this.flow = flow;
  }

  /** Ref callback of the canvas element. */
  readonly setContainer = (element: HTMLElement | null): void => {
    this.container = element;
  };

  readonly subscribeAll = (listener: () => void): (() => void) => {
    const a = this.ui.subscribe(listener);
    const b = this.nodes.subscribe(listener);
    return () => {
      a();
      b();
    };
  };

  private refreshVote(): void {
    const vote = readVote(this.doc);
    const writer = this.ui.get().writer;
    const mine = writer.kind === 'member' ? vote.dots.filter((dot) => dot.voter === writer.id).map((dot) => dot.note) : [];
    const previous = this.ui.get().myDots;
    const same = previous.size === mine.length && mine.every((id) => previous.has(id));
    patchStore(this.ui, { vote, myDots: same ? previous : new Set(mine) });
  }

  private refreshHistory(): void {
    const controller = this.controllerRef;
    if (!controller) return;
    const history = this.ui.get().history;
    if (history.canUndo === controller.canUndo() && history.canRedo === controller.canRedo()) return;
    patchStore(this.ui, { history: { canUndo: controller.canUndo(), canRedo: controller.canRedo() } });
  }

  announce(message: string): void {
    const previous = this.ui.get().announcement;
    // The same message twice in a row still has to be read out.
    patchStore(this.ui, { announcement: previous === message ? `${message}\u00a0` : message });
  }

  /**
   * "Saving…" from a local edit until IndexedDB has committed it, then "Saved". y-dexie appends
   * each update to its updates table; a read-only transaction on that table opened after the write
   * runs only once the write has committed (IndexedDB orders overlapping transactions), so when it
   * completes the edit is on disk. Also keeps the board's and workspace's "last edited" current.
   */
  private watchSaves(): () => void {
    const meta = this.doc.meta as DocMeta | undefined;
    let generation = 0;
    let lastTouch = 0;
    let touchTimer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      lastTouch = Date.now();
      touchTimer = undefined;
      const now = nowIso();
      void db
        .transaction('rw', db.boards, db.workspaces, async () => {
          await db.boards.update([this.workspaceId, this.boardId], { updatedAt: now });
          await db.workspaces.update(this.workspaceId, { updatedAt: now });
        })
        .catch((error: unknown) => console.warn('could not update the last-edited time', error));
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin instanceof DexieYProvider) return; // read from disk, not an edit
      const mine = ++generation;
      patchStore(this.ui, { saveStatus: 'saving' });
      touchTimer ??= setTimeout(touch, Math.max(0, lastTouch + TOUCH_EVERY_MS - Date.now()));
      if (!meta?.db || !meta.updatesTable) return;
      const { db: database, updatesTable } = meta;
      // Next task: by then y-dexie has opened its write transaction, so ours is ordered after it.
      setTimeout(() => {
        void database
          .transaction('r', updatesTable, () => database.table(updatesTable).limit(1).count())
          .then(() => {
            if (mine === generation) patchStore(this.ui, { saveStatus: 'saved' });
          })
          .catch((error: unknown) => console.warn('could not confirm the save', error));
      }, 0);
    };
    this.doc.on('updateV2', onUpdate);
    return () => {
      this.doc.off('updateV2', onUpdate);
      if (touchTimer) {
        clearTimeout(touchTimer);
        touch();
      }
    };
  }

  // ------------------------------------------------------------------------------------------
  // What React Flow renders
  // ------------------------------------------------------------------------------------------

  private decorated = {
    cache: new WeakMap<AppNode, { key: string; node: AppNode }>(),
    /** Accessible names by node data: a drag replaces node objects but not their data. */
    names: new WeakMap<object, { key: string; name: string }>(),
    labels: null as LabelContext | null,
    inputs: [] as unknown[],
    result: [] as AppNode[],
  };

  /** The node that Tab enters the canvas on: the focused one, else the first in reading order. */
  tabStopId(): string | null {
    const nodes = this.nodes.get();
    const focused = this.ui.get().focusedId;
    if (focused && nodes.some((node) => node.id === focused)) return focused;
    return firstInReadingOrder(nodes)?.id ?? null;
  }

  /**
   * React Flow's nodes: ours plus accessible name, roving tab index and role description. Cached
   * per node object, so a patch that replaced one node decorates one node; the same array comes
   * back while nothing changed (a useSyncExternalStore snapshot).
   */
  readonly flowNodes = (): AppNode[] => {
    const ui = this.ui.get();
    const nodes = this.nodes.get();
    const tabStop = this.tabStopId();
    const hintId = `board-node-hint-${this.boardId}`;
    const inputs = [nodes, tabStop, ui.myDots, ui.vote.active, ui.labels];
    const memo = this.decorated;
    if (memo.inputs.length === inputs.length && memo.inputs.every((value, index) => Object.is(value, inputs[index]))) return memo.result;
    if (memo.labels !== ui.labels) {
      memo.cache = new WeakMap();
      memo.names = new WeakMap();
      memo.labels = ui.labels;
    }
    memo.inputs = inputs;
    memo.result = nodes.map((node) => {
      const myDot = ui.vote.active && ui.myDots.has(node.id);
      const key = `${node.id === tabStop ? 1 : 0}${myDot ? 1 : 0}${ui.vote.active ? 1 : 0}`;
      const hit = memo.cache.get(node);
      if (hit?.key === key) return hit.node;
      let name = memo.names.get(node.data);
      if (name?.key !== key) {
        name = { key, name: nodeLabel(node, ui.labels, { myDot, voting: ui.vote.active }) };
        memo.names.set(node.data, name);
      }
      const next = {
        ...node,
        ariaLabel: name.name,
        domAttributes: {
          tabIndex: node.id === tabStop ? 0 : -1,
          'aria-roledescription': ui.labels.t(`board.roleDescription.${node.type}`),
          'aria-describedby': hintId,
        },
      } as AppNode;
      memo.cache.set(node, { key, node: next });
      return next;
    });
    return memo.result;
  };

  // ------------------------------------------------------------------------------------------
  // Focus, selection, visibility
  // ------------------------------------------------------------------------------------------

  select(ids: Iterable<string>): void {
    const wanted = new Set(ids);
    this.nodes.update((current) =>
      current.map((node) => ((node.selected ?? false) === wanted.has(node.id) ? node : { ...node, selected: wanted.has(node.id) })),
    );
  }

  /** Local UI changes reported by React Flow (drag in progress, selection, measured size). */
  applyLocal(change: (nodes: AppNode[]) => AppNode[]): void {
    this.nodes.update(change);
  }

  noteFocus(id: string | null): void {
    patchStore(this.ui, { focusedId: id });
  }

  private revealNode(id: string): void {
    const flow = this.flow;
    const container = this.container;
    const internal = flow?.getInternalNode(id);
    if (!flow || !internal || !container) return;
    const { x, y, zoom } = flow.getViewport();
    const width = internal.measured.width ?? STICKY_SIZE.width;
    const height = internal.measured.height ?? STICKY_SIZE.height;
    const at = internal.internals.positionAbsolute;
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const inside = left >= 0 && top >= 0 && left + width * zoom <= container.clientWidth && top + height * zoom <= container.clientHeight;
    if (!inside) void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom, duration: 200 });
  }

  /** Runs `then` once the node is on screen (React Flow shows a node after measuring it). */
  private whenShown(id: string, then: (element: HTMLElement) => void): void {
    let frames = 0;
    const attempt = () => {
      const element = nodeElement(this.container, id);
      if (element && element.style.visibility !== 'hidden') then(element);
      else if (frames++ < 60) requestAnimationFrame(attempt);
    };
    attempt();
  }

  focusNode(id: string, options: { select?: boolean } = {}): void {
    if (options.select) this.select([id]);
    this.noteFocus(id);
    this.whenShown(id, (element) => {
      element.focus({ preventScroll: true });
      this.revealNode(id);
    });
  }

  private focusedNodeId(): string | null {
    const active = document.activeElement;
    if (!active || !this.container?.contains(active)) return null;
    return active.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
  }

  /** Moves focus to the node after (or before) `id` in reading order; false at the end. */
  focusNeighbour(id: string, backwards: boolean): boolean {
    const order = readingOrder(this.nodes.get());
    const index = order.findIndex((node) => node.id === id);
    const next = index < 0 ? order[0] : order[index + (backwards ? -1 : 1)];
    if (!next) return false;
    this.focusNode(next.id, { select: true });
    return true;
  }

  /** What an action applies to: the selection, or else the focused node. */
  private targetIds(): string[] {
    const selected = this.nodes
      .get()
      .filter((node) => node.selected)
      .map((node) => node.id);
    if (selected.length > 0) return selected;
    const focused = this.focusedNodeId();
    return focused ? [focused] : [];
  }

  /** The note a single-note action applies to: the focused note, or the only selected one. */
  targetSticky(): string | null {
    const nodes = this.nodes.get();
    const focused = this.focusedNodeId();
    const focusedNode = focused ? nodes.find((node) => node.id === focused) : undefined;
    if (focusedNode?.type === 'sticky') return focusedNode.id;
    const selected = nodes.filter((node) => node.selected && node.type === 'sticky');
    return selected.length === 1 ? selected[0]!.id : null;
  }

  private viewportCentre(): { x: number; y: number } | null {
    if (!this.flow || !this.container) return null;
    const rect = this.container.getBoundingClientRect();
    return this.flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }

  // ------------------------------------------------------------------------------------------
  // Editing text
  // ------------------------------------------------------------------------------------------

  /** The open editor tells the board how to read its text, so switching notes never drops typing. */
  registerEditor(id: string, read: () => string | null): () => void {
    this.editors.set(id, read);
    return () => {
      if (this.editors.get(id) === read) this.editors.delete(id);
    };
  }

  /** Saves the text of a note being edited; `done` also leaves editing and moves focus. */
  commitText(id: string, text: string, how: { done: boolean; focus?: 'node' | 'next' | 'previous' }): void {
    const controller = this.controllerRef;
    if (!controller) return;
    const session = this.sessions.get(id) ?? { isNew: false, wrote: false };
    const data = readNode(this.doc, id);
    if (data?.type === 'sticky') {
      if (how.done && session.isNew && !text.trim()) {
        controller.abandonNewSticky(id);
      } else if (text !== data.text) {
        // A new note and the text typed into it are one undo step; so is one editing session.
        controller.setText(id, text, { merge: session.isNew || session.wrote });
        session.wrote = true;
      }
    }
    if (!how.done) {
      this.sessions.set(id, session);
      return;
    }
    this.sessions.delete(id);
    if (this.ui.get().editingId === id) patchStore(this.ui, { editingId: null });
    this.refreshHistory();
    const stillThere = readNode(this.doc, id) !== null;
    if (how.focus === 'node' && stillThere) this.focusNode(id);
    else if (how.focus === 'next' || how.focus === 'previous') this.focusNeighbour(id, how.focus === 'previous');
    else if (how.focus === 'node') this.focusNeighbour(id, false);
  }

  /** Saves and closes the open editor, if any (before another action takes focus away). */
  flushEditing(except?: string): void {
    const editing = this.ui.get().editingId;
    if (!editing || editing === except) return;
    const text = this.editors.get(editing)?.();
    if (text !== null && text !== undefined) this.commitText(editing, text, { done: true });
    else patchStore(this.ui, { editingId: null });
  }

  startEdit(id: string): void {
    if (readNode(this.doc, id)?.type !== 'sticky') return;
    this.flushEditing(id);
    if (!this.sessions.has(id)) this.sessions.set(id, { isNew: false, wrote: false });
    this.select([id]);
    patchStore(this.ui, { editingId: id, focusedId: id });
  }

  // ------------------------------------------------------------------------------------------
  // Notes and the selection
  // ------------------------------------------------------------------------------------------

  createSticky(): void {
    const centre = this.viewportCentre();
    const controller = this.controllerRef;
    if (!centre || !controller) return;
    this.flushEditing();
    const nodes = this.nodes.get();
    const obstacles = nodes.filter((node) => node.type !== 'zone').map(nodeRect);
    // Notes grow with their text (and with the projector theme's type): leave room for the
    // tallest one shown, so a row of new notes does not overlap the next.
    const tallest = Math.max(STICKY_SIZE.height, ...nodes.filter((node) => node.type === 'sticky').map((node) => Math.min(400, node.measured?.height ?? 0)));
    let spot = findFreeSpot(centre, { width: STICKY_SIZE.width, height: tallest }, obstacles);
    if (this.ui.get().snapOn) spot = snap(spot, GRID);
    const ui = this.ui.get();
    const fields = writerFields(ui.writer, ui.members);
    const id = controller.createSticky({ ...spot, ...fields });
    this.sessions.set(id, { isNew: true, wrote: false });
    this.select([id]);
    patchStore(this.ui, { editingId: id, focusedId: id });
    this.whenShown(id, () => this.revealNode(id));
    const author = fields.authorId ? (ui.members.get(fields.authorId)?.name ?? '') : this.t('board.department.joint');
    this.announce(this.t('board.announce.created', { author }));
  }

  deleteTargets(): boolean {
    const ids = this.targetIds();
    if (ids.length === 0) return false;
    const doomed = new Set(ids);
    const order = readingOrder(this.nodes.get());
    const first = order.findIndex((node) => doomed.has(node.id));
    const next =
      order.slice(first + 1).find((node) => !doomed.has(node.id)) ??
      order
        .slice(0, first)
        .reverse()
        .find((node) => !doomed.has(node.id));
    const editing = this.ui.get().editingId;
    if (editing && doomed.has(editing)) patchStore(this.ui, { editingId: null });
    this.controller.deleteNodes(ids);
    this.refreshHistory();
    this.announce(this.t('board.announce.deleted', { count: ids.length }));
    if (next) this.focusNode(next.id, { select: true });
    return true;
  }

  copyTargets(cut: boolean): boolean {
    const ids = new Set(this.targetIds());
    const chosen = this.nodes.get().filter((node) => ids.has(node.id));
    const clipboard = makeClipboard(chosen, cut);
    if (!clipboard) return false;
    this.flushEditing();
    setClipboard(clipboard);
    if (cut) {
      this.controller.deleteNodes(ids);
      this.refreshHistory();
    }
    this.announce(this.t(cut ? 'board.announce.cut' : 'board.announce.copied', { count: chosen.length }));
    return true;
  }

  hasClipboard(): boolean {
    return getClipboard() !== null;
  }

  paste(): boolean {
    const clipboard = getClipboard();
    const centre = this.viewportCentre();
    if (!clipboard || !centre) {
      this.announce(this.t('board.announce.nothingToPaste'));
      return true;
    }
    this.flushEditing();
    const size = clipboardSize(clipboard.items, (data) => (data.type === 'zone' ? data : data.type === 'sticky' ? STICKY_SIZE : PERSONA_CARD));
    const shift = clipboard.pastes * PASTE_OFFSET;
    let at = { x: centre.x - size.width / 2 + shift, y: centre.y - size.height / 2 + shift };
    if (this.ui.get().snapOn) at = snap(at, GRID);
    const added = this.controller.addNodes(placeItems(clipboard.items, at, () => crypto.randomUUID(), { keepResults: clipboard.cut }));
    clipboard.pastes++;
    this.refreshHistory();
    this.select(added);
    this.announce(this.t('board.announce.pasted', { count: added.length }));
    return true;
  }

  duplicateTargets(): boolean {
    const ids = new Set(this.targetIds());
    const chosen = this.nodes.get().filter((node) => ids.has(node.id));
    const clipboard = makeClipboard(chosen, false);
    if (!clipboard) return false;
    this.flushEditing();
    const left = Math.min(...chosen.map((node) => node.position.x));
    const top = Math.min(...chosen.map((node) => node.position.y));
    const at = { x: left + PASTE_OFFSET, y: top + PASTE_OFFSET };
    const added = this.controller.addNodes(placeItems(clipboard.items, at, () => crypto.randomUUID(), { keepResults: false }));
    this.refreshHistory();
    this.select(added);
    if (added.length === 1) this.focusNode(added[0]!);
    this.announce(this.t('board.announce.duplicated', { count: added.length }));
    return true;
  }

  moveTargets(dx: number, dy: number, repeat: boolean): boolean {
    const ids = new Set(this.targetIds());
    const moving = this.nodes.get().filter((node) => ids.has(node.id));
    if (moving.length === 0) return false;
    const snapOn = this.ui.get().snapOn;
    const positions = moving.map((node) => {
      const moved = { x: node.position.x + dx, y: node.position.y + dy };
      return { id: node.id, ...(snapOn ? snap(moved, GRID) : moved) };
    });
    // Holding an arrow key down is one undo step.
    this.controller.moveNodes(positions, { merge: repeat });
    this.refreshHistory();
    if (moving.length === 1) this.whenShown(moving[0]!.id, () => this.revealNode(moving[0]!.id));
    return true;
  }

  /** A drop of dragged nodes: all their positions in one transaction, one undo step. */
  drop(dropped: readonly AppNode[]): void {
    this.controller.moveNodes(dropped.map((node) => ({ id: node.id, x: node.position.x, y: node.position.y })));
    this.refreshHistory();
  }

  selectAll(): void {
    const nodes = this.nodes.get();
    this.select(nodes.map((node) => node.id));
    this.announce(this.t('board.announce.selectedAll', { count: nodes.length }));
  }

  toggleSnap(): void {
    const snapOn = !this.ui.get().snapOn;
    patchStore(this.ui, { snapOn });
    this.announce(this.t(snapOn ? 'board.announce.snapOn' : 'board.announce.snapOff'));
  }

  zoom(how: 'in' | 'out' | 'fit'): void {
    if (how === 'in') void this.flow?.zoomIn({ duration: 150 });
    else if (how === 'out') void this.flow?.zoomOut({ duration: 150 });
    else void this.flow?.fitView({ padding: 0.15, duration: 200 });
  }

  undoOrRedo(which: 'undo' | 'redo'): void {
    this.flushEditing();
    const result = which === 'undo' ? this.controller.undo() : this.controller.redo();
    this.refreshHistory();
    if (result === 'superseded') this.notify.info(this.t('board.superseded'));
    else if (result === 'done') this.announce(this.t(which === 'undo' ? 'board.announce.undone' : 'board.announce.redone'));
  }

  // ------------------------------------------------------------------------------------------
  // Who is writing, voting
  // ------------------------------------------------------------------------------------------

  setWriter(writer: Writer): void {
    rememberWriter(this.workspaceId, writer);
    patchStore(this.ui, { writer });
    this.refreshVote();
  }

  /** Key 0 = joint, n = the n-th member of the picker. */
  pickWriter(index: number): boolean {
    const ui = this.ui.get();
    const member = index === 0 ? null : ui.writers[index - 1];
    if (index !== 0 && !member) return false;
    this.setWriter(member ? { kind: 'member', id: member.id } : JOINT);
    this.announce(this.t('board.writer.announce', { name: member ? member.name : this.t('board.writer.joint') }));
    return true;
  }

  private isNote = (id: string) => readNode(this.doc, id)?.type === 'sticky';

  dotsLeft(): number {
    const ui = this.ui.get();
    if (ui.writer.kind !== 'member') return 0;
    return ui.vote.dotsPerPerson - dotsUsed(ui.vote, ui.writer.id, this.isNote);
  }

  /** The current writer places or takes back their dot on a note. */
  castDot(noteId: string): void {
    const controller = this.controllerRef;
    if (!controller) return;
    const current = readVote(this.doc);
    if (!current.active) {
      this.notify.info(this.t('board.vote.closed'));
      return;
    }
    const ui = this.ui.get();
    const member = ui.writer.kind === 'member' ? ui.members.get(ui.writer.id) : undefined;
    if (!member) {
      this.notify.warning(this.t('board.vote.pickVoter'));
      return;
    }
    const result = controller.toggleDot(member.id, noteId);
    this.refreshHistory();
    const left = current.dotsPerPerson - dotsUsed(readVote(this.doc), member.id, this.isNote);
    switch (result) {
      case 'added':
        this.announce(this.t('board.vote.added', { name: member.name, left }));
        return;
      case 'removed':
        this.announce(this.t('board.vote.removed', { name: member.name, left }));
        return;
      case 'limit':
        this.notify.warning(this.t('board.vote.limit', { name: member.name, count: current.dotsPerPerson }));
        return;
      case 'not-a-note':
        this.notify.info(this.t('board.vote.notANote'));
        return;
      case 'closed':
        this.notify.info(this.t('board.vote.closed'));
    }
  }

  setStartVoteOpen(open: boolean): void {
    patchStore(this.ui, { startVoteOpen: open });
  }

  startVote(dots: number, anonymous: boolean): void {
    this.flushEditing();
    this.controller.startVote(dots, anonymous);
    this.refreshHistory();
    this.notify.success(this.t('board.vote.started', { count: dots }));
  }

  revealVote(): void {
    const totals = this.controller.revealVote();
    this.refreshHistory();
    this.notify.success(this.t('board.vote.revealed', { count: totals.size }));
  }

  cancelVote(): void {
    this.controller.cancelVote();
    this.refreshHistory();
    this.notify.info(this.t('board.vote.cancelled'));
  }

  clearVoteResults(): void {
    this.controller.clearVoteResults();
    this.refreshHistory();
    this.notify.info(this.t('board.vote.cleared'));
  }

  // ------------------------------------------------------------------------------------------
  // Promote, panels
  // ------------------------------------------------------------------------------------------

  openPromote(id: string | null): void {
    if (!id) {
      this.notify.info(this.t('board.promoteDialog.notSticky'));
      return;
    }
    this.flushEditing();
    const all = this.controller.nodes();
    const data = all.get(id);
    if (data?.type !== 'sticky') {
      this.notify.info(this.t('board.promoteDialog.notSticky'));
      return;
    }
    const personaId = nearestPersonaId(all, { x: data.x, y: data.y });
    const persona = personaId ? (all.get(personaId) as PersonaNodeData) : null;
    if (!personaId || !persona) {
      this.notify.warning(this.t('board.promoteDialog.noPersona'));
      return;
    }
    const measured = this.nodes.get().find((node) => node.id === id)?.measured;
    const size = { width: measured?.width ?? STICKY_SIZE.width, height: measured?.height ?? STICKY_SIZE.height };
    patchStore(this.ui, {
      promote: {
        stickyId: id,
        text: data.text,
        personaId,
        personaName: persona.name || this.t('persona.unnamed'),
        suggested: defaultPromoteField(data, all.values(), size),
        current: Object.fromEntries(PERSONA_TEXT_FIELDS.map((field) => [field, persona[field]])) as Record<PersonaTextField, string>,
      },
    });
  }

  closePromote(): void {
    patchStore(this.ui, { promote: null });
  }

  promote(field: PersonaTextField): void {
    const request = this.ui.get().promote;
    patchStore(this.ui, { promote: null });
    if (!request) return;
    if (this.controller.promote(request.stickyId, request.personaId, field)) {
      this.refreshHistory();
      this.notify.success(this.t('board.promoteDialog.done', { field: this.t(`persona.fields.${field}`), name: request.personaName }));
    } else {
      this.notify.error(this.t('board.promoteDialog.gone'));
    }
  }

  openPersonaPanel(id: string | null): void {
    patchStore(this.ui, { panelPersonaId: id });
  }

  closePersonaPanel(): void {
    const id = this.ui.get().panelPersonaId;
    patchStore(this.ui, { panelPersonaId: null });
    if (id && readNode(this.doc, id)) this.focusNode(id);
  }

  setLegendShown(shown: boolean): void {
    patchStore(this.ui, { legendShown: shown });
  }

  // ------------------------------------------------------------------------------------------
  // Pointer
  // ------------------------------------------------------------------------------------------

  nodeClicked(node: AppNode): void {
    this.noteFocus(node.id);
    if (this.ui.get().vote.active && node.type === 'sticky') this.castDot(node.id);
  }

  nodeDoubleClicked(node: AppNode): void {
    if (node.type === 'sticky' && !this.ui.get().vote.active) this.startEdit(node.id);
    else if (node.type === 'persona') this.openPersonaPanel(node.id);
  }

  // ------------------------------------------------------------------------------------------
  // Keyboard
  // ------------------------------------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent): void {
    if (event.defaultPrevented || dialogOpen()) return;
    const command = boardCommand(event, keyTargetOf(event.target as Element | null), { snap: this.ui.get().snapOn });
    if (!command || !this.run(command)) return;
    event.preventDefault();
    event.stopPropagation();
  }

  /** Runs a command; false when it did not apply (the key then keeps its usual meaning). */
  run(command: BoardCommand): boolean {
    if (!this.controllerRef) return false;
    switch (command.type) {
      case 'undo':
      case 'redo':
        this.undoOrRedo(command.type);
        return true;
      case 'copy':
        return this.copyTargets(false);
      case 'cut':
        return this.copyTargets(true);
      case 'paste':
        return this.paste();
      case 'duplicate':
        return this.duplicateTargets();
      case 'selectAll':
        this.selectAll();
        return true;
      case 'delete':
        return this.deleteTargets();
      case 'newSticky':
        this.createSticky();
        return true;
      case 'edit': {
        const id = this.focusedNodeId();
        const node = id ? this.nodes.get().find((candidate) => candidate.id === id) : undefined;
        if (node?.type === 'sticky') this.startEdit(node.id);
        else if (node?.type === 'persona') this.openPersonaPanel(node.id);
        else return false;
        return true;
      }
      case 'clearSelection':
        if (!this.nodes.get().some((node) => node.selected)) return false;
        this.select([]);
        return true;
      case 'focusNext': {
        const id = this.focusedNodeId();
        return id ? this.focusNeighbour(id, command.backwards) : false;
      }
      case 'focusEnd': {
        const order = readingOrder(this.nodes.get());
        const node = command.last ? order.at(-1) : order[0];
        if (!node) return false;
        this.focusNode(node.id, { select: true });
        return true;
      }
      case 'move':
        return this.moveTargets(command.dx, command.dy, command.repeat);
      case 'zoomIn':
        this.zoom('in');
        return true;
      case 'zoomOut':
        this.zoom('out');
        return true;
      case 'fit':
        this.zoom('fit');
        return true;
      case 'toggleSnap':
        this.toggleSnap();
        return true;
      case 'writer':
        return this.pickWriter(command.index);
      case 'vote': {
        const id = this.targetSticky();
        if (!id) return false;
        this.castDot(id);
        return true;
      }
      case 'promote':
        this.openPromote(this.targetSticky());
        return true;
    }
  }
}
