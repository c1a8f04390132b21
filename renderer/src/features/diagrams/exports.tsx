import { useCallback, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { PDF_KIND_SPECS, printRoute, type Paper, type PdfExportRequest } from '@shared/pdf';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { moduleLoader } from '../../ui/lazyModule';
import { DiagramImageError } from './imageError';

/** The funnel sheet of a funnel board (one page, portrait or landscape as its content fits). */
export function funnelSheetRequest(workspaceId: string, boardId: string, boardName: string): PdfExportRequest {
  return { kind: 'funnel-sheet', route: printRoute('funnel', workspaceId, boardId), suggestedName: `${boardName}.pdf` };
}

/** A whole board on `paper`: one page, or tiles when its notes would print too small. */
export function boardPdfRequest(workspaceId: string, boardId: string, boardName: string, paper: Paper): PdfExportRequest {
  return { kind: 'board', route: printRoute('board', workspaceId, boardId), suggestedName: `${boardName}.pdf`, paper };
}

export const BOARD_PAPERS = PDF_KIND_SPECS.board.papers;

/** The PNG export's code (drawing the scene on a canvas, imageExport.ts) loads when a board is first exported as PNG (issue 12). */
const imageExport = moduleLoader(() => import('./imageExport'));

/**
 * The exports of one board, for its toolbar, its menu entry and its shortcuts: the sheet (persona
 * or funnel), the whole board as PDF (a dialog asks for the paper) and as PNG. Errors become
 * toasts that name the problem; the PNG shows progress while it is drawn.
 */
export function useBoardExports(props: { workspaceId: string; boardId: string; boardName: string; sheet: PdfExportRequest | null; shortcuts?: 'personaExports' | 'funnelExports' }): {
  exportSheet: (() => void) | null;
  openBoardPdf: () => void;
  exportPng: () => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const { host, language } = useApp();
  const [dialogOpen, setDialogOpen] = useState(false);
  const { workspaceId, boardId, boardName, sheet } = props;
  const fail = useCallback((error: unknown) => toast.error(t('common.error', { message: errorMessage(error) })), [t]);

  const exportSheet = useMemo(() => (sheet ? () => void host.exportPdf(sheet).catch(fail) : null), [host, sheet, fail]);
  const openBoardPdf = useCallback(() => setDialogOpen(true), []);
  const exportPng = useCallback(() => {
    const id = toast.loading(t('diagrams.board.exportPng'));
    imageExport()
      .then((module) => module.exportBoardImage(host, workspaceId, boardId, { t, language }))
      .then(
        (saved) => {
          if (saved) toast.success(t('diagrams.board.pngSaved'), { id });
          else toast.dismiss(id);
        },
        (error: unknown) => {
          const message =
            error instanceof DiagramImageError
              ? error.code === 'fonts-missing'
                ? t('diagrams.board.fontsMissing')
                : error.code === 'too-large'
                  ? t('diagrams.board.tooLarge', { width: error.size?.width, height: error.size?.height })
                  : error.message
              : errorMessage(error);
          toast.error(t('diagrams.board.pngFailed', { message }), { id });
        },
      );
  }, [host, workspaceId, boardId, t, language]);

  // Alt+Shift+P/B/I (the shortcut table's exports scopes; by physical key whatever the layout).
  const scope = props.shortcuts;
  const shortcutHandlers = {
    sheet: () => (exportSheet ? exportSheet() : false),
    boardPdf: () => openBoardPdf(),
    boardPng: () => exportPng(),
  };
  useShortcuts(
    'personaExports',
    { 'personaExports.sheet': shortcutHandlers.sheet, 'personaExports.boardPdf': shortcutHandlers.boardPdf, 'personaExports.boardPng': shortcutHandlers.boardPng },
    scope === 'personaExports',
  );
  useShortcuts(
    'funnelExports',
    { 'funnelExports.sheet': shortcutHandlers.sheet, 'funnelExports.boardPdf': shortcutHandlers.boardPdf, 'funnelExports.boardPng': shortcutHandlers.boardPng },
    scope === 'funnelExports',
  );

  const dialog = (
    <BoardPdfDialog
      open={dialogOpen}
      onOpenChange={setDialogOpen}
      onExport={(paper) => void host.exportPdf(boardPdfRequest(workspaceId, boardId, boardName, paper)).catch(fail)}
    />
  );
  return { exportSheet, openBoardPdf, exportPng, dialog };
}

/** Asks for the paper of a whole-board PDF: A3 (one large page) or A4/Letter (tiles when needed). */
export function BoardPdfDialog(props: { open: boolean; onOpenChange(open: boolean): void; onExport(paper: Paper): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [paper, setPaper] = useState<Paper>(BOARD_PAPERS[0]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onOpenChange(false);
    props.onExport(paper);
  };
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('diagrams.board.dialogTitle')} description={t('diagrams.board.dialogIntro')}>
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('diagrams.board.paper')}</legend>
          {BOARD_PAPERS.map((option, index) => (
            <div className="radio" key={option}>
              <input
                id={`${id}-${option}`}
                type="radio"
                name={`${id}-paper`}
                value={option}
                checked={paper === option}
                autoFocus={index === 0}
                onChange={() => setPaper(option)}
              />
              <label htmlFor={`${id}-${option}`}>{t(`diagrams.board.papers.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={t('diagrams.board.submit')} />
      </form>
    </Dialog>
  );
}
