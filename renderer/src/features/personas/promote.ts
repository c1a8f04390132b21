import { defaultPromoteField, nearestPersonaId } from '@shared/board/doc';
import { PERSONA_TEXT_FIELDS, STICKY_SIZE, type PersonaNodeData, type PersonaTextField } from '@shared/board/nodes';
import type { BoardSession } from '../board/session';
import { createStore, type Store } from '../board/store';
import type { PromoteRequest } from './PromoteDialog';

/**
 * Promote a note into the persona (P, the toolbar's Promote, the note's ↗ button): the dialog's
 * request, then one undo step on the board that appends the note's text to the chosen field. The
 * persona board's flow on top of the board engine's session.
 */
export class PromoteFlow {
  readonly request: Store<PromoteRequest | null> = createStore<PromoteRequest | null>(null);

  constructor(private readonly session: BoardSession) {}

  open(id: string | null): void {
    const { session } = this;
    const t = session.t;
    if (!id) {
      session.notify.info(t('board.promoteDialog.notSticky'));
      return;
    }
    session.flushEditing();
    const all = session.controller.nodes();
    const data = all.get(id);
    if (data?.type !== 'sticky') {
      session.notify.info(t('board.promoteDialog.notSticky'));
      return;
    }
    const personaId = nearestPersonaId(all, { x: data.x, y: data.y });
    const persona = personaId ? (all.get(personaId) as PersonaNodeData) : null;
    if (!personaId || !persona) {
      session.notify.warning(t('board.promoteDialog.noPersona'));
      return;
    }
    const measured = session.nodes.get().find((node) => node.id === id)?.measured;
    const size = { width: measured?.width ?? STICKY_SIZE.width, height: measured?.height ?? STICKY_SIZE.height };
    this.request.set({
      stickyId: id,
      text: data.text,
      personaId,
      personaName: persona.name || t('persona.unnamed'),
      suggested: defaultPromoteField(data, all.values(), size),
      current: Object.fromEntries(PERSONA_TEXT_FIELDS.map((field) => [field, persona[field]])) as Record<PersonaTextField, string>,
    });
  }

  close(): void {
    this.request.set(null);
  }

  promote(field: PersonaTextField): void {
    const { session } = this;
    const request = this.request.get();
    this.request.set(null);
    if (!request) return;
    if (session.controller.promote(request.stickyId, request.personaId, field)) {
      session.notify.success(session.t('board.promoteDialog.done', { field: session.t(`persona.fields.${field}`), name: request.personaName }));
    } else {
      session.notify.error(session.t('board.promoteDialog.gone'));
    }
  }
}

const flows = new WeakMap<BoardSession, PromoteFlow>();

/** The promote flow of one open board. */
export function promoteFlow(session: BoardSession): PromoteFlow {
  let flow = flows.get(session);
  if (!flow) {
    flow = new PromoteFlow(session);
    flows.set(session, flow);
  }
  return flow;
}
