import type { NodeTypes } from '@xyflow/react';
import { StageNodeView } from '../../funnel/StageNode';
import { PersonaCardNode } from '../../personas/PersonaCardNode';
import { StickyNoteNode } from './StickyNoteNode';
import { ZoneNodeView } from './ZoneNode';

/** Declared once at module level: React Flow remounts every node if this object changes. */
export const NODE_TYPES = {
  sticky: StickyNoteNode,
  persona: PersonaCardNode,
  zone: ZoneNodeView,
  stage: StageNodeView,
} satisfies NodeTypes;
