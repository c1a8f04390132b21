import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortcutList } from '../../ui/ShortcutList';

/** Keys of the board, as shown in the legend beside the canvas (the map itself is keyboard.ts). */
export const BOARD_SHORTCUTS = [
  { keys: ['S'], label: 'board.shortcuts.newSticky' },
  { keys: ['1–9', '0'], label: 'board.shortcuts.writer' },
  { keys: ['Enter'], label: 'board.shortcuts.edit' },
  { keys: ['Esc'], label: 'board.shortcuts.done' },
  { keys: ['Tab', 'Shift+Tab'], label: 'board.shortcuts.next' },
  { keys: ['Home', 'End'], label: 'board.shortcuts.ends' },
  { keys: ['←↑→↓'], label: 'board.shortcuts.move' },
  { keys: ['V', 'Space'], label: 'board.shortcuts.vote' },
  { keys: ['P'], label: 'board.shortcuts.promote' },
  { keys: ['Del'], label: 'board.shortcuts.delete' },
  { keys: ['Ctrl+C', 'Ctrl+X', 'Ctrl+V'], label: 'board.shortcuts.clipboard' },
  { keys: ['Ctrl+D'], label: 'board.shortcuts.duplicate' },
  { keys: ['Ctrl+A'], label: 'board.shortcuts.selectAll' },
  { keys: ['Ctrl+Z'], label: 'board.shortcuts.undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'board.shortcuts.redo' },
  { keys: ['+', '−'], label: 'board.shortcuts.zoom' },
  { keys: ['F'], label: 'board.shortcuts.fit' },
  { keys: ['G'], label: 'board.shortcuts.snap' },
  { keys: ['Alt+Shift+P'], label: 'diagrams.shortcuts.personaSheet' },
  { keys: ['Alt+Shift+B'], label: 'diagrams.shortcuts.boardPdf' },
  { keys: ['Alt+Shift+I'], label: 'diagrams.shortcuts.boardPng' },
] as const;

export function ShortcutsLegend(props: { onHide(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="board-legend" aria-labelledby={titleId}>
      <div className="board-legend-header">
        <h2 id={titleId}>{t('board.shortcuts.title')}</h2>
        <button type="button" className="button small" onClick={props.onHide}>
          {t('board.shortcuts.hide')}
        </button>
      </div>
      <ShortcutList shortcuts={BOARD_SHORTCUTS.map((shortcut) => ({ keys: shortcut.keys, label: t(shortcut.label) }))} />
    </section>
  );
}
