import {
  applyNodeChanges,
  BackgroundVariant,
  MiniMap,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type AriaLabelConfig,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  type ReactFlowState,
  type SelectionDragHandler,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ComponentType, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type * as Y from 'yjs';
import type { Member } from '@shared/records/member';
import { useApp } from '../../app/AppContext';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { BoardSessionProvider } from './BoardContext';
import { boardShortcuts } from './commands';
import { CanvasShell } from './CanvasShell';
import { pressCanvas } from './dom';
import { Icon } from './icons';
import { useCompactChrome } from './compact';
import { MoreMenu } from './MoreMenu';
import { ToolButton } from './ToolButton';
import { GRID, type BoardCommand } from './keyboard';
import type { NodeKinds } from './nodeKinds';
import { BoardSession, type Notifier, type SaveStatus } from './session';
import { useStoreSelector, useStoreState } from './store';
import { ShortcutsLegend } from './ShortcutsLegend';
import { Toolbar } from './Toolbar';
import type { AppNode } from './types';
import { StartVoteDialog, VoteBar } from './VoteBar';
import { rememberedWriter } from './writer';
import { WriterPicker } from './WriterPicker';
import { useFontsSettled } from '../../theme/fonts';
import { DetailLevel } from './DetailLevel';
import { boardFontsLoaded } from './useOpenBoard';

// ToolButton has its own file so the funnel can draw it without loading the board engine; the persona board imports it from here.
export { ToolButton };

/**
 * What the feature that shows a board adds to the engine (the persona board: promote a note, the
 * persona's details, its exports). Declared once at module level.
 */
export type BoardExtension = {
  /** P on a note, and the note's ↗ button. */
  promote?(session: BoardSession, stickyId: string | null): void;
  /** Tools after "New note" in the toolbar's note group. */
  NoteTools?: ComponentType<{ session: BoardSession }>;
  /** Toolbar groups of the board's own, after voting (the persona's details, the exports). */
  KindTools?: ComponentType<{ session: BoardSession }>;
  /** Dialogs of the feature. */
  Overlay?: ComponentType<{ session: BoardSession }>;
};

export type BoardCanvasProps = {
  doc: Y.Doc;
  workspaceId: string;
  boardId: string;
  members: readonly Member[];
  /** The node kinds the board shows. */
  kinds: NodeKinds<AppNode>;
  extension: BoardExtension;
};

const NOTIFY: Notifier = {
  info: (message) => toast(message),
  success: (message) => toast.success(message),
  warning: (message) => toast.warning(message),
  error: (message) => toast.error(message),
};

/**
 * The board engine: a React Flow canvas whose source of truth is the board's Y.Doc. The logic
 * lives in BoardSession (plain TypeScript); this is its view. What a board shows is given: its
 * node kinds (nodeKinds.ts) and its feature's extension (the persona board's, personas/).
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [session] = useState(
    () =>
      new BoardSession(props.doc, props.workspaceId, props.boardId, {
        t,
        language,
        members: props.members,
        writer: rememberedWriter(props.workspaceId),
        notify: NOTIFY,
        kinds: props.kinds,
        onPromote: props.extension.promote,
      }),
  );
  useEffect(() => session.start(), [session]);
  useShortcuts('board', useMemo(() => boardShortcuts({ run: (command) => session.run(command), snapOn: () => session.ui.get().snapOn }), [session]));
  useEffect(() => session.setContext(t, language, props.members), [session, t, language, props.members]);
  return (
    <ReactFlowProvider>
      <BoardSessionProvider value={session}>
        <Board session={session} doc={props.doc} workspaceId={props.workspaceId} boardId={props.boardId} extension={props.extension} />
      </BoardSessionProvider>
    </ReactFlowProvider>
  );
}

const LOCAL_CHANGES = new Set(['position', 'select', 'dimensions']);
// Array and object props made once: React Flow compares them by identity on every render.
const PAN_BUTTONS = [1, 2];
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
const MINIMAP_STYLE = { width: 180, height: 120 };

function Board(props: { session: BoardSession; doc: Y.Doc; workspaceId: string; boardId: string; extension: BoardExtension }) {
  const { session, extension } = props;
  const setContainer = useCallback((element: HTMLDivElement | null) => session.setContainer(element), [session]);
  const { t } = useTranslation();
  const { NoteTools, KindTools, Overlay } = extension;

  const flow = useReactFlow<AppNode>();
  useEffect(() => session.attachFlow(flow), [session, flow]);

  const miniMapClass = useCallback((node: AppNode) => session.kinds.of(node).miniMapClass(node), [session]);
  const ui = useSyncExternalStore(session.ui.subscribe, session.ui.get);
  const compact = useCompactChrome();
  // With compact chrome (the projector, a small window) the canvas needs the room: the legend
  // waits behind its item in the "More" menu there.
  const legendShown = ui.legendShown ?? !compact;
  // Only what the chrome shows of the nodes: a drag (a new nodes array each frame) re-renders
  // the canvas (BoardFlow), not the toolbar, the writer picker or the side panel (issue 12).
  const selectedCount = useStoreSelector(session.nodes, countSelected);
  const fontsSettled = useFontsSettled(1_000, boardFontsLoaded(props.doc));
  const hasResults = useStoreSelector(session.nodes, hasVoteResults);
  const empty = useStoreSelector(session.nodes, isEmpty);
  const panelNodeId = ui.panelNodeId;
  const selectPanelNode = useCallback((nodes: AppNode[]) => (panelNodeId ? nodes.find((node) => node.id === panelNodeId) : undefined), [panelNodeId]);
  const panelNode = useStoreSelector(session.nodes, selectPanelNode);
  // Stable handlers: a new onNodeClick/onNodeDoubleClick re-renders every node wrapper, and any
  // new handler makes React Flow's StoreUpdater write its store (running every node's selector).
  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      // Removal and creation go through the doc; React Flow only reports local UI state here.
      const local = changes.filter((change) => LOCAL_CHANGES.has(change.type));
      if (local.length > 0) session.applyLocal((current) => applyNodeChanges(local, current), { selected: local.some((change) => change.type === 'select') });
    },
    [session],
  );
  const onNodeDragStop = useCallback<OnNodeDrag<AppNode>>((_event, _node, dropped) => session.drop(dropped), [session]);
  const onSelectionDragStop = useCallback<SelectionDragHandler<AppNode>>((_event, dropped) => session.drop(dropped), [session]);
  const onNodeClick = useCallback<NodeMouseHandler<AppNode>>((_event, node) => session.nodeClicked(node), [session]);
  const onNodeDoubleClick = useCallback<NodeMouseHandler<AppNode>>((_event, node) => session.nodeDoubleClicked(node), [session]);
  const onFocusCapture = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.classList.contains('react-flow__node')) session.noteFocus(target.getAttribute('data-id'));
  };

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': t('board.nodeHint'),
      'node.a11yDescription.keyboardDisabled': t('board.nodeHint'),
      'node.a11yDescription.ariaLiveMessage': () => '',
      'edge.a11yDescription.default': t('board.nodeHint'),
      'minimap.ariaLabel': t('board.minimap'),
      'controls.ariaLabel': t('board.toolbar'),
      'controls.zoomIn.ariaLabel': t('board.zoomIn'),
      'controls.zoomOut.ariaLabel': t('board.zoomOut'),
      'controls.fitView.ariaLabel': t('board.fit'),
      'controls.interactive.ariaLabel': t('board.toolbar'),
    }),
    [t],
  );

  const Panel = panelNode ? session.kinds.of(panelNode).panel : undefined;
  const voter = ui.writer.kind === 'member' ? (ui.members.get(ui.writer.id) ?? null) : null;
  const voteBar = ui.vote.active ? (
    <VoteBar
      vote={ui.vote}
      voterName={voter?.name ?? null}
      dotsLeft={session.dotsLeft()}
      compact={compact}
      onReveal={() => session.revealVote()}
      onCancel={() => session.cancelVote()}
    />
  ) : null;
  const writerPicker = <WriterPicker members={ui.writers} writer={ui.writer} compact={compact} onChange={(writer) => session.setWriter(writer)} />;

  return (
    <>
      <div className={`board-top${compact ? ' is-compact' : ''}`}>
        <BoardToolbar
          history={ui.history}
          selectedCount={selectedCount}
          canPaste={session.hasClipboard()}
          snapOn={ui.snapOn}
          voting={ui.vote.active}
          hasResults={hasResults}
          saveStatus={ui.saveStatus}
          onCommand={(command) => void session.run(command)}
          onStartVote={() => session.setStartVoteOpen(true)}
          onClearResults={() => session.clearVoteResults()}
          noteTools={NoteTools ? <NoteTools session={session} /> : null}
          kindTools={KindTools ? <KindTools session={session} /> : null}
          compact={compact}
          writer={compact ? writerPicker : null}
          legendShown={legendShown}
          onToggleLegend={() => session.setLegendShown(!legendShown)}
        />
        {compact ? null : writerPicker}
        {compact ? null : voteBar}
      </div>
      <div className="board-body">
        <div
          ref={setContainer}
          className={`board-canvas${ui.vote.active ? ' is-voting' : ''}`}
          role="region"
          aria-label={t('board.canvas')}
          tabIndex={-1}
          onFocusCapture={onFocusCapture}
          onMouseDownCapture={pressCanvas}
        >
          {/* Compact chrome: the running vote floats over the canvas's top instead of taking a row. */}
          {compact ? voteBar : null}
          {/* The canvas waits for the fonts of the chrome drawn with it (issue 12): one that arrives
              after a thousand notes were laid out lays them all out again. */}
          {fontsSettled ? (
            <BoardFlow
              session={session}
              voting={ui.vote.active}
              snapOn={ui.snapOn}
              onNodesChange={onNodesChange}
              onNodeDragStop={onNodeDragStop}
              onSelectionDragStop={onSelectionDragStop}
              onNodeClick={onNodeClick}
              onNodeDoubleClick={onNodeDoubleClick}
              ariaLabelConfig={ariaLabelConfig}
              miniMapClass={miniMapClass}
              miniMapLabel={t('board.minimap')}
            />
          ) : null}
          {/* Everything removed (Ctrl+A, Delete): say how to go on rather than show a blank canvas. */}
          {fontsSettled && empty ? <p className="board-empty">{t('board.empty')}</p> : null}
          <p id={`board-node-hint-${props.boardId}`} className="visually-hidden">
            {t('board.nodeHint')}
          </p>
          <p id={`board-node-selected-${props.boardId}`} className="visually-hidden">
            {t('board.selectedState')}
          </p>
        </div>
        {compact && !Panel && !legendShown ? null : (
          <div className={`board-side${!Panel && !legendShown ? ' is-collapsed' : ''}`}>
            {panelNode && Panel ? (
              <div className="board-panel">
                <button type="button" className="button small" onClick={() => session.closePanel()}>
                  {t('board.panel.close')}
                </button>
                <Panel node={panelNode} doc={props.doc} workspaceId={props.workspaceId} origin={session.controller.origin} />
              </div>
            ) : legendShown ? (
              <ShortcutsLegend onHide={() => session.setLegendShown(false)} />
            ) : (
              <button type="button" className="button small board-legend-show" onClick={() => session.setLegendShown(true)}>
                <Icon name="keyboard" /> {t('board.shortcuts.show')}
              </button>
            )}
          </div>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {ui.announcement}
      </div>
      <StartVoteDialog
        open={ui.startVoteOpen}
        onOpenChange={(open) => session.setStartVoteOpen(open)}
        earlierResults={hasResults}
        onStart={(dots, anonymous, fresh) => session.startVote(dots, anonymous, fresh)}
        focusVoting={() => session.focusFirstToVoteOn()}
      />
      {Overlay ? <Overlay session={session} /> : null}
    </>
  );
}

