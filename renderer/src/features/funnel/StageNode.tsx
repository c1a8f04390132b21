import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FunnelDepartment } from '../../../../shared/funnel/stages';
import type { FindingSeverity } from '../../../../shared/sla/checks';
import { SEVERITY_ICON } from './checks';

/** What the diagram shows of one stage (computed by the funnel view; the doc holds the stage). */
export type StageView = {
  name: string;
  owner: FunnelDepartment;
  ownerLabel: string;
  volumeText: string;
  rateText: string;
  /** Full description for assistive technology (including the problems found by the checks). */
  label: string;
  /** The consistency-check badge: worst severity and its visible text (null: no findings). */
  checks: { severity: FindingSeverity; text: string } | null;
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
      className={`funnel-stage owner-${data.owner}${data.outcome ? ' is-outcome' : ''}${data.checks ? ` has-${data.checks.severity}` : ''}${props.selected ? ' is-selected' : ''}`}
      style={{ width: data.width, height: data.height }}
      role="img"
      aria-label={data.label}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="funnel-handle" />
      {data.checks ? (
        <span className={`funnel-stage-badge is-${data.checks.severity}`} aria-hidden="true">
          <span className="funnel-stage-badge-icon">{SEVERITY_ICON[data.checks.severity]}</span> {data.checks.text}
        </span>
      ) : null}
      <span className="funnel-stage-name">{data.name}</span>
      <span className="funnel-stage-meta" aria-hidden="true">
        <span className="funnel-stage-owner">{data.ownerLabel}</span> · {data.volumeText} · {data.rateText}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="funnel-handle" />
    </div>
  );
});
