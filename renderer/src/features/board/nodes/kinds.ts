import { STICKY_SIZE, StickyNodeData, ZoneNodeData } from '@shared/board/nodes';
import { stickyLabel } from '../labels';
import type { NodeKind } from '../nodeKinds';
import type { StickyNode, ZoneNode } from '../types';
import { StickyNoteNode } from './StickyNoteNode';
import { ZoneNodeView } from './ZoneNode';

/** A sticky note: the board's own kind (written, voted on, attributed to a member or joint). */
export const stickyKind: NodeKind<StickyNode> = {
  schema: StickyNodeData,
  view: StickyNoteNode,
  label: (node, context, state) => stickyLabel(node.data, context, state),
  size: () => STICKY_SIZE,
  obstacle: true,
  activate: 'edit',
  miniMapClass: (node) => `mm-sticky mm-${node.data.department}`,
};

/** A labelled area of a template: notes inside it belong to its topic; it is no obstacle for new notes. */
export const zoneKind: NodeKind<ZoneNode> = {
  schema: ZoneNodeData,
  view: ZoneNodeView,
  label: (node, { t }) => t('board.zone.label', { name: t(`persona.zones.${node.data.zone}`) }),
  size: (node) => ({ width: node.data.width, height: node.data.height }),
  obstacle: false,
  activate: null,
  miniMapClass: () => 'mm-zone',
};