const countSelected = (nodes: AppNode[]) => nodes.reduce((count, node) => (node.selected ? count + 1 : count), 0);
const isEmpty = (nodes: AppNode[]) => nodes.length === 0;
const hasVoteResults = (nodes: AppNode[]) => nodes.some((node) => node.type === 'sticky' && node.data.votes > 0);

/**
 * The canvas alone: the one part of the board that follows every change of the nodes (each frame
 * of a drag). Its other props are stable, so nothing around it renders while notes move.
 */
const BoardFlow = memo(function BoardFlow(props: {
  session: BoardSession;
  voting: boolean;
  snapOn: boolean;
  onNodesChange(changes: NodeChange<AppNode>[]): void;
  onNodeDragStop: OnNodeDrag<AppNode>;
  onSelectionDragStop: SelectionDragHandler<AppNode>;
  onNodeClick: NodeMouseHandler<AppNode>;
  onNodeDoubleClick: NodeMouseHandler<AppNode>;
  ariaLabelConfig: Partial<AriaLabelConfig>;
  miniMapClass(node: AppNode): string;
  miniMapLabel: string;
}) {
  const { session } = props;
  const flowNodes = useStoreState(session.subscribeAll, session.flowNodes);
  const background = useMemo(() => ({ variant: props.snapOn ? BackgroundVariant.Lines : BackgroundVariant.Dots, gap: GRID }), [props.snapOn]);
  return (
    <CanvasShell<AppNode>
      nodes={flowNodes}
      nodeTypes={session.kinds.nodeTypes}
      onNodesChange={props.onNodesChange}
      onNodeDragStop={props.onNodeDragStop}
      onSelectionDragStop={props.onSelectionDragStop}
      onNodeClick={props.onNodeClick}
      onNodeDoubleClick={props.onNodeDoubleClick}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      selectionOnDrag
      panOnDrag={PAN_BUTTONS}
      nodesDraggable={!props.voting}
      elevateNodesOnSelect={false}
      snapToGrid={props.snapOn}
      snapGrid={SNAP_GRID}
      maxZoom={3}
      fitViewOptions={FIT_VIEW_OPTIONS}
      ariaLabelConfig={props.ariaLabelConfig}
      background={background}
    >
      <LateMiniMap label={props.miniMapLabel} nodeClassName={props.miniMapClass} />
      <DetailLevel sizeOf={props.session.kinds.size} />
    </CanvasShell>
  );
});

