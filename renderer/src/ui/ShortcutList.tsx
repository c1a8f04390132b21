/** Keyboard shortcuts as a description list: the keys (as this computer writes them), then what they do. */
export function ShortcutList(props: { shortcuts: readonly { keys: readonly string[]; label: string }[] }) {
  return (
    <dl>
      {props.shortcuts.map((shortcut) => (
        <div key={shortcut.label}>
          <dt>
            {shortcut.keys.map((key, index) => (
              <span key={key}>
                {index > 0 ? ' ' : null}
                <kbd>{key}</kbd>
              </span>
            ))}
          </dt>
          <dd>{shortcut.label}</dd>
        </div>
      ))}
    </dl>
  );
}
