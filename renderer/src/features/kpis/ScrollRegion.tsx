import type { ReactNode } from 'react';

/** A horizontally scrolling box the keyboard can reach (and scroll with the arrow keys). */
export function ScrollRegion(props: { label: string; children: ReactNode; className?: string }) {
  return (
    // A scrollable region must be focusable (axe scrollable-region-focusable) and is named for screen readers.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={props.className ?? 'kpi-scroll'} tabIndex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
