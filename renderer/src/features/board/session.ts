import type { ReactFlowInstance } from '@xyflow/react';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { dotsUsed, nodesMap, readNode, readVote, voteMap, type VoteState } from '@shared/board/doc';
import { STICKY_SIZE } from '@shared/board/nodes';
import { historyFlags } from '@shared/history/history';
import type { Member } from '@shared/records/member';
import { watchBoardSaves, type SaveStatus } from '../../db/boardSaves';
import { clipboardSize, getClipboard, makeClipboard, placeItems, setClipboard } from './clipboard';
import { runBoardCommand } from './commands';
import { BoardController } from './controller';
import { nodeElement } from './dom';
import { nodeDecorator } from './flowNodes';
import { GRID, type BoardCommand } from './keyboard';
import type { LabelContext } from './labels';
import { applyPatch, findFreeSpot, firstInReadingOrder, nodeRect, observeNodes, readAppNodes, readingOrder, snap, toAppNode } from './mapping';
import type { NodeKinds } from './nodeKinds';
import { createStore, patchStore, type Store } from './store';
import type { AppNode } from './types';
import { JOINT, rememberWriter, writerFields, writerOrder, type Writer } from './writer';

export type { SaveStatus } from '../../db/boardSaves';

export type Notifier = {
  info(message: string): void;
  success(message: string): void;
  warning(message: string): void;
  error(message: string): void;
};

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
  /** The node whose kind's details panel is open beside the canvas. */
  panelNodeId: string | null;
  startVoteOpen: boolean;
  /** The user's choice for this board; null: the theme's default (hidden on the projector). */
  legendShown: boolean | null;
  /** For the polite live region: what the last keyboard action did. */
  announcement: string;
};

type EditSession = { isNew: boolean; wrote: boolean };

/** Where pastes of the same clipboard land relative to each other. */
const PASTE_OFFSET = 24;

/** What a board session is made with besides its doc. */
export type BoardSessionOptions = {
  t: TFunction;
  language: string;
  members: readonly Member[];
  writer: Writer;
  notify: Notifier;
  /** The node kinds this board shows (the engine knows kinds only through them). */
  kinds: NodeKinds<AppNode>;
  /** P on a note (the persona board promotes it into the persona). */
  onPromote?(session: BoardSession, stickyId: string | null): void;
};

/**
 * One open board: its controller (edits, and the board's History), React Flow's node array
 * derived from the Y.Doc, and the board's UI state, in plain stores outside React. Components
 * subscribe to slices (useSyncExternalStore) and call these methods from their event handlers;
 * `start()` (from an effect) attaches to the doc and IndexedDB, and returns the detach. Node
 * kinds come from the registry it is given (nodeKinds.ts), commands are run by commands.ts, the
 * save status is watched by db/boardSaves.ts, and the persona board's flows live in personas/.
 *
 * Every edit is a Y transaction on the doc, so anything else attached to the same doc sees it at
 * once: a read-only view of the board (flowNodes.ts over the same doc) or a room provider. Edits
 * arriving from such a provider patch the nodes like any other transaction and are never undone
 * here, since the controller's history tracks only this window's origin.
 */
export class BoardSession {
  readonly ui: Store<BoardUi>;
  readonly nodes: Store<AppNode[]>;
  private controllerRef: BoardController | null = null;
  private flow: ReactFlowInstance<AppNode> | null = null;
  private container: HTMLElement | null = null;
  readonly notify: Notifier;
  readonly kinds: NodeKinds<AppNode>;
  private readonly onPromote: BoardSessionOptions['onPromote'];
  private readonly decorate: ReturnType<typeof nodeDecorator>;
  private readonly editors = new Map<string, () => string | null>();
  private readonly sessions = new Map<string, EditSession>();
  /**
   * Whether the selection is being built one node at a time (Mod+Enter): Tab, Home and End then
   * move the focus and leave the selection as it is, where otherwise the selection follows the focus.
   */
  private buildingSelection = false;
  /** Whether the doc may have changed since `nodes` was read from it. */
  private nodesStale = false;
  private readonly markNodesStale = (): void => {
    this.nodesStale = true;
    this.doc.off('afterTransaction', this.markNodesStale);
  };

