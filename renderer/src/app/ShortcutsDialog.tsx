import { useTranslation } from 'react-i18next';
import { RUN_SHORTCUTS } from '../features/meetings/RunMeetingPage';
import { WORKSPACE_PLACES } from '../features/workspace/places';
import { Dialog } from '../ui/Dialog';

const SHORTCUTS = [
  { keys: ['Alt+Shift+T'], label: 'shortcuts.cycleTheme' },
  { keys: ['N'], label: 'shortcuts.newWorkspace' },
  { keys: ['Ctrl/⌘+O'], label: 'shortcuts.importWorkspace' },
  { keys: ['Ctrl/⌘+E'], label: 'shortcuts.exportWorkspace' },
  { keys: ['Ctrl/⌘+Z', 'Ctrl/⌘+Shift+Z'], label: 'shortcuts.undoRedo' },
  { keys: ['?'], label: 'shortcuts.help' },
] as const;

/** On a persona or funnel board: its exports (the persona board also lists them in its legend). */
const BOARD_EXPORT_SHORTCUTS = [
  { keys: ['Alt+Shift+P'], label: 'diagrams.shortcuts.funnelSheet' },
  { keys: ['Alt+Shift+P'], label: 'diagrams.shortcuts.personaSheet' },
  { keys: ['Alt+Shift+B'], label: 'diagrams.shortcuts.boardPdf' },
  { keys: ['Alt+Shift+I'], label: 'diagrams.shortcuts.boardPng' },
] as const;

/** Every app-wide shortcut, those of the boards' exports and those of the meeting's run mode (boards list the rest beside the canvas). */
export function ShortcutsDialog(props: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const groups = [
    { title: t('shortcuts.everywhere'), rows: SHORTCUTS },
    {
      title: t('workspaceUx.nav.shortcutsGroup'),
      rows: WORKSPACE_PLACES.map((place) => ({ keys: [place.keys], label: `workspaceUx.nav.places.${place.place}`, goTo: true })),
    },
    { title: t('diagrams.shortcutsGroup'), rows: BOARD_EXPORT_SHORTCUTS },
    { title: t('shortcuts.runMode'), rows: RUN_SHORTCUTS },
  ];
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('shortcuts.title')}>
      {groups.map((group) => (
        <table className="table" key={group.title}>
          <caption>{group.title}</caption>
          <tbody>
            {group.rows.map((shortcut) => (
              <tr key={shortcut.label}>
                <th scope="row">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? ' / ' : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{'goTo' in shortcut ? t('workspaceUx.nav.goTo', { place: t(shortcut.label) }) : t(shortcut.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Dialog>
  );
}
