import * as Menu from '@radix-ui/react-dropdown-menu';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { funnelSheetRequest, useBoardExports } from '../diagrams/exports';
import { createFunnelBoard } from './funnelBoards';

/** The workspace's funnel: create it (with the default stages) or open it. */
export function FunnelSection(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const funnels = useLiveQuery(
    () => db.boards.where('workspaceId').equals(props.workspaceId).filter((b) => b.kind === 'funnel').sortBy('createdAt'),
    [props.workspaceId],
  );

  async function create() {
    setBusy(true);
    try {
      const id = await createFunnelBoard(props.workspaceId, t('funnel.defaultName'), language);
      toast.success(t('funnel.created'));
      navigate(`/w/${props.workspaceId}/funnel/${id}`);
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="funnel-section-title" className="card">
      <div className="section-header">
        <h2 id="funnel-section-title">{t('funnel.section')}</h2>
        {funnels && funnels.length === 0 ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => void create()}>
            {t('funnel.create')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('funnel.sectionIntro')}</p>
      {funnels && funnels.length > 0 ? (
        <ul className="funnel-links">
          {funnels.map((board) => (
            <FunnelLink key={board.id} workspaceId={props.workspaceId} boardId={board.id} name={board.name} only={funnels.length === 1} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A funnel: the link that opens it, and its exports in a menu. */
function FunnelLink(props: { workspaceId: string; boardId: string; name: string; only: boolean }) {
  const { t } = useTranslation();
  const sheet = useMemo(() => funnelSheetRequest(props.workspaceId, props.boardId, props.name), [props.workspaceId, props.boardId, props.name]);
  const exports = useBoardExports({ workspaceId: props.workspaceId, boardId: props.boardId, boardName: props.name, sheet });
  return (
    <li>
      <Link href={`/w/${props.workspaceId}/funnel/${props.boardId}`} aria-label={props.only ? t('funnel.open') : `${t('funnel.open')}: ${props.name}`}>
        {t('funnel.open')}
      </Link>{' '}
      <Menu.Root modal={false}>
        <Menu.Trigger className="button icon" aria-label={t('diagrams.actions', { name: props.name })}>
          ⋯
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item className="menu-item" onSelect={() => exports.exportSheet?.()}>
              {t('diagrams.funnelSheet.export')}
            </Menu.Item>
            <Menu.Item className="menu-item" onSelect={exports.openBoardPdf}>
              {t('diagrams.board.exportPdf')}
            </Menu.Item>
            <Menu.Item className="menu-item" onSelect={exports.exportPng}>
              {t('diagrams.board.exportPng')}
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {exports.dialog}
    </li>
  );
}
