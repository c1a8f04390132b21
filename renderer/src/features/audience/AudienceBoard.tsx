import '@xyflow/react/dist/style.css';
import '../board/board.css';
import '../funnel/funnel.css';
import { MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import { STICKY_SIZE } from '@shared/board/nodes';
import { PERSONA_CARD } from '@shared/board/personaTemplate';
import { reverseFunnel } from '@shared/funnel/reverseFunnel';
import { mainStages, stageName, type FunnelDepartment } from '@shared/funnel/stages';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { NO_DESCRIPTIONS } from '../board/CanvasShell';
import { DetailLevel } from '../board/DetailLevel';
import { readAppNodes } from '../board/mapping';
import { ZoneNodeView } from '../board/nodes/ZoneNode';
import { useDocVersion } from '../board/useDocVersion';
import type { AppNode, StickyNode } from '../board/types';
import { readPlan, readStages } from '../funnel/funnelDoc';
import { funnelLayout } from '../funnel/layout';
import { BoardMetaProvider } from '../personas/boardMeta';
import { PersonaCardNode } from '../personas/PersonaCardNode';

/** What the audience is shown of a board (the board presentation, less its kind). */
export type AudienceBoardProps = {
  workspaceId: string;
  boardId: string;
  board: 'persona' | 'funnel';
  /** A node to zoom to (a zone of a persona board, a stage of a funnel); null: the whole board. */
  focus: string | null;
  /** Private mode: notes without their text. */
  hidden: boolean;
};

type Box = { x: number; y: number; width: number; height: number };

/** Private mode and the authors' names, for the note views React Flow renders. */
const NotesContext = createContext<{ hidden: boolean; authors: ReadonlyMap<string, string> }>({ hidden: false, authors: new Map() });

/**
 * A note as the room sees it: read-only, the same look as on the laptop (department by tint,
 * band pattern and letter mark). In private mode its text is not even in the page — a screen
 * reader or a zoomed screenshot of the projector learns nothing before the reveal.
 */
const AudienceSticky = memo(function AudienceSticky(props: NodeProps<StickyNode>) {
  const { t } = useTranslation();
  const { hidden, authors } = useContext(NotesContext);
  const { data } = props;
  const author = data.authorId ? (authors.get(data.authorId) ?? t('board.sticky.unknownAuthor')) : t(`board.department.${data.department}`);
  return (
    <div className={`sticky sticky-${data.department}${hidden ? ' is-hidden' : ''}`} data-testid="audience-note">
      {hidden ? (
        <p className="sticky-text sticky-hidden" role="img" aria-label={t('audience.screen.hiddenNoteLabel')}>
          <span aria-hidden="true">{t('audience.screen.hiddenNote')}</span>
        </p>
      ) : (
        <p className="sticky-text">{data.text || <span className="sticky-placeholder">{t('board.sticky.empty')}</span>}</p>
      )}
      <div className="sticky-meta">
        <span className={`dept-mark dept-mark-${data.department}`} aria-hidden="true">
          {t(`board.mark.${data.department}`)}
        </span>
        <span className="sticky-author">{author}</span>
        {data.votes > 0 && !hidden ? <span className="sticky-votes">{t('board.sticky.votes', { count: data.votes })}</span> : null}
      </div>
    </div>
  );
});

type StageData = { name: string; owner: FunnelDepartment; ownerLabel: string; volumeText: string; rateText: string; outcome: boolean; width: number; height: number };
type AudienceStageNode = Node<StageData, 'stage'>;

/** A funnel stage, read-only: its band, name and figures. */
const AudienceStage = memo(function AudienceStage(props: NodeProps<AudienceStageNode>) {
  const { data } = props;
  return (
    <div className={`funnel-stage owner-${data.owner}${data.outcome ? ' is-outcome' : ''}`} style={{ width: data.width, height: data.height }}>
      <span className="funnel-stage-name">{data.name}</span>
      <span className="funnel-stage-meta">
        <span className="funnel-stage-owner">{data.ownerLabel}</span> · {data.volumeText} · {data.rateText}
      </span>
    </div>
  );
});

// Made once: React Flow remounts every node when nodeTypes changes.
const NODE_TYPES: NodeTypes = { zone: ZoneNodeView, persona: PersonaCardNode, sticky: AudienceSticky, stage: AudienceStage };
const PRO_OPTIONS = { hideAttribution: true };
// React Flow's hidden descriptions (English, about selecting and deleting): none, as on every
// canvas of the app (CanvasShell); nothing here is selectable.
const NO_EDGES: Edge[] = [];
/** Room around what is fitted: a zone's notes near its edge stay whole. */
const FIT_PADDING = 0.04;

function boxOf(node: Node): Box {
  const { x, y } = node.position;
  if (node.type === 'sticky') return { x, y, ...STICKY_SIZE };
  if (node.type === 'persona') return { x, y, ...PERSONA_CARD };
  return { x, y, width: node.width ?? STICKY_SIZE.width, height: node.height ?? STICKY_SIZE.height };
}

function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The room's view of a board: only the canvas, read-only, fitted to the zone in focus or to the whole board. */
export function AudienceBoard(props: AudienceBoardProps) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const [generation, setGeneration] = useState(0);
  const refetch = useCallback(() => setGeneration((n) => n + 1), []);
  const records = useLiveQuery(async () => {
    const [workspace, board, members] = await Promise.all([
      db.workspaces.get(workspaceId),
      db.boards.get([workspaceId, boardId]),
      db.members.where('workspaceId').equals(workspaceId).toArray(),
    ]);
    const missing = !workspace || Boolean(workspace.deletedAt) || !board || board.kind !== props.board;
    return missing ? null : { board, members };
  }, [workspaceId, boardId, props.board, generation]);
  const doc = records?.board.doc ?? null;
  const version = useDocVersion(doc, refetch);
  if (records === null) {
    return (
      <p className="audience-message" role="alert">
        {t('audience.screen.boardMissing')}
      </p>
    );
  }
  if (!records || !doc || version === null) {
    return (
      <p className="audience-message" aria-busy="true">
        {t('audience.screen.loading')}
      </p>
    );
  }
  const { board, members } = records;
  return (
    <BoardMetaProvider value={{ workspaceId, boardId, boardName: board.name, agreed: board.agreement !== null && board.agreement !== undefined }}>
      <ReactFlowProvider>
        <Canvas {...props} doc={doc} version={version} name={board.name} members={members} />
      </ReactFlowProvider>
    </BoardMetaProvider>
  );
}

