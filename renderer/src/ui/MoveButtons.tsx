import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The ↑ / ↓ pair that moves an item of an ordered list one place (funnel stages, KPIs, agenda
 * items). Each button is named after its item ("Move MQL up"); the first cannot go up, the last
 * cannot go down.
 *
 * The keyboard stays on the pressed button once the item has moved, so Enter moves it again: React
 * may re-insert the row's element (which drops focus) and the move may land later (a database
 * write), so focus is put back when this item's `index` changes, unless the user has gone elsewhere.
 * A button that became disabled (the item reached an end) hands focus to its partner.
 */
export function MoveButtons(props: {
  index: number;
  count: number;
  labels: { up: string; down: string };
  onMove(delta: -1 | 1): void;
  /** Words shown instead of the arrows. */
  text?: { up: ReactNode; down: ReactNode };
  /** Square icon buttons. */
  icon?: boolean;
}) {
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pressed = useRef<-1 | 1 | null>(null);
  const { index } = props;
  const placedAt = useRef(index);
  useEffect(() => {
    const delta = pressed.current;
    if (placedAt.current === index) return;
    placedAt.current = index;
    if (delta === null) return;
    pressed.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== up.current && active !== down.current) return;
    const [first, second] = delta < 0 ? [up.current, down.current] : [down.current, up.current];
    (first && !first.disabled ? first : second)?.focus();
  }, [index]);

  const className = props.icon ? 'button small icon' : 'button small';
  const move = (delta: -1 | 1) => {
    pressed.current = delta;
    props.onMove(delta);
  };
  return (
    <>
      <button ref={up} type="button" className={className} aria-label={props.labels.up} disabled={index === 0} onClick={() => move(-1)}>
        {props.text ? props.text.up : <span aria-hidden="true">↑</span>}
      </button>
      <button ref={down} type="button" className={className} aria-label={props.labels.down} disabled={index === props.count - 1} onClick={() => move(1)}>
        {props.text ? props.text.down : <span aria-hidden="true">↓</span>}
      </button>
    </>
  );
}
