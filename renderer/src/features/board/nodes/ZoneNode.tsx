import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneNode } from '../types';

/** A labelled area of the persona template; notes placed in it are promoted into its field. */
export const ZoneNodeView = memo(function ZoneNodeView(props: NodeProps<ZoneNode>) {
  const { t } = useTranslation();
  return (
    <div className={`zone zone-${props.data.zone}`} aria-hidden="true">
      <span className="zone-title">{t(`persona.zones.${props.data.zone}`)}</span>
    </div>
  );
});
