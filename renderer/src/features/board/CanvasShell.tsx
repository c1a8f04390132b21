import '@xyflow/react/dist/style.css';
import './board.css';
import { Background, BackgroundVariant, ReactFlow, type AriaLabelConfig, type Edge, type Node, type ReactFlowProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useApp } from '../../app/AppContext';

// Made once: React Flow compares object props by identity on every render.
const PRO_OPTIONS = { hideAttribution: true };
const NO_EDGES: never[] = [];
// React Flow's own hidden descriptions are English and speak of keys it does not handle here
// ("Press delete to remove it"): none, unless a canvas gives its own (the persona board's hint).
export const NO_DESCRIPTIONS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': '',
  'node.a11yDescription.keyboardDisabled': '',
  'edge.a11yDescription.default': '',
};

export type CanvasShellProps<N extends Node, E extends Edge> = Omit<ReactFlowProps<N, E>, 'children'> & {
  /** The background pattern (dots unless lines, e.g. while snapping to the grid). */
  background?: { variant?: BackgroundVariant; gap?: number };
  children?: ReactNode;
};

/**
 * The one React Flow setup of the app's canvases (the persona board and the funnel):
 * the app's theme, no attribution, no connecting of nodes, no focusable edges, no zoom on double
 * click, wheel pans, and React Flow's own keyboard handling off — keys belong to the app's one
 * shortcut registry and to the node views. Each canvas adds what is its own through the usual props.
 */
export function CanvasShell<N extends Node = Node, E extends Edge = Edge>(props: CanvasShellProps<N, E>) {
  const { settings } = useApp();
  const { background, children, ...flow } = props;
  return (
    <ReactFlow<N, E>
      edges={NO_EDGES as E[]}
      disableKeyboardA11y
      deleteKeyCode={null}
      nodesConnectable={false}
      edgesFocusable={false}
      panOnScroll
      zoomOnDoubleClick={false}
      minZoom={0.1}
      fitView
      colorMode={settings.theme === 'light' ? 'light' : 'dark'}
      proOptions={PRO_OPTIONS}
      ariaLabelConfig={NO_DESCRIPTIONS}
      {...flow}
    >
      <Background variant={background?.variant ?? BackgroundVariant.Dots} gap={background?.gap ?? 20} />
      {children}
    </ReactFlow>
  );
}
