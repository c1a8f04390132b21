import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelSheetLayout } from '@shared/diagrams/funnelSheet';
import { boardFunnelInput, reverseFunnelTable } from '@shared/diagrams/inputs';
import { funnelSheetBodies, funnelSheetHeaderMm } from '@shared/diagrams/pages';
import { mainStages } from '@shared/funnel/stages';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../i18n';
import { PrintLayout } from '../print/PrintLayout';
import { usePrintPaper } from '../print/printContext';
import { usePrintReady } from '../print/usePrintReady';
import { useBoardContent } from './content';
import { DiagramSvg } from './DiagramSvg';
import { funnelLabels } from './labels';
import './diagrams.css';

/**
 * The funnel sheet: one page with the funnel drawn for paper (stages, owners, volumes, rates, entry
 * definitions, hand-offs) and the reverse-funnel table when a revenue target is set; portrait or
 * landscape, whichever keeps the type larger (the page reports its choice to the printer).
 */
export function FunnelSheetPrint(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const paper = usePrintPaper('funnel-sheet');
  const [printedAt] = useState(() => new Date().toISOString());
  const { records, content } = useBoardContent(props.workspaceId, props.boardId);
  const missing = records !== undefined && (records.workspace === null || records.board === null || records.board.kind !== 'funnel');
  const sheet = useMemo(() => {
    if (content?.kind !== 'funnel') return null;
    const labels = funnelLabels(t, language);
    const input = { figure: boardFunnelInput(content.stages, content.plan, labels), table: reverseFunnelTable(content.stages, content.plan, labels) };
    const layout = funnelSheetLayout(input, funnelSheetBodies(paper));
    // When the fitting had to leave the entry definitions out (a long funnel with its table, at the
    // smallest type), the heading says so, so a reader knows they exist and where to find them;
    // the figure is laid out again under the taller heading.
    const note = layout.definitionLines === 0 && mainStages(content.stages).some((stage) => stage.entryDefinition.trim() !== '');
    return { layout: note ? funnelSheetLayout(input, funnelSheetBodies(paper, true)) : layout, note };
  }, [content, t, language, paper]);
  usePrintReady(Boolean(sheet && !missing), missing ? 'the funnel board does not exist' : null, sheet?.layout.orientation ?? null);

  if (!records) return null;
  if (missing || !records.workspace || !records.board) return <p role="alert">{t('board.notFound')}</p>;
  if (!sheet || content?.kind !== 'funnel') return null;
  const { layout, note } = sheet;
  const count = mainStages(content.stages).length;
  return (
    <PrintLayout kind="funnel-sheet" title={records.board.name} orientation={layout.orientation}>
      <article className="diagram-sheet" lang={language}>
        <header className="diagram-sheet-header" style={{ height: `${funnelSheetHeaderMm(note)}mm` }}>
          <div className="diagram-sheet-topline">
            <p className="diagram-sheet-kicker">{t('diagrams.funnelSheet.title')}</p>
            <p className="diagram-sheet-meta">{t('diagrams.funnelSheet.footer', { workspace: records.workspace.name, date: formatDateTime(printedAt, language) })}</p>
          </div>
          <h1 title={records.board.name}>{records.board.name}</h1>
          {note ? <p className="diagram-sheet-note">{t('diagrams.funnelSheet.definitionsLeftOut', { count })}</p> : null}
        </header>
        <DiagramSvg scene={layout.scene} label={t('diagrams.funnelSheet.figureLabel', { count })} />
      </article>
    </PrintLayout>
  );
}
