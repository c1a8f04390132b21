import type { MessageKey } from '../../i18n';
import type { KeyTarget } from './keys';

/**
 * Every keyboard shortcut of the app, in one table (VS Code's keybinding registry, tldraw's
 * keyboard shortcuts): its keys, its scope (where it is live), where focus may be, and its label in
 * ja/en (a locale key). The one keydown listener (registry.ts) dispatches only what is here, and
 * the "?" dialog, every legend and every `aria-keyshortcuts` are made from it, so a shortcut cannot
 * exist without being listed. Features bind what a shortcut does with `useShortcuts(scope, …)`.
 *
 * Keys are written 'Mod+Shift+Z' (Mod: Ctrl, or ⌘ on a Mac), 'Shift?+ArrowLeft' (Shift either
 * way), '?' (a character, whatever Shift it takes on this layout); see keys.ts for how a press
 * matches on Japanese and US keyboards.
 */

export const SCOPES = ['global', 'board', 'personaExports', 'room', 'funnel', 'funnelExports', 'slaBoard', 'kpi', 'kpiValues', 'calendar', 'run', 'printView', 'participant', 'workspace', 'audience', 'audienceBoard', 'audienceWindow'] as const;
export type Scope = (typeof SCOPES)[number];

/** Anywhere but a text field (the default). */
const NOT_TYPING: readonly KeyTarget[] = ['node', 'page', 'control'];
/** Also while typing in a field. */
const ANYWHERE: readonly KeyTarget[] = ['node', 'page', 'control', 'typing'];

export type ShortcutKey = string | { key: string; targets: readonly KeyTarget[] };

export type Shortcut = {
  scope: Scope;
  keys: readonly ShortcutKey[];
  /** Locale key of what it does. */
  label: MessageKey;
  /** Where focus may be for it to apply (default: not in a text field). */
  targets?: readonly KeyTarget[];
  /** Also while a dialog is open (default: a dialog's keys are its own). */
  inDialogs?: boolean;
  /** How a legend writes the keys where that is shorter than the keys themselves (1–9, ←↑→↓). */
  shown?: readonly string[];
  /** Handled by something else (a form's Enter, the notifications' own Alt+N): listed, not dispatched. */
  external?: boolean;
  /**
   * Off while one of these scopes is bound: a canvas whose single letters are commands (S, V, P…),
   * where a stray letter must not take the facilitator off the board mid-workshop.
   */
  offWhile?: readonly Scope[];
};

