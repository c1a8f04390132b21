import { memo, type CSSProperties } from 'react';
import { baselineOffset, type Scene, type SceneItem } from '@shared/diagrams/scene';
import './diagrams.css';

/** Coordinates to two decimals: the same drawing, a much smaller DOM (and PDF). */
const n = (value: number) => Math.round(value * 100) / 100;
const points = (list: readonly (readonly [number, number])[]) => list.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
const dash = (pattern: readonly number[] | undefined) => (pattern ? pattern.map(n).join(' ') : undefined);

/**
 * One scene item's SVG element. A function, not a component: a board's print view draws thousands
 * of items, and a component each (a fiber and a hook render each) was a fifth of its open time.
 */
function itemElement(item: SceneItem, key: number) {
  switch (item.kind) {
    case 'rect':
      return (
        <rect
          key={key}
          x={n(item.x)}
          y={n(item.y)}
          width={n(item.width)}
          height={n(item.height)}
          rx={item.rx === undefined ? undefined : n(item.rx)}
          fill={item.fill ?? 'none'}
          stroke={item.stroke}
          strokeWidth={item.strokeWidth}
          strokeDasharray={dash(item.dash)}
        />
      );
    case 'polygon':
      return <polygon key={key} points={points(item.points)} fill={item.fill ?? 'none'} stroke={item.stroke} strokeWidth={item.strokeWidth} strokeDasharray={dash(item.dash)} />;
    case 'shapes':
      return <path key={key} d={item.rings.map((ring) => `M${points(ring).replace(/ /g, 'L')}Z`).join('')} fill={item.fill} />;
    case 'line':
      return <polyline key={key} points={points(item.points)} fill="none" stroke={item.stroke} strokeWidth={item.strokeWidth} strokeDasharray={dash(item.dash)} strokeLinejoin="round" />;
    case 'circle':
      return <circle key={key} cx={n(item.cx)} cy={n(item.cy)} r={n(item.r)} fill={item.fill ?? 'none'} stroke={item.stroke} strokeWidth={item.strokeWidth} />;
    case 'text': {
      const offset = baselineOffset(item.size, item.lineHeight);
      return (
        <text
          key={key}
          x={n(item.x)}
          y={n(item.y + offset)}
          fontSize={n(item.size)}
          fontWeight={item.weight}
          fontStyle={item.italic ? 'italic' : undefined}
          textAnchor={item.anchor}
          fill={item.fill}
        >
          {item.lines.map((line, index) => (
            <tspan key={index} x={n(item.x)} y={n(item.y + offset + index * item.lineHeight)}>
              {line}
            </tspan>
          ))}
        </text>
      );
    }
  }
}

/**
 * A laid-out diagram (shared/diagrams) as inline SVG: vectors and real text in the bundled fonts,
 * so a printed PDF stays sharp at any zoom and its words can be selected and searched. `width` and
 * `height` are the CSS size it is drawn at (the scene's own units by default); the scene is scaled
 * to fill them.
 */
export const DiagramSvg = memo(function DiagramSvg(props: { scene: Scene; label: string; width?: number; height?: number; className?: string; style?: CSSProperties }) {
  const { scene } = props;
  const width = props.width ?? scene.width;
  const height = props.height ?? scene.height;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={`diagram-svg${props.className ? ` ${props.className}` : ''}`}
      viewBox={`0 0 ${n(scene.width)} ${n(scene.height)}`}
      width={n(width)}
      height={n(height)}
      role="img"
      aria-label={props.label}
      style={props.style}
    >
      {scene.items.map(itemElement)}
    </svg>
  );
});
