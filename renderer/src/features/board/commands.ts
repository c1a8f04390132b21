import type { Handlers } from '../../ui/shortcuts/registry';
import { GRID, MOVE_STEP, type BoardCommand } from './keyboard';
import { readingOrder } from './mapping';
import type { BoardSession } from './session';

/**
 * What each board command does, in one place: the keyboard (through the shortcut registry) and the
 * toolbar both send commands here. Returns false when the command did not apply, so its key keeps
 * its usual meaning (Tab past the last note leaves the canvas).
 */
export function runBoardCommand(session: BoardSession, command: BoardCommand): boolean {
  switch (command.type) {
    case 'undo':
    case 'redo':
      session.undoOrRedo(command.type);
      return true;
    case 'copy':
      return session.copyTargets(false);
    case 'cut':
      return session.copyTargets(true);
    case 'paste':
      return session.paste();
    case 'duplicate':
      return session.duplicateTargets();
    case 'selectAll':
      session.selectAll();
      return true;
    case 'delete':
      return session.deleteTargets();
    case 'newSticky':
      session.createSticky();
      return true;
    case 'edit': {
      const id = session.focusedNodeId();
      const node = id ? session.nodes.get().find((candidate) => candidate.id === id) : undefined;
      return node ? session.activate(node) : false;
    }
    case 'clearSelection':
      if (!session.nodes.get().some((node) => node.selected)) return false;
      session.select([]);
      return true;
    case 'focusNext': {
      const id = session.focusedNodeId();
      return id ? session.focusNeighbour(id, command.backwards) : false;
    }
    case 'focusEnd': {
      const order = readingOrder(session.nodes.get());
      const node = command.last ? order.at(-1) : order[0];
      if (!node) return false;
      session.focusNode(node.id, { select: !session.keepsSelection() });
      return true;
    }
    case 'toggleSelected':
      return session.toggleFocusedInSelection();
    case 'move':
      return session.moveTargets(command.dx, command.dy, command.repeat);
    case 'zoomIn':
      session.zoom('in');
      return true;
    case 'zoomOut':
      session.zoom('out');
      return true;
    case 'fit':
      session.zoom('fit');
      return true;
    case 'toggleSnap':
      session.toggleSnap();
      return true;
    case 'writer':
      return session.pickWriter(command.index);
    case 'vote': {
      const id = session.targetSticky();
      if (!id) return false;
      session.castDot(id);
      return true;
    }
    case 'promote':
      return session.promote(session.targetSticky());
  }
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The board's shortcuts (the table's 'board' scope) as commands. Arrow keys move by MOVE_STEP, or
 * one grid cell while snapping, five times as far with Shift; holding one down is one undo step.
 */
export function boardShortcuts(board: { run(command: BoardCommand): boolean; snapOn(): boolean }): Handlers<'board'> {
  const run = (command: BoardCommand) => board.run(command);
  return {
    'board.newSticky': () => run({ type: 'newSticky' }),
    'board.writer': ({ key }) => run({ type: 'writer', index: Number(key) }),
    'board.edit': () => run({ type: 'edit' }),
    'board.done': () => run({ type: 'clearSelection' }),
    'board.next': ({ input }) => run({ type: 'focusNext', backwards: input.shiftKey }),
    'board.ends': ({ key }) => run({ type: 'focusEnd', last: key.endsWith('End') }),
    'board.toggleSelected': () => run({ type: 'toggleSelected' }),
    'board.move': ({ key, input }) => {
      const [x, y] = ARROWS[key.replace('Shift?+', '')]!;
      const step = (board.snapOn() ? GRID : MOVE_STEP) * (input.shiftKey ? 5 : 1);
      return run({ type: 'move', dx: x * step, dy: y * step, repeat: input.repeat });
    },
    'board.vote': () => run({ type: 'vote' }),
    'board.promote': () => run({ type: 'promote' }),
    'board.delete': () => run({ type: 'delete' }),
    'board.clipboard': ({ key }) => run({ type: key === 'Mod+C' ? 'copy' : key === 'Mod+X' ? 'cut' : 'paste' }),
    'board.duplicate': () => run({ type: 'duplicate' }),
    'board.selectAll': () => run({ type: 'selectAll' }),
    'board.undo': () => run({ type: 'undo' }),
    'board.redo': () => run({ type: 'redo' }),
    'board.zoom': ({ key }) => run({ type: key === '+' || key === '=' ? 'zoomIn' : 'zoomOut' }),
    'board.fit': () => run({ type: 'fit' }),
    'board.snap': () => run({ type: 'toggleSnap' }),
  };
}
