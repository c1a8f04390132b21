import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import './personas.css';
import type { PersonaNode } from '../board/types';
import { PersonaAvatar } from './PersonaAvatar';
import { useBoardMeta } from './boardMeta';

const CARD_FIELDS = ['goals', 'challenges', 'triggers', 'objections', 'decisionCriteria', 'channels'] as const;

/** The persona card on the canvas. Editing happens in the persona panel (Enter on the card opens it). */
export function PersonaCardNode(props: NodeProps<PersonaNode>) {
  const { t } = useTranslation();
  const { data } = props;
  const meta = useBoardMeta();
  const name = data.name || t('persona.unnamed');
  const subtitle = [data.title, data.buyingRole ? t(`persona.buyingRoles.${data.buyingRole}`) : null].filter(Boolean).join(' · ');
  const company = [data.industry, data.companySize].filter(Boolean).join(' · ');
  return (
    <article className="persona-card" aria-label={t('persona.cardLabel', { name })}>
      <header>
        <PersonaAvatar workspaceId={meta.workspaceId} photoId={data.photoId} name={name} size={84} />
        <div>
          <h3>{name}</h3>
          {subtitle ? <p className="persona-card-title">{subtitle}</p> : null}
          {company ? <p className="persona-card-title">{company}</p> : null}
          {meta.agreed ? <span className="badge agreed agreed-ribbon">✓ {t('persona.agreed')}</span> : null}
        </div>
      </header>
      <dl>
        {CARD_FIELDS.filter((field) => data[field].trim()).map((field) => (
          <div key={field}>
            <dt>{t(`persona.fields.${field}`)}</dt>
            <dd>{data[field]}</dd>
          </div>
        ))}
      </dl>
      {data.quote.trim() ? <blockquote>{data.quote}</blockquote> : null}
    </article>
  );
}