export const SHORTCUTS = {
  // Everywhere (the app's shell).
  'app.cycleTheme': { scope: 'global', keys: ['Alt+Shift+T'], label: 'shortcuts.cycleTheme', targets: ANYWHERE, inDialogs: true },
  // A letter that leaves the page: not on a board or the projector's controls, whose letters are
  // their commands (the desktop menu's Ctrl+N still works there).
  'app.newWorkspace': { scope: 'global', keys: ['Shift?+N'], label: 'shortcuts.newWorkspace', shown: ['N'], offWhile: ['board', 'audience', 'audienceBoard'] },
  'app.import': { scope: 'global', keys: ['Mod+O'], label: 'shortcuts.importWorkspace', targets: ANYWHERE, inDialogs: true },
  'app.export': { scope: 'global', keys: ['Mod+E'], label: 'shortcuts.exportWorkspace', targets: ANYWHERE, inDialogs: true },
  // sonner's own hotkey opens the notifications (and pauses them); the app's then takes the focus on to the newest Undo.
  'app.notifications': { scope: 'global', keys: ['Alt+N'], label: 'keys.labels.notifications', targets: ANYWHERE },
  'app.help': { scope: 'global', keys: ['?'], label: 'shortcuts.help' },
  // The audience window (features/audience), also the menu's "Show on projector". Alt: by physical key.
  'app.audience': { scope: 'global', keys: ['Alt+Shift+A'], label: 'audience.shortcuts.toggle' },

  // A persona board (the board engine: features/board).
  'board.newSticky': { scope: 'board', keys: ['S'], label: 'board.shortcuts.newSticky' },
  'board.writer': { scope: 'board', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'], label: 'board.shortcuts.writer', shown: ['1–9', '0'] },
  'board.edit': { scope: 'board', keys: ['Shift?+Enter'], label: 'board.shortcuts.edit', targets: ['node'], shown: ['Enter'] },
  'board.done': { scope: 'board', keys: ['Shift?+Escape'], label: 'board.shortcuts.done', targets: ['node', 'page'], shown: ['Esc'] },
  'board.next': { scope: 'board', keys: ['Tab', 'Shift+Tab'], label: 'board.shortcuts.next', targets: ['node'] },
  'board.ends': { scope: 'board', keys: ['Shift?+Home', 'Shift?+End'], label: 'board.shortcuts.ends', targets: ['node'], shown: ['Home', 'End'] },
  // Shift+click's counterpart (Space is the vote's, Enter edits): picks some nodes and not others.
  'board.toggleSelected': { scope: 'board', keys: ['Mod+Enter'], label: 'board.shortcuts.toggleSelected', targets: ['node'] },
  'board.move': {
    scope: 'board',
    keys: ['Shift?+ArrowLeft', 'Shift?+ArrowRight', 'Shift?+ArrowUp', 'Shift?+ArrowDown'],
    label: 'board.shortcuts.move',
    targets: ['node', 'page'],
    shown: ['←↑→↓'],
  },
  'board.vote': { scope: 'board', keys: ['V', { key: 'Shift?+Space', targets: ['node'] }], label: 'board.shortcuts.vote', shown: ['V', 'Space'] },
  'board.promote': { scope: 'board', keys: ['P'], label: 'board.shortcuts.promote' },
  'board.delete': { scope: 'board', keys: ['Shift?+Delete', 'Shift?+Backspace'], label: 'board.shortcuts.delete', shown: ['Del'] },
  'board.clipboard': { scope: 'board', keys: ['Mod+C', 'Mod+X', 'Mod+V'], label: 'board.shortcuts.clipboard' },
  'board.duplicate': { scope: 'board', keys: ['Mod+D'], label: 'board.shortcuts.duplicate' },
  'board.selectAll': { scope: 'board', keys: ['Mod+A'], label: 'board.shortcuts.selectAll' },
  'board.undo': { scope: 'board', keys: ['Mod+Z'], label: 'board.shortcuts.undo' },
  'board.redo': { scope: 'board', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'board.shortcuts.redo' },
  'board.zoom': { scope: 'board', keys: ['+', '=', '-', '_'], label: 'board.shortcuts.zoom', shown: ['+', '−'] },
  'board.fit': { scope: 'board', keys: ['F'], label: 'board.shortcuts.fit' },
  'board.snap': { scope: 'board', keys: ['G'], label: 'board.shortcuts.snap' },

  // Exports of a persona board and of the funnel board (features/diagrams). Alt: by physical key.
  'personaExports.sheet': { scope: 'personaExports', keys: ['Alt+Shift+P'], label: 'diagrams.shortcuts.personaSheet' },
  'personaExports.boardPdf': { scope: 'personaExports', keys: ['Alt+Shift+B'], label: 'diagrams.shortcuts.boardPdf' },
  'personaExports.boardPng': { scope: 'personaExports', keys: ['Alt+Shift+I'], label: 'diagrams.shortcuts.boardPng' },
  // A persona board's room (features/rooms): open it, or show its join screen again.
  'room.open': { scope: 'room', keys: ['Alt+Shift+R'], label: 'rooms.facilitator.shortcut' },
  'funnelExports.sheet': { scope: 'funnelExports', keys: ['Alt+Shift+P'], label: 'diagrams.shortcuts.funnelSheet' },
  'funnelExports.boardPdf': { scope: 'funnelExports', keys: ['Alt+Shift+B'], label: 'diagrams.shortcuts.boardPdf' },
  'funnelExports.boardPng': { scope: 'funnelExports', keys: ['Alt+Shift+I'], label: 'diagrams.shortcuts.boardPng' },

  // The funnel board, the SLA board (a draft), the KPI page and its values grid, the calendar.
  'funnel.undo': { scope: 'funnel', keys: ['Mod+Z'], label: 'keys.labels.undo' },
  'funnel.redo': { scope: 'funnel', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'keys.labels.redo' },
  'slaBoard.undo': { scope: 'slaBoard', keys: ['Mod+Z'], label: 'keys.labels.undo' },
  'slaBoard.redo': { scope: 'slaBoard', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'keys.labels.redo' },
  'kpi.add': { scope: 'kpi', keys: ['Shift?+A'], label: 'keys.labels.addKpi', shown: ['A'] },
  'kpi.import': { scope: 'kpi', keys: ['Shift?+I'], label: 'keys.labels.importCsv', shown: ['I'] },
  'kpiValues.undo': { scope: 'kpiValues', keys: ['Mod+Z'], label: 'keys.labels.undoValue', targets: ANYWHERE },
  'kpiValues.redo': { scope: 'kpiValues', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'keys.labels.redoValue', targets: ANYWHERE },
  'calendar.save': { scope: 'calendar', keys: ['Mod+S'], label: 'keys.labels.saveCalendar', targets: ANYWHERE },

  // Running a meeting (features/meetings): most work while typing notes.
  'run.next': { scope: 'run', keys: ['Mod+Enter'], label: 'meetings.run.shortcuts.next', targets: ANYWHERE },
  'run.nextOutside': { scope: 'run', keys: ['N'], label: 'meetings.run.shortcuts.nextOutside' },
  'run.previous': { scope: 'run', keys: ['Mod+Shift+Enter'], label: 'meetings.run.shortcuts.previous', targets: ANYWHERE },
  'run.timer': { scope: 'run', keys: ['Alt+Shift+P'], label: 'meetings.run.shortcuts.timer', targets: ANYWHERE },
  // M for memo (Alt+N is the notifications').
  'run.notes': { scope: 'run', keys: ['Alt+Shift+M'], label: 'meetings.run.shortcuts.notes', targets: ANYWHERE },
  'run.decision': { scope: 'run', keys: ['Alt+Shift+D'], label: 'meetings.run.shortcuts.decision', targets: ANYWHERE },
  'run.action': { scope: 'run', keys: ['Alt+Shift+C'], label: 'meetings.run.shortcuts.action', targets: ANYWHERE },
  'run.submit': { scope: 'run', keys: ['Enter'], label: 'meetings.run.shortcuts.submit', external: true },

  'printView.back': { scope: 'printView', keys: ['Escape'], label: 'keys.labels.printBack', targets: ANYWHERE, shown: ['Esc'] },

  // A participant's page in a room (participant/): their own notes' history.
  'participant.undo': { scope: 'participant', keys: ['Mod+Z'], label: 'rooms.participant.undo' },
  'participant.redo': { scope: 'participant', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'rooms.participant.redo' },

  // Inside a workspace (features/workspace): its navigation's places, in the rail's order. Not
  // while typing: in a field the keys may type a character (Option on a Mac), and a page change
  // would cut the typing short.
  'workspace.overview': { scope: 'workspace', keys: ['Alt+Shift+1'], label: 'workspaceUx.nav.goTo.overview' },
  'workspace.personas': { scope: 'workspace', keys: ['Alt+Shift+2'], label: 'workspaceUx.nav.goTo.personas' },
  'workspace.funnel': { scope: 'workspace', keys: ['Alt+Shift+3'], label: 'workspaceUx.nav.goTo.funnel' },
  'workspace.sla': { scope: 'workspace', keys: ['Alt+Shift+4'], label: 'workspaceUx.nav.goTo.sla' },
  'workspace.meetings': { scope: 'workspace', keys: ['Alt+Shift+5'], label: 'workspaceUx.nav.goTo.meetings' },
  'workspace.kpis': { scope: 'workspace', keys: ['Alt+Shift+6'], label: 'workspaceUx.nav.goTo.kpis' },
  'workspace.calendar': { scope: 'workspace', keys: ['Alt+Shift+7'], label: 'workspaceUx.nav.goTo.calendar' },
  'workspace.members': { scope: 'workspace', keys: ['Alt+Shift+8'], label: 'workspaceUx.nav.goTo.members' },

  // While the audience window is open (features/audience): B as in presentation software. The
  // board's keys apply on the board the projector shows.
  'audience.blank': { scope: 'audience', keys: ['Shift?+B'], label: 'audience.shortcuts.blank', shown: ['B'] },
  'audienceBoard.hide': { scope: 'audienceBoard', keys: ['Shift?+H'], label: 'audience.shortcuts.hide', shown: ['H'] },
  'audienceBoard.focus': { scope: 'audienceBoard', keys: ['Z'], label: 'audience.shortcuts.focus' },
  'audienceBoard.showAll': { scope: 'audienceBoard', keys: ['Shift+Z'], label: 'audience.shortcuts.showAll' },
  // In the audience window itself: Escape ends the show, as in presentation software.
  'audienceWindow.close': { scope: 'audienceWindow', keys: ['Escape'], label: 'audience.shortcuts.closeWindow', shown: ['Esc'] },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS[id];
}

/** The shortcuts of some scopes, in table order. */
export function shortcutsOf(...scopes: Scope[]): [ShortcutId, Shortcut][] {
  return (Object.entries(SHORTCUTS) as [ShortcutId, Shortcut][]).filter(([, entry]) => scopes.includes(entry.scope));
}

export const DEFAULT_TARGETS = NOT_TYPING;
