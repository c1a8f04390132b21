import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONA_ZONES, type PersonaTextField, type PersonaZone } from '@shared/board/nodes';
import { topNotesByZone } from '@shared/board/personaTemplate';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n';
import { PrintLayout } from '../print/PrintLayout';
import { usePrintReady } from '../print/usePrintReady';
import { formatAgreement } from './PersonaGallery';
import { PersonaAvatar } from './PersonaAvatar';
import { useBoardNodes } from './useBoardNodes';
import './personaSheet.css';

/** Fields shown beside each zone's notes, and the rest of the persona in the side column. */
const ZONE_FIELDS: Record<PersonaZone, PersonaTextField> = {
  goals: 'goals',
  challenges: 'challenges',
  triggers: 'triggers',
  objections: 'objections',
  channels: 'channels',
};
const PROFILE_FIELDS: PersonaTextField[] = ['industry', 'companySize', 'department', 'responsibilities', 'decisionCriteria', 'preferredContent', 'dayInLife'];

/** One persona on one A4 landscape page: the card's fields and the top-voted notes per zone. */
export function PersonaSheet(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [printedAt] = useState(() => new Date().toISOString());
  const data = useLiveQuery(async () => {
    const [workspace, board] = await Promise.all([db.workspaces.get(props.workspaceId), db.boards.get([props.workspaceId, props.boardId])]);
    return { workspace: workspace ?? null, board: board ?? null };
  }, [props.workspaceId, props.boardId]);
  const { loaded, nodes, persona } = useBoardNodes(data?.board?.doc);
  const photoReady = useLiveQuery(
    async () => (persona?.data.photoId ? Boolean(await db.assets.get([props.workspaceId, persona.data.photoId])) : true),
    [props.workspaceId, persona?.data.photoId],
  );
  const missing = data !== undefined && (data.board === null || data.workspace === null);
  usePrintReady(Boolean(data && !missing && loaded && photoReady !== undefined), missing ? 'the persona board does not exist' : null);

  if (!data) return null;
  if (!data.board || !data.workspace) return <p role="alert">{t('workspace.notFound')}</p>;
  const p = persona?.data;
  const name = p?.name || data.board.name;
  const top = topNotesByZone(nodes.values(), 3);
  const subtitle = [p?.title, p?.buyingRole ? t(`persona.buyingRoles.${p.buyingRole}`) : null].filter(Boolean).join(' · ');

  return (
    <PrintLayout kind="persona-sheet" title={name}>
    <article className="persona-sheet" lang={language}>
      <header className="sheet-header">
        <PersonaAvatar workspaceId={props.workspaceId} photoId={p?.photoId ?? null} name={name} size={88} />
        <div className="sheet-heading">
          <p className="sheet-kicker">{t('persona.sheetTitle')}</p>
          <h1>{name}</h1>
          {subtitle ? <p className="sheet-subtitle">{subtitle}</p> : null}
        </div>
        <div className="sheet-status">
          {data.board.agreement ? (
            <span className="sheet-agreed">✓ {formatAgreement(data.board.agreement, language, t)}</span>
          ) : (
            <span>{t('persona.draft')}</span>
          )}
        </div>
      </header>
      {p?.quote.trim() ? <blockquote className="sheet-quote">{p.quote}</blockquote> : null}
      <div className="sheet-body">
        <section className="sheet-profile">
          <dl>
            {PROFILE_FIELDS.filter((field) => p?.[field].trim()).map((field) => (
              <div key={field}>
                <dt>{t(`persona.fields.${field}`)}</dt>
                <dd>{p![field]}</dd>
              </div>
            ))}
          </dl>
        </section>
        {PERSONA_ZONES.map((zone) => (
          <section key={zone} className={`sheet-zone zone-${zone}`}>
            <h2>{t(`persona.fields.${ZONE_FIELDS[zone]}`)}</h2>
            {p?.[ZONE_FIELDS[zone]].trim() ? <p className="sheet-field">{p[ZONE_FIELDS[zone]]}</p> : null}
            <h3>{t('persona.sheetTopNotes')}</h3>
            {top[zone].length ? (
              <ol className="sheet-notes">
                {top[zone].map((note, index) => (
                  <li key={index} className={`dept-${note.department}`}>
                    <span className="sheet-note-text">{note.text}</span>
                    {note.votes > 0 ? <span className="sheet-votes"> · {t('persona.sheetVotes', { count: note.votes })}</span> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('persona.sheetNoNotes')}</p>
            )}
          </section>
        ))}
      </div>
      <footer className="sheet-footer">{t('persona.sheetFooter', { workspace: data.workspace.name, date: formatDateTime(printedAt, language) })}</footer>
    </article>
    </PrintLayout>
  );
}
