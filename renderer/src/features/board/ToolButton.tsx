import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import type { ShortcutId } from '../../ui/shortcuts/table';
import { Icon } from './icons';
import { useToolPlacement } from './MoreMenu';

/**
 * A toolbar button; its shortcut (from the app's table) is in its title and aria-keyshortcuts.
 * Inside the toolbar's "More" menu it is a menu item (a checkbox item when it toggles), its label
 * and key written out.
 */
export function ToolButton(props: {
  label: string;
  icon: Parameters<typeof Icon>[0]['name'];
  shortcut?: ShortcutId;
  /** Which of the shortcut's keys, when it has several for several tools (copy, cut, paste). */
  keyIndex?: number;
  disabled?: boolean;
  pressed?: boolean;
  text?: boolean;
  /** Keeps its text in the projector's compact row, where the other tools show their icons only. */
  keepText?: boolean;
  onClick(): void;
}) {
  const placement = useToolPlacement();
  const hint = props.shortcut ? keyHint(props.shortcut, props.keyIndex) : null;
  const keys = props.shortcut ? ariaKeys(props.shortcut, props.keyIndex) : undefined;
  if (placement.inMenu) {
    return (
      <button
        type="button"
        role={props.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
        aria-checked={props.pressed}
        className="menu-item tool-menu-item"
        tabIndex={-1}
        aria-keyshortcuts={keys}
        disabled={props.disabled}
        onClick={() => {
          placement.close();
          props.onClick();
        }}
      >
        <Icon name={props.icon} />
        <span className="tool-menu-label">{props.label}</span>
        {props.pressed !== undefined ? <span aria-hidden="true">{props.pressed ? '✓' : ''}</span> : null}
        {hint ? (
          <kbd className="tool-menu-key" aria-hidden="true">
            {hint}
          </kbd>
        ) : null}
      </button>
    );
  }
  return (
    <button
      type="button"
      className={`button tool${props.text ? ' with-text' : ''}${props.keepText ? ' keep-text' : ''}`}
      aria-label={props.text ? undefined : props.label}
      title={hint ? `${props.label} (${hint})` : props.label}
      aria-keyshortcuts={keys}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      {props.text ? <span>{props.label}</span> : null}
    </button>
  );
}
