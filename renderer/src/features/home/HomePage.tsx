import * as Menu from '@radix-ui/react-dropdown-menu';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link } from 'wouter';
import { fitWithin } from '@shared/fitText';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import {
  listWorkspaces,
  loadWorkspaceFiles,
  purgeDeletedWorkspaces,
  renameWorkspace,
  restoreWorkspace,
  softDeleteWorkspace,
  type WorkspaceSummary,
} from '../../db/workspaces';
import { formatDateTime } from '../../i18n';
import { DataTable, RowActions } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/Dialog';
import { toastAction } from '../../ui/toastActions';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MAX_NAME, NameDialog } from '../../ui/NameDialog';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { numberedName, useWorkspaceActions } from '../workspace/WorkspaceActions';

const UNDO_MS = 8_000;

export function HomePage() {
  const { t } = useTranslation();
  const { language } = useApp();
  const actions = useWorkspaceActions();
  const workspaces = useLiveQuery(() => listWorkspaces(), []);
  const [renaming, setRenaming] = useState<WorkspaceSummary | null>(null);
  const [deleting, setDeleting] = useState<WorkspaceSummary | null>(null);
  useDocumentTitle(t('home.title'));

  async function remove(workspace: WorkspaceSummary) {
    try {
      await softDeleteWorkspace(workspace.id);
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
      return;
    }
    let undone = false;
    const purge = () => {
      if (!undone) void purgeDeletedWorkspaces(undefined, [workspace.id]);
    };
    toast(t('home.deleted', { name: workspace.name }), {
      duration: UNDO_MS,
      action: toastAction(t('common.undo'), () => {
        undone = true;
        void restoreWorkspace(workspace.id).then(() => toast.success(t('home.restored', { name: workspace.name })));
      }),
      onAutoClose: purge,
      onDismiss: purge,
    });
  }

  async function duplicate(workspace: WorkspaceSummary) {
    // The copy's name within the limit: a name at the limit would give a copy whose file (export,
    // backup) no import accepts. The original's name is shortened, with an ellipsis.
    const name = fitWithin(MAX_NAME, workspace.name, (shortened) => t('home.copyName', { name: shortened }));
    try {
      const { duplicateWorkspace } = await loadWorkspaceFiles();
      // Numbered if that name is taken too (a second copy: “Acme (copy) (2)”), and said as it is.
      const copy = await duplicateWorkspace(workspace.id, { name, numbered: numberedName(t) });
      toast.success(t('home.duplicated', { name: copy.name }));
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
    }
  }

  return (
    <section aria-labelledby="home-title" className="page">
      <div className="page-header">
        <h1 id="home-title">{t('home.title')}</h1>
        <div className="toolbar">
          <button type="button" className="button primary" onClick={actions.openCreateDialog} aria-keyshortcuts={ariaKeys('app.newWorkspace')}>
            {t('home.newWorkspace')}
          </button>
          <button type="button" className="button" onClick={() => void actions.pickAndImport()} aria-keyshortcuts={ariaKeys('app.import')}>
            {t('home.import')}
          </button>
        </div>
      </div>
      <p className="lead">{t('home.intro')}</p>

      {workspaces === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : workspaces.length === 0 ? (
        <div className="empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyBody')}</p>
          <div className="toolbar">
            <button type="button" className="button primary" onClick={() => void actions.createSample()}>
              {t('home.openSample')}
            </button>
            <button type="button" className="button" onClick={actions.openCreateDialog}>
              {t('home.newWorkspace')}
            </button>
          </div>
        </div>
      ) : (
        <DataTable
          caption={t('home.listLabel')}
          columns={[t('home.colName'), t('home.colEdited'), { label: t('home.colMembers'), numeric: true }, { label: t('home.colBoards'), numeric: true }]}
          actions
        >
          {workspaces.map((workspace) => (
            <tr key={workspace.id}>
              <th scope="row">
                <Link href={`/w/${workspace.id}`} className="row-link">
                  {workspace.name}
                </Link>
              </th>
              <td>
                <time dateTime={workspace.updatedAt}>{formatDateTime(workspace.updatedAt, language)}</time>
              </td>
              <td className="num">{workspace.memberCount.toLocaleString(language)}</td>
              <td className="num">{workspace.boardCount.toLocaleString(language)}</td>
              <RowActions>
                <Menu.Root modal={false}>
                  <Menu.Trigger className="button icon" aria-label={t('home.workspaceActions', { name: workspace.name })}>
                    ⋯
                  </Menu.Trigger>
                  <Menu.Portal>
                    <Menu.Content className="menu" align="end" sideOffset={4}>
                      <Menu.Item className="menu-item" onSelect={() => setRenaming(workspace)}>
                        {t('common.rename')}
                      </Menu.Item>
                      <Menu.Item className="menu-item" onSelect={() => void duplicate(workspace)}>
                        {t('common.duplicate')}
                      </Menu.Item>
                      <Menu.Item className="menu-item" onSelect={() => void actions.exportToFile(workspace.id, workspace.name)}>
                        {t('home.export')}
                      </Menu.Item>
                      <Menu.Separator className="menu-separator" />
                      <Menu.Item className="menu-item danger" onSelect={() => setDeleting(workspace)}>
                        {t('common.delete')}
                      </Menu.Item>
                    </Menu.Content>
                  </Menu.Portal>
                </Menu.Root>
              </RowActions>
            </tr>
          ))}
        </DataTable>
      )}

      <NameDialog
        open={renaming !== null}
        onOpenChange={(open) => !open && setRenaming(null)}
        title={t('home.renameTitle')}
        initialName={renaming?.name ?? ''}
        submitLabel={t('common.save')}
        onSubmit={async (name) => {
          if (!renaming) return;
          await renameWorkspace(renaming.id, name);
          toast.success(t('home.renamed', { name }));
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('home.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('home.deleteBody', { members: deleting?.memberCount ?? 0, boards: deleting?.boardCount ?? 0 })}
        confirmLabel={t('common.delete')}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </section>
  );
}
