import { PersonaNodeData } from '@shared/board/nodes';
import { PERSONA_CARD } from '@shared/board/personaTemplate';
import type { NodeKind } from '../board/nodeKinds';
import { nodeKinds } from '../board/nodeKinds';
import { stickyKind, zoneKind } from '../board/nodes/kinds';
import type { AppNode, PersonaNode } from '../board/types';
import { PersonaCardNode } from './PersonaCardNode';
import { PersonaNodePanel } from './PersonaPanel';

/** The persona card: drawn from its fields, its details edited in the panel beside the canvas (Enter). */
export const personaKind: NodeKind<PersonaNode> = {
  schema: PersonaNodeData,
  view: PersonaCardNode,
  label: (node, { t }) => t('persona.cardLabel', { name: node.data.name || t('persona.unnamed') }),
  size: () => PERSONA_CARD,
  obstacle: true,
  activate: 'panel',
  panel: PersonaNodePanel,
  miniMapClass: () => 'mm-persona',
};

/** The kinds of a persona board (the editing board, and later its audience view). */
export const PERSONA_BOARD_KINDS = nodeKinds<AppNode>({ sticky: stickyKind, persona: personaKind, zone: zoneKind });
