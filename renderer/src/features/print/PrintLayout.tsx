import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { contentBoxMm, printOptions, toCssPageRule, type Orientation, type PdfKind } from '@shared/pdf';
import { usePrintPaper } from './printContext';
import './print.css';

/** Page-break helpers for print views (see print.css). */
export const printClasses = {
  /** Starts a new page before this element (a chapter, the signature page). */
  breakBefore: 'print-break-before',
  /** Keeps this element on one page when it fits (a card, a table row, a signature block). */
  avoidBreak: 'print-avoid-break',
  /** Keeps a heading on the page of what follows it. */
  keepWithNext: 'print-keep-with-next',
} as const;

/** An explicit page break between two pages. Never put one last: it would print a blank page. */
export function PageBreak() {
  return <div className="print-page-break" aria-hidden="true" />;
}

/**
 * The frame of every print view: no app chrome, white paper whatever the theme, and a `@page` rule
 * (size and margins) from the kind's shared print options, so the browser's print dialog, Electron
 * and the tests all lay the document out on the same page. On screen it shows the printable width
 * of that page, so lines wrap as they will on paper. `title` becomes the PDF's title. Kinds that
 * turn (diagrams) pass the `orientation` their content was laid out for.
 */
export function PrintLayout({ kind, title, orientation, children }: { kind: PdfKind; title: string; orientation?: Orientation; children: ReactNode }) {
  const paper = usePrintPaper(kind);
  const options = useMemo(() => printOptions(kind, { paper, orientation }), [kind, paper, orientation]);
  const box = contentBoxMm(options);
  const style = {
    '--print-content-width': `${box.width}mm`,
    '--print-content-height': `${box.height}mm`,
  } as CSSProperties;
  return (
    <div
      className="print-layout"
      data-print-kind={kind}
      data-paper={options.paper}
      data-orientation={options.landscape ? 'landscape' : 'portrait'}
      style={style}
    >
      <title>{title}</title>
      <style>{toCssPageRule(options)}</style>
      {children}
    </div>
  );
}
