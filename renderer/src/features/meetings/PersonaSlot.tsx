import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { formatDay } from './format';

/** Run mode's "persona updates" item: the workspace's personas, agreed or not, one step away. */
export function PersonaSlot(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const boards = useLiveQuery(
    async () =>
      (await db.boards.where('workspaceId').equals(props.workspaceId).toArray())
        .filter((board) => board.kind === 'persona')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    [props.workspaceId],
  );
  if (!boards) return null;
  return (
    <section className="run-slot" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('persona.gallery')}</h2>
      {boards.length === 0 ? (
        <p className="muted">{t('persona.emptyGallery')}</p>
      ) : (
        <ul className="plain-list">
          {boards.map((board) => (
            <li key={board.id}>
              <Link href={`/w/${props.workspaceId}/b/${board.id}`}>{board.name}</Link> —{' '}
              {board.agreement ? (
                <span>
                  <span aria-hidden="true">✓ </span>
                  {board.agreement.meeting
                    ? t('persona.agreedOnAt', { date: formatDay(board.agreement.date, language), meeting: board.agreement.meeting })
                    : t('persona.agreedOn', { date: formatDay(board.agreement.date, language) })}
                </span>
              ) : (
                <span className="muted">{t('persona.draft')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
