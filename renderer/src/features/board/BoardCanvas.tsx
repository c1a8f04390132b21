import '@xyflow/react/dist/style.css';
import './board.css';
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type AriaLabelConfig,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  type SelectionDragHandler,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type * as Y from 'yjs';
import { printRoute } from '../../../../shared/pdf';
import type { Member } from '../../../../shared/records/member';
import { useApp } from '../../app/AppContext';
import { EXPORT_SHORTCUTS, useBoardExports } from '../diagrams/exports';
import { PersonaPanel } from '../personas/PersonaPanel';
import { BoardSessionProvider } from './BoardContext';
import { Icon } from './icons';
import { GRID, type BoardCommand } from './keyboard';
import { NODE_TYPES } from './nodes/nodeTypes';
import { PromoteDialog } from './PromoteDialog';
import { BoardSession, type Notifier, type SaveStatus } from './session';
import { ShortcutsLegend } from './ShortcutsLegend';
import { Toolbar } from './Toolbar';
import type { AppNode } from './types';
import { StartVoteDialog, VoteBar } from './VoteBar';
import { rememberedWriter } from './writer';
import { WriterPicker } from './WriterPicker';

export type BoardCanvasProps = {
  doc: Y.Doc;
  workspaceId: string;
  boardId: string;
  /** Used for the persona sheet's file name. */
  boardName: string;
  members: readonly Member[];
};

const NOTIFY: Notifier = {
  info: (message) => toast(message),
  success: (message) => toast.success(message),
  warning: (message) => toast.warning(message),
  error: (message) => toast.error(message),
};

