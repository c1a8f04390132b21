import { Handle, Position, useReactFlow, type Node, type NodeProps } from '@xyflow/react';
import { type FocusEvent, type KeyboardEvent, memo } from 'react';
import type { FunnelDepartment } from '@shared/funnel/stages';
import type { FindingSeverity } from '@shared/sla/checks';
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

const STAGE_SELECTOR = '.funnel-stage-hit[data-stage-id]';

/**
 * A funnel stage: a band as wide as its volume, coloured (and lettered) by its owner. Each stage
 * is a button in the canvas's tab order (top to bottom): Enter or Space selects it and moves the
 * keyboard to the stage editor beside the canvas; arrow keys, Home and End move between stages;
 * a focused stage outside the view is brought into it.
 */
export const StageNodeView = memo(function StageNodeView(props: NodeProps<StageFlowNode>) {
  const { data } = props;
  const flow = useReactFlow();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const stages = Array.from(event.currentTarget.closest('.react-flow')?.querySelectorAll<HTMLElement>(STAGE_SELECTOR) ?? []);
    const index = stages.indexOf(event.currentTarget);
    let next = -1;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      // The node's click selects it (React Flow's onNodeClick), as the mouse does.
      event.currentTarget.click();
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.funnel-panel input, .funnel-panel select')?.focus());
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = Math.min(stages.length - 1, index + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = stages.length - 1;
    if (next < 0) return;
    event.preventDefault();
    stages[next]?.focus();
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const pane = event.currentTarget.closest('.react-flow')?.getBoundingClientRect();
    const box = event.currentTarget.getBoundingClientRect();
    if (!pane || (box.top >= pane.top && box.bottom <= pane.bottom && box.left >= pane.left && box.right <= pane.right)) return;
    void flow.setCenter(props.positionAbsoluteX + data.width / 2, props.positionAbsoluteY + data.height / 2, { zoom: flow.getZoom() });
  };
  return (
    <div
      className={`funnel-stage owner-${data.owner}${data.outcome ? ' is-outcome' : ''}${data.checks ? ` has-${data.checks.severity}` : ''}${props.selected ? ' is-selected' : ''}`}
      style={{ width: data.width, height: data.height }}
    >
      {/* The focusable control covers the band; the text below is what it shows, named by aria-label. */}
      <div
        className="funnel-stage-hit"
        role="button"
        tabIndex={0}
        data-stage-id={props.id}
        aria-pressed={props.selected}
        aria-label={data.label}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      />
      <Handle type="target" position={Position.Top} isConnectable={false} className="funnel-handle" />
      {data.checks ? (
        <span className={`funnel-stage-badge is-${data.checks.severity}`} aria-hidden="true">
          <span className="funnel-stage-badge-icon">{SEVERITY_ICON[data.checks.severity]}</span> {data.checks.text}
        </span>
      ) : null}
      <span className="funnel-stage-name" aria-hidden="true">
        {data.name}
      </span>
      <span className="funnel-stage-meta" aria-hidden="true">
        <span className="funnel-stage-owner">{data.ownerLabel}</span> · {data.volumeText} · {data.rateText}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="funnel-handle" />
    </div>
  );
});