function Canvas(props: AudienceBoardProps & { doc: Y.Doc; version: number; name: string; members: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const { doc, version } = props;
  const personaNodes = useMemo<AppNode[]>(
    () => (props.board === 'persona' ? readAppNodes(nodesMap(doc)).map((node) => ({ ...node, draggable: false, selectable: false, focusable: false })) : []),
    // `version` is the trigger: the doc object stays, its content changed.
    // oxlint-disable-next-line react/exhaustive-deps
    [doc, version, props.board],
  );
  const funnel = useMemo(() => {
    if (props.board !== 'funnel') return null;
    const stages = readStages(doc);
    const plan = readPlan(doc);
    const result = reverseFunnel(plan, stages);
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 });
    const volumes = stages.map((stage) => stage.targetVolume ?? (result.ok ? (result.stages.find((s) => s.stageId === stage.id)?.required ?? null) : null));
    const boxes = funnelLayout(stages.map((stage, index) => ({ id: stage.id, kind: stage.kind, volume: volumes[index] })));
    const nodes: AudienceStageNode[] = stages.map((stage, index) => {
      const box = boxes[index]!;
      const volume = volumes[index];
      return {
        id: stage.id,
        type: 'stage',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        draggable: false,
        selectable: false,
        focusable: false,
        data: {
          name: stageName(stage, language) || t('funnel.newStageName'),
          owner: stage.owner,
          ownerLabel: t(`funnel.owners.${stage.owner}`),
          volumeText:
            stage.targetVolume !== null
              ? t('funnel.volume', { volume: number.format(stage.targetVolume) })
              : volume !== null && volume !== undefined
                ? t('funnel.volumeNeeded', { volume: number.format(volume) })
                : t('funnel.volumeNone'),
          rateText: stage.conversionRate !== null ? t('funnel.rate', { rate: percent.format(stage.conversionRate) }) : t('funnel.rateNone'),
          outcome: stage.kind === 'outcome',
          width: box.width,
          height: box.height,
        },
      };
    });
    const steps = mainStages(stages);
    const edges: Edge[] = steps.slice(1).map((stage, index) => ({
      id: `${steps[index]!.id}->${stage.id}`,
      source: steps[index]!.id,
      target: stage.id,
      focusable: false,
      className: 'funnel-edge',
      markerEnd: { type: MarkerType.ArrowClosed },
    }));
    return { nodes, edges };
    // oxlint-disable-next-line react/exhaustive-deps
  }, [doc, version, props.board, language, t]);

  const nodes: Node[] = funnel ? funnel.nodes : personaNodes;
  const authors = useMemo(() => new Map(props.members.map((member) => [member.id, member.name])), [props.members]);
  const notes = useMemo(() => ({ hidden: props.hidden, authors }), [props.hidden, authors]);

  const focusNode = props.focus ? nodes.find((node) => node.id === props.focus) : undefined;
  const target = focusNode ? boxOf(focusNode) : union(nodes.map(boxOf));
  const targetKey = target ? `${target.x},${target.y},${target.width},${target.height}` : '';
  const zoneName = focusNode?.type === 'zone' ? t(`persona.zones.${(focusNode as AppNode & { type: 'zone' }).data.zone}`) : focusNode?.type === 'stage' ? (focusNode.data as StageData).name : null;

  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState('');
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setSize(`${element.clientWidth}x${element.clientHeight}`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Fitted from the nodes' own boxes (known without measuring): a zone fills the screen, notes in
  // it at their largest; refitted when the zone, the board's extent or the window changes.
  const initialised = useRef(false);
  useEffect(() => {
    if (!target || !size) return;
    const duration = initialised.current ? 400 : 0;
    initialised.current = true;
    void flow.fitBounds(target, { padding: FIT_PADDING, duration });
    // oxlint-disable-next-line react/exhaustive-deps
  }, [flow, targetKey, size]);

  return (
    <NotesContext.Provider value={notes}>
      <div
        ref={container}
        className="audience-canvas"
        role="region"
        aria-label={zoneName ? t('audience.screen.zoneLabel', { name: props.name, zone: zoneName }) : t('audience.screen.boardLabel', { name: props.name })}
        data-focus={props.focus ?? undefined}
      >
        {/* No background pattern: the room sees the content on plain black. */}
        <ReactFlow
          nodes={nodes}
          edges={funnel ? funnel.edges : NO_EDGES}
          nodeTypes={NODE_TYPES}
          colorMode="dark"
          proOptions={PRO_OPTIONS}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panOnDrag={false}
          panOnScroll={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          disableKeyboardA11y
          ariaLabelConfig={NO_DESCRIPTIONS}
          deleteKeyCode={null}
          minZoom={0.05}
          maxZoom={4}
        >
          {/* A whole big board is drawn as the laptop draws it zoomed out: tints, no text to lay out. */}
          <DetailLevel sizeOf={boxOf} />
        </ReactFlow>
        {props.hidden && props.board === 'persona' ? (
          <p className="audience-banner" role="status">
            {t('audience.screen.notesHidden')}
          </p>
        ) : null}
      </div>
    </NotesContext.Provider>
  );
}

