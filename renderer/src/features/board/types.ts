import type { Node } from '@xyflow/react';
import type { PersonaNodeData, StickyNodeData, ZoneNodeData } from '@shared/board/nodes';

/** React Flow nodes of a board: a discriminated union on `type`, one per node kind (STYLE.md). */
export type StickyNode = Node<StickyNodeData, 'sticky'>;
export type PersonaNode = Node<PersonaNodeData, 'persona'>;
export type ZoneNode = Node<ZoneNodeData, 'zone'>;
export type AppNode = StickyNode | PersonaNode | ZoneNode;
