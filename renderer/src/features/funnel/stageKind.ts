import { StageNodeData } from '@shared/board/nodes';
import { nodeKinds, type NodeKind } from '../board/nodeKinds';
import { StageNodeView, type StageFlowNode } from './StageNode';

/**
 * A funnel stage on the diagram: laid out by the funnel view (layout.ts), which also writes its
 * accessible name, so the kind reads both from the node's view data.
 */
export const stageKind: NodeKind<StageFlowNode> = {
  schema: StageNodeData,
  view: StageNodeView,
  label: (node) => node.data.label,
  size: (node) => ({ width: node.data.width, height: node.data.height }),
  obstacle: true,
  activate: null,
  miniMapClass: (node) => `mm-stage owner-${node.data.owner}`,
};

/** The kinds of a funnel board. */
export const FUNNEL_KINDS = nodeKinds<StageFlowNode>({ stage: stageKind });