/**
 * The minimap, drawn once the notes are on screen (issue 12): its rectangle per node is not part
 * of opening the board. It comes a frame after the nodes are measured (at once on an empty board).
 */
const LateMiniMap = memo(function LateMiniMap(props: { label: string; nodeClassName(node: AppNode): string }) {
  const [shown, setShown] = useState(false);
  const show = useCallback(() => setShown(true), []);
  if (!shown) return <WhenNodesShown then={show} />;
  return <MiniMap pannable zoomable ariaLabel={props.label} nodeClassName={props.nodeClassName} style={MINIMAP_STYLE} />;
});

const nodesShown = (state: ReactFlowState) => state.nodesInitialized || state.nodes.length === 0;

/** Calls `then` in a task after the frame in which React Flow's nodes are measured and shown. */
function WhenNodesShown(props: { then(): void }) {
  const ready = useStore(nodesShown);
  const { then } = props;
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(then, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, then]);
  return null;
}

function ZoomLevel() {
  const { language } = useApp();
  const zoom = useStore((state) => state.transform[2]);
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }), [language]);
  return <span className="zoom-level">{percent.format(zoom)}</span>;
}

function BoardToolbar(props: {
  history: { canUndo: boolean; canRedo: boolean };
  selectedCount: number;
  canPaste: boolean;
  snapOn: boolean;
  voting: boolean;
  hasResults: boolean;
  saveStatus: SaveStatus;
  /** Compact chrome: one row, the less used tools in the "More" menu, the writer picker in the row. */
  compact: boolean;
  /** The compact writer picker, at the row's end. */
  writer: ReactNode;
  /** The shortcuts legend beside the canvas (compact chrome: toggled from the "More" menu). */
  legendShown: boolean;
  onToggleLegend(): void;
  onCommand(command: BoardCommand): void;
  onStartVote(): void;
  onClearResults(): void;
  noteTools: ReactNode;
  kindTools: ReactNode;
}) {
  const { t } = useTranslation();
  const none = props.selectedCount === 0;
  const history = (
    <div className="tool-group">
      <ToolButton label={t('board.undo')} icon="undo" shortcut="board.undo" disabled={!props.history.canUndo} onClick={() => props.onCommand({ type: 'undo' })} />
      <ToolButton label={t('board.redo')} icon="redo" shortcut="board.redo" disabled={!props.history.canRedo} onClick={() => props.onCommand({ type: 'redo' })} />
    </div>
  );
  const notes = (
    <div className="tool-group">
      <ToolButton label={t('board.newSticky')} icon="note" shortcut="board.newSticky" text keepText onClick={() => props.onCommand({ type: 'newSticky' })} />
      {props.noteTools}
    </div>
  );
  const clipboard = (
    <div className="tool-group">
      <ToolButton label={t('board.copy')} icon="copy" shortcut="board.clipboard" keyIndex={0} disabled={none} onClick={() => props.onCommand({ type: 'copy' })} />
      <ToolButton label={t('board.cut')} icon="cut" shortcut="board.clipboard" keyIndex={1} disabled={none} onClick={() => props.onCommand({ type: 'cut' })} />
      <ToolButton label={t('board.paste')} icon="paste" shortcut="board.clipboard" keyIndex={2} disabled={!props.canPaste} onClick={() => props.onCommand({ type: 'paste' })} />
      <ToolButton label={t('board.duplicate')} icon="duplicate" shortcut="board.duplicate" disabled={none} onClick={() => props.onCommand({ type: 'duplicate' })} />
      <ToolButton label={t('board.delete')} icon="trash" shortcut="board.delete" keyIndex={0} disabled={none} onClick={() => props.onCommand({ type: 'delete' })} />
    </div>
  );
  const zoom = (
    <div className="tool-group">
      <ToolButton label={t('board.zoomOut')} icon="zoomOut" shortcut="board.zoom" keyIndex={2} onClick={() => props.onCommand({ type: 'zoomOut' })} />
      <ZoomLevel />
      <ToolButton label={t('board.zoomIn')} icon="zoomIn" shortcut="board.zoom" keyIndex={0} onClick={() => props.onCommand({ type: 'zoomIn' })} />
      <ToolButton label={t('board.fit')} icon="fit" shortcut="board.fit" onClick={() => props.onCommand({ type: 'fit' })} />
      {props.compact ? null : <ToolButton label={t('board.snap')} icon="grid" shortcut="board.snap" pressed={props.snapOn} onClick={() => props.onCommand({ type: 'toggleSnap' })} />}
    </div>
  );
  const startVote = props.voting ? null : <ToolButton label={t('board.vote.start')} icon="vote" text onClick={props.onStartVote} />;
  const clearVote = !props.voting && props.hasResults ? <ToolButton label={t('board.vote.clear')} icon="clear" text onClick={props.onClearResults} /> : null;
  const saveStatus = (
    <p className={`save-status${props.compact ? ' is-compact' : ''}`} data-status={props.saveStatus} title={props.compact ? t(props.saveStatus === 'saved' ? 'board.saved' : 'board.saving') : undefined}>
      <span className={props.compact ? 'visually-hidden' : undefined}>{t(props.saveStatus === 'saved' ? 'board.saved' : 'board.saving')}</span>
    </p>
  );

  if (props.compact) {
    // One row: what a facilitator uses all the time stays in view; the rest (with their keys) is one menu away.
    return (
      <div className="board-toolbar-row is-compact">
        <Toolbar label={t('board.toolbar')} className="board-toolbar">
          {history}
          {notes}
          {zoom}
          {startVote ? <div className="tool-group">{startVote}</div> : null}
          <MoreMenu label={t('layout.moreTools')} buttonLabel={t('layout.more')}>
            {clipboard}
            <div className="tool-group">
              <ToolButton label={t('board.snap')} icon="grid" shortcut="board.snap" pressed={props.snapOn} onClick={() => props.onCommand({ type: 'toggleSnap' })} />
              {clearVote}
            </div>
            {props.kindTools}
            <div className="tool-group">
              <ToolButton label={t('board.shortcuts.title')} icon="keyboard" pressed={props.legendShown} onClick={props.onToggleLegend} />
            </div>
          </MoreMenu>
        </Toolbar>
        {props.writer}
        {saveStatus}
      </div>
    );
  }
  return (
    <div className="board-toolbar-row">
      <Toolbar label={t('board.toolbar')} className="board-toolbar">
        {history}
        {notes}
        {clipboard}
        {zoom}
        <div className="tool-group">
          {startVote}
          {clearVote}
        </div>
        {props.kindTools}
      </Toolbar>
      {saveStatus}
    </div>
  );
}
