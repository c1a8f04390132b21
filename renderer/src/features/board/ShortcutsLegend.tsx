import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortcutLegend } from '../../ui/shortcuts/labels';

/** Keys of the board and its exports beside the canvas, made from the app's one shortcut table. */
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
      <ShortcutLegend scopes={['board', 'personaExports']} />
    </section>
  );
}
