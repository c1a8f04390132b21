import type { TFunction } from 'i18next';
import './personas.css';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { printRoute } from '@shared/pdf';
import type { Agreement } from '@shared/records/board';
import { useApp } from '../../app/AppContext';
import { type BoardRow, db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { ConfirmDialog } from '../../ui/Dialog';
import { toastAction } from '../../ui/toastActions';
import { NameDialog } from '../../ui/NameDialog';
import { AgreementDialog } from './AgreementDialog';
import { useBoardExports } from '../diagrams/exports';
import { PersonaAvatar } from './PersonaAvatar';
import { createPersonaBoard, deleteBoard, renameBoard, restoreBoard, setAgreement } from './personaBoards';
import { useBoardNodes } from './useBoardNodes';

export function formatAgreement(agreement: Agreement, language: string, t: TFunction) {
  const [y, m, d] = agreement.date.split('-').map(Number);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(y!, m! - 1, d!));
  return agreement.meeting ? t('persona.agreedOnAt', { date, meeting: agreement.meeting }) : t('persona.agreedOn', { date });
}

/** The workspace's personas, as cards: open, rename, agree, export, delete. */
export function PersonaGallery(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const boards = useLiveQuery(
    () => db.boards.where('workspaceId').equals(props.workspaceId).filter((b) => b.kind === 'persona').sortBy('createdAt'),
    [props.workspaceId],
  );
  const [creating, setCreating] = useState(false);

  return (
    <section aria-labelledby="personas-title" className="card">
      <div className="section-header">
        <h2 id="personas-title">{t('persona.gallery')}</h2>
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          {t('persona.newPersona')}
        </button>
      </div>
      <p className="muted">{t('persona.galleryIntro')}</p>
      {boards && boards.length === 0 ? <p>{t('persona.emptyGallery')}</p> : null}
      <ul className="persona-gallery">
        {boards?.map((board) => (
          <PersonaTile key={board.id} board={board} />
        ))}
      </ul>
      <NameDialog
        open={creating}
        onOpenChange={setCreating}
        title={t('persona.createTitle')}
        initialName=""
        submitLabel={t('common.create')}
        onSubmit={async (name) => {
          const id = await createPersonaBoard(props.workspaceId, name);
          toast.success(t('persona.created', { name }));
          navigate(`/w/${props.workspaceId}/b/${id}`);
        }}
      />
    </section>
  );
}

function PersonaTile(props: { board: BoardRow }) {
  const { t } = useTranslation();
  const { language, host } = useApp();
  const { board } = props;
  const { persona, nodes } = useBoardNodes(board.doc);
  const [renaming, setRenaming] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const stickies = [...nodes.values()].filter((node) => node.type === 'sticky').length;
  const name = board.name;
  const exports = useBoardExports({ workspaceId: board.workspaceId, boardId: board.id, boardName: name, sheet: null });

  async function remove() {
    try {
      const deleted = await deleteBoard(board.workspaceId, board.id);
      if (!deleted) return;
      toast(t('persona.deleted', { name }), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () => void restoreBoard(deleted)),
      });
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
    }
  }

  return (
    <li className="persona-tile">
      <PersonaAvatar workspaceId={board.workspaceId} photoId={persona?.data.photoId ?? null} name={persona?.data.name || name} size={72} />
      <div className="persona-tile-body">
        <h3>
          <Link href={`/w/${board.workspaceId}/b/${board.id}`} aria-label={t('persona.open', { name })}>
            {name}
          </Link>
        </h3>
        {persona?.data.title ? <p className="muted">{persona.data.title}</p> : null}
        <p className="persona-tile-meta">
          {board.agreement ? (
            <span className="badge agreed">✓ {formatAgreement(board.agreement, language, t)}</span>
          ) : (
            <span className="badge">{t('persona.draft')}</span>
          )}{' '}
          <span className="muted">{t('persona.stickyCount', { count: stickies })}</span>
        </p>
      </div>
      <Menu.Root modal={false}>
        <Menu.Trigger className="button icon" aria-label={t('persona.actions', { name })}>
          ⋯
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item className="menu-item" onSelect={() => setRenaming(true)}>
              {t('persona.rename')}
            </Menu.Item>
            {board.agreement ? (
              <Menu.Item
                className="menu-item"
                onSelect={async () => {
                  await setAgreement(board.workspaceId, board.id, null);
                  toast(t('persona.clearedAgreed', { name }));
                }}
              >
                {t('persona.clearAgreed')}
              </Menu.Item>
            ) : (
              <Menu.Item className="menu-item" onSelect={() => setAgreeing(true)}>
                {t('persona.markAgreed')}
              </Menu.Item>
            )}
            <Menu.Item
              className="menu-item"
              onSelect={() =>
                void host
                  .exportPdf({ kind: 'persona-sheet', route: printRoute('persona', board.workspaceId, board.id), suggestedName: `${name}.pdf` })
                  .catch((error: unknown) => toast.error(t('common.error', { message: errorMessage(error) })))
              }
            >
              {t('persona.exportSheet')}
            </Menu.Item>
            <Menu.Item className="menu-item" onSelect={exports.openBoardPdf}>
              {t('diagrams.board.exportPdf')}
            </Menu.Item>
            <Menu.Item className="menu-item" onSelect={exports.exportPng}>
              {t('diagrams.board.exportPng')}
            </Menu.Item>
            <Menu.Separator className="menu-separator" />
            <Menu.Item className="menu-item danger" onSelect={() => setDeleting(true)}>
              {t('persona.delete')}
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <NameDialog
        open={renaming}
        onOpenChange={setRenaming}
        title={t('persona.renameTitle')}
        initialName={name}
        submitLabel={t('common.save')}
        onSubmit={(next) => renameBoard(board.workspaceId, board.id, next)}
      />
      <AgreementDialog
        open={agreeing}
        onOpenChange={setAgreeing}
        personaName={name}
        onSubmit={async (agreement) => {
          await setAgreement(board.workspaceId, board.id, agreement);
          toast.success(t('persona.markedAgreed', { name }));
        }}
      />
      {exports.dialog}
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t('persona.deleteTitle', { name })}
        description={t('persona.deleteBody')}
        confirmLabel={t('persona.delete')}
        onConfirm={() => void remove()}
      />
    </li>
  );
}