  constructor(
    readonly doc: Y.Doc,
    readonly workspaceId: string,
    readonly boardId: string,
    options: BoardSessionOptions,
  ) {
    this.notify = options.notify;
    this.kinds = options.kinds;
    this.onPromote = options.onPromote;
    this.decorate = nodeDecorator(options.kinds, `board-node-hint-${boardId}`, `board-node-selected-${boardId}`);
    this.nodes = createStore(readAppNodes(nodesMap(doc)));
    // start() reads the nodes again only if the doc changed since (reading 1000 notes takes tens of ms; issue 12).
    doc.on('afterTransaction', this.markNodesStale);
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
      panelNodeId: null,
      startVoteOpen: false,
      legendShown: null,
      announcement: '',
    });
  }

  get controller(): BoardController {
    if (!this.controllerRef) throw new Error('board session not started');
    return this.controllerRef;
  }

  get t(): TFunction {
    return this.ui.get().labels.t;
  }

  // ------------------------------------------------------------------------------------------
  // Life cycle and context
  // ------------------------------------------------------------------------------------------

  start(): () => void {
    const controller = new BoardController(this.doc);
    this.controllerRef = controller;
    const stops: (() => void)[] = [];

    // Nodes: one read now (unless the constructor's still holds), then patches of only what each transaction touched.
    if (this.nodesStale) this.nodes.set(readAppNodes(nodesMap(this.doc)));
    // After a stop, changes made until the next start are not seen.
    this.nodesStale = true;
    this.doc.off('afterTransaction', this.markNodesStale);
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

    const flags = historyFlags(controller.history);
    const onHistory = () => patchStore(this.ui, { history: flags() });
    stops.push(controller.history.subscribe(onHistory));
    onHistory();

    stops.push(watchBoardSaves(this.doc, this, (saveStatus) => patchStore(this.ui, { saveStatus })));

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

  /** After a change the history's subscribers are not told of (a new note abandoned with its step). */
  private refreshHistory(): void {
    const controller = this.controllerRef;
    if (!controller) return;
    patchStore(this.ui, { history: { canUndo: controller.canUndo(), canRedo: controller.canRedo() } });
  }

  announce(message: string): void {
    const previous = this.ui.get().announcement;
    // The same message twice in a row still has to be read out.
    patchStore(this.ui, { announcement: previous === message ? `${message}\u00a0` : message });
  }

  // ------------------------------------------------------------------------------------------
  // What React Flow renders
  // ------------------------------------------------------------------------------------------

  /** The node that Tab enters the canvas on: the focused one, else the first in reading order. */
  tabStopId(): string | null {
    const nodes = this.nodes.get();
    const focused = this.ui.get().focusedId;
    if (focused && nodes.some((node) => node.id === focused)) return focused;
    return firstInReadingOrder(nodes)?.id ?? null;
  }

  /** React Flow's nodes (see flowNodes.ts): the same array while nothing changed. */
  readonly flowNodes = (): AppNode[] => {
    const ui = this.ui.get();
    const nodes = this.nodes.get();
    const markSelected = this.keepsSelection() || severalSelected(nodes);
    return this.decorate(nodes, { tabStop: this.tabStopId(), myDots: ui.myDots, voting: ui.vote.active, markSelected, labels: ui.labels });
  };

  // ------------------------------------------------------------------------------------------
  // Focus, selection, visibility
  // ------------------------------------------------------------------------------------------

  select(ids: Iterable<string>): void {
    this.buildingSelection = false;
    const wanted = new Set(ids);
    this.nodes.update((current) =>
      current.map((node) => ((node.selected ?? false) === wanted.has(node.id) ? node : { ...node, selected: wanted.has(node.id) })),
    );
  }

  /** Local UI changes reported by React Flow (drag in progress, selection, measured size). */
  applyLocal(change: (nodes: AppNode[]) => AppNode[], options: { selected?: boolean } = {}): void {
    // A click chose what is selected: the selection follows the focus again.
    if (options.selected) this.buildingSelection = false;
    this.nodes.update(change);
  }

  /** Whether a move of the focus (Tab, Home, End) leaves the selection as it is. */
  keepsSelection(): boolean {
    if (this.buildingSelection && !this.nodes.get().some((node) => node.selected)) this.buildingSelection = false;
    return this.buildingSelection;
  }

  /**
   * Mod+Enter on a node: adds it to the selection, or takes it out, and from then on the focus
   * moves without changing the selection, so a keyboard user can pick some notes and not others
   * (as Shift+click does). The first press keeps the node that Tab selected with the focus.
   */
  toggleFocusedInSelection(): boolean {
    const id = this.focusedNodeId();
    const nodes = this.nodes.get();
    const node = id ? nodes.find((candidate) => candidate.id === id) : undefined;
    if (!node) return false;
    const selectedCount = nodes.filter((candidate) => candidate.selected).length;
    const onlyByFocus = !this.keepsSelection() && node.selected === true && selectedCount === 1;
    const adding = !node.selected || onlyByFocus;
    this.nodes.update((current) => current.map((candidate) => (candidate.id === node.id && (candidate.selected ?? false) !== adding ? { ...candidate, selected: adding } : candidate)));
    this.buildingSelection = true;
    const count = this.nodes.get().filter((candidate) => candidate.selected).length;
    this.announce(this.t(adding ? 'board.announce.addedToSelection' : 'board.announce.removedFromSelection', { count }));
    return true;
  }

  noteFocus(id: string | null): void {
    patchStore(this.ui, { focusedId: id });
  }

  revealNode(id: string): void {
    const flow = this.flow;
    const container = this.container;
    const internal = flow?.getInternalNode(id);
    if (!flow || !internal || !container) return;
    const { x, y, zoom } = flow.getViewport();
    const size = this.kinds.size(internal as unknown as AppNode);
    const width = internal.measured.width ?? size.width;
    const height = internal.measured.height ?? size.height;
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

  focusedNodeId(): string | null {
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
    this.focusNode(next.id, { select: !this.keepsSelection() });
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
    const obstacles = nodes.filter((node) => this.kinds.of(node).obstacle).map((node) => nodeRect(node, this.kinds.size(node)));
    // Notes grow with their text (and with the projector theme's type): leave room for the
    // tallest one shown, so a row of new notes does not overlap the next.
    const tallest = Math.max(STICKY_SIZE.height, ...nodes.filter((node) => node.type === 'sticky').map((node) => Math.min(400, node.measured?.height ?? 0)));
    let spot = findFreeSpot(centre, { width: STICKY_SIZE.width, height: tallest }, obstacles);
    if (this.ui.get().snapOn) spot = snap(spot, GRID);
    const ui = this.ui.get();
    const fields = writerFields(ui.writer, ui.members);
    const id = controller.createSticky({ ...spot, ...fields });
    // Shown at its starting size at once rather than a frame later, once React Flow has measured
    // it: its editor then takes the keyboard in the same task, so keys typed right after S reach
    // the note, not the board's shortcuts (on a busy machine that frame comes late).
    this.nodes.update((current) =>
      current.map((node) => (node.id === id && !node.measured ? { ...node, initialWidth: STICKY_SIZE.width, initialHeight: STICKY_SIZE.height } : node)),
    );
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
    const next = this.neighbourOutside(doomed);
    const editing = this.ui.get().editingId;
    if (editing && doomed.has(editing)) patchStore(this.ui, { editingId: null });
    this.controller.deleteNodes(ids);
    this.announce(this.t('board.announce.deleted', { count: ids.length }));
    if (next) this.focusNode(next.id, { select: true });
    else this.focusCanvas();
    return true;
  }

  /**
   * The node after `from` (by default the first of `gone`) in reading order that is not one of
   * `gone`, else the one before.
   */
  private neighbourOutside(gone: ReadonlySet<string>, order: readonly AppNode[] = readingOrder(this.nodes.get()), from?: string): AppNode | undefined {
    const first = order.findIndex((node) => (from ? node.id === from : gone.has(node.id)));
    if (first < 0) return undefined;
    return (
      order.slice(first + 1).find((node) => !gone.has(node.id)) ??
      order
        .slice(0, first)
        .reverse()
        .find((node) => !gone.has(node.id))
    );
  }

  /**
   * The canvas itself takes the focus when no node is left to take it (the last ones deleted, cut
   * or undone): the board's keys keep working and Tab carries on from the board, where the
   * page's body would start the keyboard over from the top of the page.
   */
  private focusCanvas(): void {
    this.container?.focus({ preventScroll: true });
  }

  copyTargets(cut: boolean): boolean {
    const ids = new Set(this.targetIds());
    const chosen = this.nodes.get().filter((node) => ids.has(node.id));
    const clipboard = makeClipboard(chosen, cut);
    if (!clipboard) return false;
    this.flushEditing();
    setClipboard(clipboard);
    if (cut) {
      // As Delete: the focus goes to the next node left (else the canvas), not to the page's body.
      const focused = this.focusedNodeId();
      const next = focused && ids.has(focused) ? this.neighbourOutside(ids, undefined, focused) : undefined;
      this.controller.deleteNodes(ids);
      if (next) this.focusNode(next.id, { select: true });
      else if (focused && ids.has(focused)) this.focusCanvas();
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
    const size = clipboardSize(clipboard.items, (data) => this.kinds.size(toAppNode('', data)));
    const shift = clipboard.pastes * PASTE_OFFSET;
    let at = { x: centre.x - size.width / 2 + shift, y: centre.y - size.height / 2 + shift };
    if (this.ui.get().snapOn) at = snap(at, GRID);
    const added = this.controller.addNodes(placeItems(clipboard.items, at, () => crypto.randomUUID(), { keepResults: clipboard.cut }));
    clipboard.pastes++;
    this.select(added);
    // As Duplicate: one pasted node takes the focus (after a cut, the focus was passed on to a neighbour).
    if (added.length === 1) this.focusNode(added[0]!);
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
    if (moving.length === 1) this.whenShown(moving[0]!.id, () => this.revealNode(moving[0]!.id));
    return true;
  }

  /** A drop of dragged nodes: all their positions in one transaction, one undo step. */
  drop(dropped: readonly AppNode[]): void {
    this.controller.moveNodes(dropped.map((node) => ({ id: node.id, x: node.position.x, y: node.position.y })));
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
    // A focused node that the step takes away (undoing its creation, redoing its deletion) passes
    // the focus on as Delete does, rather than dropping it to the page's body.
    const focused = this.focusedNodeId();
    const order = focused ? readingOrder(this.nodes.get()) : [];
    this.flushEditing();
    const result = which === 'undo' ? this.controller.undo() : this.controller.redo();
    if (result === 'superseded') this.notify.info(this.t('board.superseded'));
    else if (result === 'done') this.announce(this.t(which === 'undo' ? 'board.announce.undone' : 'board.announce.redone'));
    if (!focused || readNode(this.doc, focused)) return;
    const gone = new Set(order.filter((node) => !readNode(this.doc, node.id)).map((node) => node.id));
    const next = this.neighbourOutside(gone, order, focused);
    if (next) this.focusNode(next.id, { select: true });
    else this.focusCanvas();
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

  startVote(dots: number, anonymous: boolean, fresh = false): void {
    this.flushEditing();
    this.controller.startVote(dots, anonymous, fresh);
    this.notify.success(this.t('board.vote.started', { count: dots }));
  }

  /**
   * Once a vote starts, the focus goes to the first note to vote on — the note last focused, else
   * the first in reading order — where V places a dot and 1–9 pick the voter; the canvas when
   * there is no note. (The "Start dot vote" button that had it is gone with the running vote.)
   */
  focusFirstToVoteOn(): boolean {
    const nodes = this.nodes.get();
    const last = this.ui.get().focusedId;
    const note = nodes.find((node) => node.id === last && node.type === 'sticky') ?? readingOrder(nodes).find((node) => node.type === 'sticky');
    if (note) this.focusNode(note.id, { select: true });
    else this.focusCanvas();
    return true;
  }

  revealVote(): void {
    const totals = this.controller.revealVote();
    this.notify.success(this.t('board.vote.revealed', { count: totals.size }));
    this.returnFocusToBoard();
  }

  cancelVote(): void {
    this.controller.cancelVote();
    this.notify.info(this.t('board.vote.cancelled'));
    this.returnFocusToBoard();
  }

  clearVoteResults(): void {
    this.controller.clearVoteResults();
    this.notify.info(this.t('board.vote.cleared'));
    this.returnFocusToBoard();
  }

  /**
   * After an action whose button goes away with it (the vote bar's Reveal and Cancel, the
   * toolbar's Clear vote results), the focus the button had returns to the board — the node last
   * focused, else the canvas — rather than falling to the page's body.
   */
  private returnFocusToBoard(): void {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      const id = this.ui.get().focusedId;
      if (id && readNode(this.doc, id)) this.focusNode(id);
      else this.focusCanvas();
    });
  }

  // ------------------------------------------------------------------------------------------
  // Panels
  // ------------------------------------------------------------------------------------------

  /** Opens the details panel of a node whose kind has one (the persona card's fields). */
  openPanel(id: string | null): void {
    patchStore(this.ui, { panelNodeId: id });
  }

  closePanel(): void {
    const id = this.ui.get().panelNodeId;
    patchStore(this.ui, { panelNodeId: null });
    if (id && readNode(this.doc, id)) this.focusNode(id);
  }

  /** Enter or a double click on a node: what its kind does (edit a note's text, open a card's panel). */
  activate(node: AppNode): boolean {
    const action = this.kinds.of(node).activate;
    if (action === 'edit') this.startEdit(node.id);
    else if (action === 'panel') this.openPanel(node.id);
    else return false;
    return true;
  }

  /** Whether notes can be promoted on this board (the persona board's feature). */
  get canPromote(): boolean {
    return this.onPromote !== undefined;
  }

  /** Promotes a note (P, or its ↗ button): handed to the board's feature; false where there is none. */
  promote(stickyId: string | null): boolean {
    if (!this.onPromote) return false;
    this.onPromote(this, stickyId);
    return true;
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
    // During a vote a click places a dot; a note's text is not edited then.
    if (this.ui.get().vote.active && this.kinds.of(node).activate === 'edit') return;
    this.activate(node);
  }

  // ------------------------------------------------------------------------------------------
  // Commands (the toolbar's and, through the app's shortcut table, the keyboard's)
  // ------------------------------------------------------------------------------------------

  /** Runs a command (commands.ts); false when it did not apply (the key then keeps its usual meaning). */
  run(command: BoardCommand): boolean {
    if (!this.controllerRef) return false;
    return runBoardCommand(this, command);
  }
}

function severalSelected(nodes: readonly AppNode[]): boolean {
  let count = 0;
  for (const node of nodes) if (node.selected && ++count > 1) return true;
  return false;
}
