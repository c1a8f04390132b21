import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';

const SHORTCUTS = [
  { keys: 'Alt+Shift+T', label: 'shortcuts.cycleTheme' },
  { keys: 'N', label: 'shortcuts.newWorkspace' },
  { keys: 'Ctrl/⌘+O', label: 'shortcuts.importWorkspace' },
  { keys: '?', label: 'shortcuts.help' },
] as const;

export function ShortcutsDialog(props: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('shortcuts.title')}>
      <table className="table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{t(shortcut.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
