import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import type { MessageKey } from '../i18n';
import { keysShown } from '../ui/shortcuts/labels';
import { SCOPES, shortcutsOf, type Scope } from '../ui/shortcuts/table';

/** The title of each scope's table in the list. */
const GROUP_TITLES: Record<Scope, MessageKey> = {
  global: 'shortcuts.everywhere',
  board: 'keys.groups.board',
  personaExports: 'keys.groups.personaExports',
  room: 'keys.groups.room',
  funnel: 'keys.groups.funnel',
  funnelExports: 'keys.groups.funnelExports',
  slaBoard: 'keys.groups.slaBoard',
  kpi: 'keys.groups.kpi',
  kpiValues: 'keys.groups.kpiValues',
  calendar: 'keys.groups.calendar',
  run: 'shortcuts.runMode',
  printView: 'keys.groups.printView',
  participant: 'keys.groups.participant',
  workspace: 'keys.groups.workspace',
  audience: 'audience.shortcuts.group',
  audienceBoard: 'audience.shortcuts.boardGroup',
  audienceWindow: 'audience.shortcuts.windowGroup',
};

/** Every shortcut of the app ("?"), by where it works, made from the one shortcut table. */
export function ShortcutsDialog(props: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('shortcuts.title')}>
      {SCOPES.map((scope) => (
        <table className="table" key={scope}>
          <caption>{t(GROUP_TITLES[scope])}</caption>
          <tbody>
            {shortcutsOf(scope).map(([id, entry]) => (
              <tr key={id}>
                <th scope="row">
                  {keysShown(id).map((key, index) => (
                    <span key={key}>
                      {index > 0 ? ' / ' : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(entry.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Dialog>
  );
}