/**
 * The board engine: a React Flow canvas whose source of truth is the board's Y.Doc. Persona
 * boards use it today; funnel and SLA diagrams will reuse it with their own node types. The logic
 * lives in BoardSession (plain TypeScript); this is its view.
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [session] = useState(
    () => new BoardSession(props.doc, props.workspaceId, props.boardId, { t, language, members: props.members, writer: rememberedWriter(props.workspaceId), notify: NOTIFY }),
  );
  useEffect(() => session.start(), [session]);
  useEffect(() => session.setContext(t, language, props.members), [session, t, language, props.members]);
  return (
    <ReactFlowProvider>
      <BoardSessionProvider value={session}>
        <Board session={session} doc={props.doc} workspaceId={props.workspaceId} boardId={props.boardId} boardName={props.boardName} />
      </BoardSessionProvider>
    </ReactFlowProvider>
  );
}

const LOCAL_CHANGES = new Set(['position', 'select', 'dimensions']);
// Array and object props made once: React Flow compares them by identity on every render.
const NO_EDGES: never[] = [];
const PAN_BUTTONS = [1, 2];
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 180, height: 120 };

function Board(props: { session: BoardSession; doc: Y.Doc; workspaceId: string; boardId: string; boardName: string }) {
  const { session } = props;
  const setContainer = useCallback((element: HTMLDivElement | null) => session.setContainer(element), [session]);
  const { t } = useTranslation();
  const { settings } = useApp();

  const flow = useReactFlow<AppNode>();
  useEffect(() => session.attachFlow(flow), [session, flow]);

  const flowNodes = useSyncExternalStore(session.subscribeAll, session.flowNodes);
  const ui = useSyncExternalStore(session.ui.subscribe, session.ui.get);
  // On the projector the canvas needs the room: the legend waits behind its button there.
  const legendShown = ui.legendShown ?? settings.theme !== 'projector';
  const nodes = useSyncExternalStore(session.nodes.subscribe, session.nodes.get);
  const hasPersona = nodes.some((node) => node.type === 'persona');
  const sheet = useMemo(
    () => (hasPersona ? { kind: 'persona-sheet' as const, route: printRoute('persona', props.workspaceId, props.boardId), suggestedName: `${props.boardName}.pdf` } : null),
    [hasPersona, props.workspaceId, props.boardId, props.boardName],
  );
  const exports = useBoardExports({ workspaceId: props.workspaceId, boardId: props.boardId, boardName: props.boardName, sheet, shortcuts: true });

  // Stable handlers: a new onNodeClick/onNodeDoubleClick re-renders every node wrapper, and any
  // new handler makes React Flow's StoreUpdater write its store (running every node's selector).
  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      // Removal and creation go through the doc; React Flow only reports local UI state here.
      const local = changes.filter((change) => LOCAL_CHANGES.has(change.type));
      if (local.length > 0) session.applyLocal((current) => applyNodeChanges(local, current));
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

  const selected = nodes.filter((node) => node.selected);
  const singleSticky = selected.length === 1 && selected[0]!.type === 'sticky' ? selected[0]!.id : null;
  const hasResults = nodes.some((node) => node.type === 'sticky' && node.data.votes > 0);
  const panelPersona = ui.panelPersonaId ? nodes.find((node) => node.id === ui.panelPersonaId) : undefined;
  const voter = ui.writer.kind === 'member' ? (ui.members.get(ui.writer.id) ?? null) : null;

  return (
    <>
      <div className="board-top">
        <BoardToolbar
          history={ui.history}
          selectedCount={selected.length}
          canPromote={singleSticky !== null}
          canPaste={session.hasClipboard()}
          snapOn={ui.snapOn}
          voting={ui.vote.active}
          hasResults={hasResults}
          saveStatus={ui.saveStatus}
          onCommand={(command) => void session.run(command)}
          onPromote={() => session.openPromote(singleSticky)}
          onStartVote={() => session.setStartVoteOpen(true)}
          onClearResults={() => session.clearVoteResults()}
          personaId={nodes.find((node) => node.type === 'persona')?.id ?? null}
          onOpenDetails={(id) => session.openPersonaPanel(id)}
          exports={exports}
        />
        <WriterPicker members={ui.writers} writer={ui.writer} onChange={(writer) => session.setWriter(writer)} />
        {ui.vote.active ? (
          <VoteBar
            vote={ui.vote}
            voterName={voter?.name ?? null}
            dotsLeft={session.dotsLeft()}
            onReveal={() => session.revealVote()}
            onCancel={() => session.cancelVote()}
          />
        ) : null}
      </div>
      <div className="board-body">
        <div ref={setContainer} className={`board-canvas${ui.vote.active ? ' is-voting' : ''}`} onFocusCapture={onFocusCapture}>
          <ReactFlow<AppNode>
            nodes={flowNodes}
            edges={NO_EDGES}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeDragStop={onNodeDragStop}
            onSelectionDragStop={onSelectionDragStop}
            onNodeClick={onNodeClick}
            onNodeDoubleClick={onNodeDoubleClick}
            disableKeyboardA11y
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECTION_KEYS}
            selectionOnDrag
            panOnDrag={PAN_BUTTONS}
            panOnScroll
            zoomOnDoubleClick={false}
            nodesDraggable={!ui.vote.active}
            nodesConnectable={false}
            edgesFocusable={false}
            elevateNodesOnSelect={false}
            snapToGrid={ui.snapOn}
            snapGrid={SNAP_GRID}
            minZoom={0.1}
            maxZoom={3}
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            colorMode={settings.theme === 'light' ? 'light' : 'dark'}
            ariaLabelConfig={ariaLabelConfig}
            proOptions={PRO_OPTIONS}
          >
            <Background variant={ui.snapOn ? BackgroundVariant.Lines : BackgroundVariant.Dots} gap={GRID} />
            <MiniMap pannable zoomable ariaLabel={t('board.minimap')} nodeClassName={miniMapClass} style={MINIMAP_STYLE} />
          </ReactFlow>
          <p id={`board-node-hint-${props.boardId}`} className="visually-hidden">
            {t('board.nodeHint')}
          </p>
        </div>
        <div className={`board-side${panelPersona?.type !== 'persona' && !legendShown ? ' is-collapsed' : ''}`}>
          {panelPersona?.type === 'persona' ? (
            <div className="board-panel">
              <button type="button" className="button small" onClick={() => session.closePersonaPanel()}>
                {t('board.panel.close')}
              </button>
              <PersonaPanel doc={props.doc} workspaceId={props.workspaceId} personaId={panelPersona.id} data={panelPersona.data} origin={session.controller.origin} />
            </div>
          ) : legendShown ? (
            <ShortcutsLegend onHide={() => session.setLegendShown(false)} />
          ) : (
            <button type="button" className="button small board-legend-show" onClick={() => session.setLegendShown(true)}>
              <Icon name="keyboard" /> {t('board.shortcuts.show')}
            </button>
          )}
        </div>
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {ui.announcement}
      </div>
      <StartVoteDialog open={ui.startVoteOpen} onOpenChange={(open) => session.setStartVoteOpen(open)} onStart={(dots, anonymous) => session.startVote(dots, anonymous)} />
      <PromoteDialog request={ui.promote} onClose={() => session.closePromote()} onPromote={(field) => session.promote(field)} />
      {exports.dialog}
    </>
  );
}

function miniMapClass(node: AppNode): string {
  return node.type === 'sticky' ? `mm-sticky mm-${node.data.department}` : `mm-${node.type}`;
}

function ToolButton(props: { label: string; icon: Parameters<typeof Icon>[0]['name']; shortcut?: string; keys?: string; disabled?: boolean; pressed?: boolean; text?: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className={`button tool${props.text ? ' with-text' : ''}`}
      aria-label={props.text ? undefined : props.label}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-keyshortcuts={props.keys}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      {props.text ? <span>{props.label}</span> : null}
    </button>
  );
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
  canPromote: boolean;
  canPaste: boolean;
  snapOn: boolean;
  voting: boolean;
  hasResults: boolean;
  saveStatus: SaveStatus;
  onCommand(command: BoardCommand): void;
  onPromote(): void;
  onStartVote(): void;
  onClearResults(): void;
  personaId: string | null;
  onOpenDetails(personaId: string): void;
  exports: ReturnType<typeof useBoardExports>;
}) {
  const { t } = useTranslation();
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = mac ? '⌘' : 'Ctrl+';
  const modKey = mac ? 'Meta' : 'Control';
  const none = props.selectedCount === 0;
  return (
    <div className="board-toolbar-row">
      <Toolbar label={t('board.toolbar')} className="board-toolbar">
        <div className="tool-group">
          <ToolButton label={t('board.undo')} icon="undo" shortcut={`${mod}Z`} keys={`${modKey}+Z`} disabled={!props.history.canUndo} onClick={() => props.onCommand({ type: 'undo' })} />
          <ToolButton
            label={t('board.redo')}
            icon="redo"
            shortcut={`${mod}Shift+Z`}
            keys={`${modKey}+Shift+Z Control+Y`}
            disabled={!props.history.canRedo}
            onClick={() => props.onCommand({ type: 'redo' })}
          />
        </div>
        <div className="tool-group">
          <ToolButton label={t('board.newSticky')} icon="note" shortcut="S" keys="S" text onClick={() => props.onCommand({ type: 'newSticky' })} />
          <ToolButton label={t('board.promote')} icon="promote" shortcut="P" keys="P" text disabled={!props.canPromote} onClick={props.onPromote} />
        </div>
        <div className="tool-group">
          <ToolButton label={t('board.copy')} icon="copy" shortcut={`${mod}C`} keys={`${modKey}+C`} disabled={none} onClick={() => props.onCommand({ type: 'copy' })} />
          <ToolButton label={t('board.cut')} icon="cut" shortcut={`${mod}X`} keys={`${modKey}+X`} disabled={none} onClick={() => props.onCommand({ type: 'cut' })} />
          <ToolButton label={t('board.paste')} icon="paste" shortcut={`${mod}V`} keys={`${modKey}+V`} disabled={!props.canPaste} onClick={() => props.onCommand({ type: 'paste' })} />
          <ToolButton label={t('board.duplicate')} icon="duplicate" shortcut={`${mod}D`} keys={`${modKey}+D`} disabled={none} onClick={() => props.onCommand({ type: 'duplicate' })} />
          <ToolButton label={t('board.delete')} icon="trash" shortcut="Delete" keys="Delete" disabled={none} onClick={() => props.onCommand({ type: 'delete' })} />
        </div>
        <div className="tool-group">
          <ToolButton label={t('board.zoomOut')} icon="zoomOut" shortcut="−" keys="-" onClick={() => props.onCommand({ type: 'zoomOut' })} />
          <ZoomLevel />
          <ToolButton label={t('board.zoomIn')} icon="zoomIn" shortcut="+" keys="+" onClick={() => props.onCommand({ type: 'zoomIn' })} />
          <ToolButton label={t('board.fit')} icon="fit" shortcut="F" keys="F" onClick={() => props.onCommand({ type: 'fit' })} />
          <ToolButton label={t('board.snap')} icon="grid" shortcut="G" keys="G" pressed={props.snapOn} onClick={() => props.onCommand({ type: 'toggleSnap' })} />
        </div>
        <div className="tool-group">
          {props.voting ? null : <ToolButton label={t('board.vote.start')} icon="vote" text onClick={props.onStartVote} />}
          {!props.voting && props.hasResults ? <ToolButton label={t('board.vote.clear')} icon="clear" text onClick={props.onClearResults} /> : null}
        </div>
        {props.personaId ? (
          <div className="tool-group">
            <ToolButton label={t('persona.panelTitle')} icon="person" shortcut="Enter" text onClick={() => props.onOpenDetails(props.personaId!)} />
          </div>
        ) : null}
        <div className="tool-group">
          {props.personaId && props.exports.exportSheet ? (
            <ToolButton label={t('persona.exportSheet')} icon="pdf" shortcut={EXPORT_SHORTCUTS.sheet} keys={EXPORT_SHORTCUTS.sheet} onClick={props.exports.exportSheet} />
          ) : null}
          <ToolButton label={t('diagrams.board.exportPdf')} icon="board" shortcut={EXPORT_SHORTCUTS.boardPdf} keys={EXPORT_SHORTCUTS.boardPdf} onClick={props.exports.openBoardPdf} />
          <ToolButton label={t('diagrams.board.exportPng')} icon="image" shortcut={EXPORT_SHORTCUTS.boardPng} keys={EXPORT_SHORTCUTS.boardPng} onClick={props.exports.exportPng} />
        </div>
      </Toolbar>
      <p className="save-status" data-status={props.saveStatus}>
        {t(props.saveStatus === 'saved' ? 'board.saved' : 'board.saving')}
      </p>
    </div>
  );
}
