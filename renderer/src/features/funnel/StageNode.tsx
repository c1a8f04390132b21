import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FunnelDepartment } from '../../../../shared/funnel/stages';

/** What the diagram shows of one stage (computed by the funnel view; the doc holds the stage). */
export type StageView = {
  name: string;
  owner: FunnelDepartment;
  ownerLabel: string;
  volumeText: string;
  rateText: string;
  /** Full description for assistive technology. */
  label: string;
  outcome: boolean;
  width: number;
  height: number;
};
export type StageFlowNode = Node<StageView, 'stage'>;

/** A funnel stage: a band as wide as its volume, coloured (and lettered) by its owner. */
export const StageNodeView = memo(function StageNodeView(props: NodeProps<StageFlowNode>) {
  const { data } = props;
  return (
    <div
      className={`funnel-stage owner-${data.owner}${data.outcome ? ' is-outcome' : ''}${props.selected ? ' is-selected' : ''}`}
      style={{ width: data.width, height: data.height }}
      role="img"
      aria-label={data.label}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="funnel-handle" />
      <span className="funnel-stage-name">{data.name}</span>
      <span className="funnel-stage-meta" aria-hidden="true">
        <span className="funnel-stage-owner">{data.ownerLabel}</span> · {data.volumeText} · {data.rateText}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="funnel-handle" />
    </div>
  );
});
