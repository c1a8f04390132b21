import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_PAGE_HEADER_MM } from '@shared/diagrams/pages';
import { useApp } from '../../app/AppContext';
import { PrintLayout } from '../print/PrintLayout';
import { usePrintPaper } from '../print/printContext';
import { usePrintReady } from '../print/usePrintReady';
import { useBoardContent } from './content';
import { DiagramSvg } from './DiagramSvg';
import { boardPrintPlan } from './figures';
import './diagrams.css';

/**
 * A whole board on paper: every zone and note as on the canvas, on one page (A3, or a smaller
 * paper when its notes stay at least 7 pt) or in tiles at 7 pt, each tile labelled with its row
 * and column so the pages can be laid out side by side. Funnel boards: the funnel, on one page.
 */
export function BoardPrint(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const paper = usePrintPaper('board');
  const { records, content } = useBoardContent(props.workspaceId, props.boardId);
  const missing = records !== undefined && (records.workspace === null || records.board === null || records.board.kind === 'sla');
  const plan = useMemo(
    () => (content && records?.board ? boardPrintPlan(content, paper, { t, language, members: records.members, agreement: records.board.agreement ?? null }) : null),
    [content, records, paper, t, language],
  );
  usePrintReady(Boolean(plan && !missing), missing ? 'the board does not exist' : null, plan?.orientation ?? null);

  if (!records) return null;
  if (missing || !records.workspace || !records.board) return <p role="alert">{t('board.notFound')}</p>;
  if (!plan) return null;
  const name = records.board.name;
  const total = plan.pages.length;
  const figureLabel = content?.kind === 'funnel' ? t('diagrams.board.funnelFigureLabel') : t('diagrams.board.figureLabel', { zones: plan.zones, notes: plan.notes });
  return (
    <PrintLayout kind="board" title={name} orientation={plan.orientation}>
      <article className="diagram-board" lang={language}>
        {plan.pages.map((page, index) => (
          <section key={index} className="diagram-board-page" aria-label={total > 1 ? t('diagrams.board.pageLabel', { board: name, page: index + 1, pages: total }) : name}>
            <p className="diagram-board-label" style={{ height: `${BOARD_PAGE_HEADER_MM}mm` }}>
              {page.tile
                ? t('diagrams.board.tileLabel', { board: name, page: index + 1, pages: total, row: page.tile.row, column: page.tile.column })
                : total > 1
                  ? t('diagrams.board.pageLabel', { board: name, page: index + 1, pages: total })
                  : name}
            </p>
            <DiagramSvg scene={page.scene} width={page.width} height={page.height} label={figureLabel} />
          </section>
        ))}
      </article>
    </PrintLayout>
  );
}
