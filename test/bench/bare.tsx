/**
 * The baseline of the board benchmark: a bare React Flow page, no Yjs, no Dexie, no app code. The
 * same notes (default node type, same text, width and minimum height, same font size) from an
 * in-memory array, the standard controlled `useNodesState` pattern, and the app's canvas settings
 * that decide what is shown and how input acts (fit, zoom limits, selection by drag box). Nothing
 * else: no minimap, background, custom node components or accessibility labels.
 *
 *   bare.html?n=1000&width=…&height=…   the canvas is given the app canvas's size
 */
import '@xyflow/react/dist/style.css';
import { ReactFlow, useNodesState, type Node } from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { benchStickies, FLOW_SETTINGS, selectionIds, STICKY_MIN_HEIGHT, STICKY_WIDTH } from './boardData';
import { installProbe } from './probe';

const params = new URLSearchParams(window.location.search);
const count = Number(params.get('n') ?? '1000');
const width = Number(params.get('width') ?? '1200');
const height = Number(params.get('height') ?? '700');

installProbe(count, selectionIds(count));

// Props that are arrays or objects are created once, as React Flow's docs ask (a new array on
// every render makes React Flow update its store every render).
const NO_EDGES: never[] = [];
const PAN_BUTTONS = [1, 2];
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

const initialNodes: Node[] = benchStickies(count).map((note) => ({
  id: note.id,
  position: { x: note.x, y: note.y },
  data: { label: note.text },
  style: { width: STICKY_WIDTH, minHeight: STICKY_MIN_HEIGHT, fontSize: 18, whiteSpace: 'pre-wrap' },
}));

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  return (
    <div style={{ width, height }}>
      <ReactFlow
        nodes={nodes}
        edges={NO_EDGES}
        onNodesChange={onNodesChange}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        zoomOnDoubleClick={false}
        nodesConnectable={false}
        elevateNodesOnSelect={false}
        minZoom={FLOW_SETTINGS.minZoom}
        maxZoom={FLOW_SETTINGS.maxZoom}
        fitView
        fitViewOptions={FLOW_SETTINGS.fitViewOptions}
        proOptions={PRO_OPTIONS}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
