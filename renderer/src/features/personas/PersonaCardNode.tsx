import type { NodeProps } from '@xyflow/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONA_CARD_MAX_HEIGHT } from '@shared/board/personaTemplate';
import './personas.css';
import type { PersonaNode } from '../board/types';
import { PersonaAvatar } from './PersonaAvatar';
import { useBoardMeta } from './boardMeta';

const CARD_FIELDS = ['goals', 'challenges', 'triggers', 'objections', 'decisionCriteria', 'channels'] as const;
const CARD_STYLE = { maxHeight: PERSONA_CARD_MAX_HEIGHT };

/**
 * The persona card on the canvas. Editing happens in the persona panel (Enter on the card opens it).
 * The card never grows past its place in the template (the zone below stays clear in every theme):
 * long fields are cut, and the card then says the rest is in the details.
 */
export function PersonaCardNode(props: NodeProps<PersonaNode>) {
  const { t } = useTranslation();
  const { data } = props;
  const meta = useBoardMeta();
  const fields = useRef<HTMLDListElement>(null);
  const [clipped, setClipped] = useState(false);
  const name = data.name || t('persona.unnamed');
  const subtitle = [data.title, data.buyingRole ? t(`persona.buyingRoles.${data.buyingRole}`) : null].filter(Boolean).join(' · ');
  const company = [data.industry, data.companySize].filter(Boolean).join(' · ');

  // Measured after every render: the text, the theme's type size or the photo may change the fit.
  useLayoutEffect(() => {
    const element = fields.current;
    if (!element) return;
    const check = () => setClipped(element.scrollHeight > element.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  });

  return (
    <article className="persona-card" style={CARD_STYLE} aria-label={t('persona.cardLabel', { name })} data-clipped={clipped || undefined}>
      <header>
        <PersonaAvatar workspaceId={meta.workspaceId} photoId={data.photoId} name={name} size={84} />
        <div>
          <h3>{name}</h3>
          {subtitle ? <p className="persona-card-title">{subtitle}</p> : null}
          {company ? <p className="persona-card-title">{company}</p> : null}
          {meta.agreed ? <span className="badge agreed agreed-ribbon">✓ {t('persona.agreed')}</span> : null}
        </div>
      </header>
      {data.quote.trim() ? <blockquote>{data.quote}</blockquote> : null}
      <dl ref={fields}>
        {CARD_FIELDS.filter((field) => data[field].trim()).map((field) => (
          <div key={field}>
            <dt>{t(`persona.fields.${field}`)}</dt>
            <dd>{data[field]}</dd>
          </div>
        ))}
      </dl>
      {clipped ? <p className="persona-card-more">{t('workspaceUx.persona.moreInDetails')}</p> : null}
    </article>
  );
}
