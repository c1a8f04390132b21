import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { PersonaNode } from '../board/types';

/** The persona card on the canvas. Owned by the personas feature; the board engine registers it. */
export function PersonaCardNode(props: NodeProps<PersonaNode>) {
  const { t } = useTranslation();
  const { data } = props;
  return (
    <article className="persona-card" aria-label={t('persona.cardLabel', { name: data.name || t('persona.unnamed') })}>
      <h3>{data.name || t('persona.unnamed')}</h3>
      <p>{data.title}</p>
    </article>
  );
}
