import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelFigure } from '@shared/diagrams/funnelFigure';
import { documentStages, slaFunnelInput, slaSwimlaneInput } from '@shared/diagrams/inputs';
import { CSS_PX_PER_MM, documentFigureWidth } from '@shared/diagrams/pages';
import type { Scene } from '@shared/diagrams/scene';
import { swimlaneFigure } from '@shared/diagrams/swimlaneFigure';
import { mainStages } from '@shared/funnel/stages';
import { contentBoxMm, printOptions, type Paper } from '@shared/pdf';
import type { SlaDocument, SlaSectionKey } from '@shared/sla/document';
import { useApp } from '../../app/AppContext';
import { DiagramSvg } from './DiagramSvg';
import { funnelLabels, swimlaneLabels } from './labels';
import './diagrams.css';

/** 8.25 pt: the type of the SLA's figures (its body text is 10.5 pt, footnotes 8 pt). */
const FIGURE_FONT = 11;
/** Room the caption and the figure's margins take on the page, in mm. */
const CAPTION_MM = 16;

export type SlaFigure = { section: SlaSectionKey; number: number; scene: Scene; caption: string; reference: string; label: string };

/**
 * The SLA's numbered figures, drawn from the version's document alone (the content its hash
 * covers): Figure 1 the funnel in "Definitions", Figure 2 the hand-off swimlanes in "Hand-off
 * process". A document without main-path stages has neither; numbering follows what is shown.
 */
export function useSlaFigures(document: SlaDocument, paper: Paper): Map<SlaSectionKey, SlaFigure> {
  const { t } = useTranslation();
  const { language } = useApp();
  return useMemo(() => {
    const figures = new Map<SlaSectionKey, SlaFigure>();
    const stages = documentStages(document);
    if (mainStages(stages).length === 0) return figures;
    const width = documentFigureWidth('sla', paper);
    const funnel = funnelFigure(slaFunnelInput(document, funnelLabels(t, language)), { width, fontSize: FIGURE_FONT, definitionLines: 0 });
    const swimlane = swimlaneFigure(slaSwimlaneInput(document, swimlaneLabels(t, language)), { width, fontSize: FIGURE_FONT });
    const entries: [SlaSectionKey, Scene, string, 'diagrams.sla.funnelRef' | 'diagrams.sla.swimlaneRef'][] = [
      ['definitions', funnel, t('diagrams.sla.funnelCaption'), 'diagrams.sla.funnelRef'],
      ['handOff', swimlane, t('diagrams.sla.swimlaneCaption'), 'diagrams.sla.swimlaneRef'],
    ];
    entries.forEach(([section, scene, caption, reference], index) => {
      const number = index + 1;
      figures.set(section, {
        section,
        number,
        scene,
        caption: t('diagrams.sla.caption', { number, caption }),
        reference: t(reference, { number }),
        label: t('diagrams.sla.figure', { number }),
      });
    });
    return figures;
  }, [document, paper, t, language]);
}

/** A numbered figure with its caption, kept on one page (scaled down if taller than a page). */
export function SlaFigureView({ figure, paper }: { figure: SlaFigure; paper: Paper }) {
  const maxHeight = (contentBoxMm(printOptions('sla', { paper })).height - CAPTION_MM) * CSS_PX_PER_MM;
  const scale = Math.min(1, maxHeight / figure.scene.height);
  const captionId = `figure-${figure.section}-caption`;
  return (
    <figure className="diagram-figure" aria-labelledby={captionId}>
      <DiagramSvg scene={figure.scene} width={figure.scene.width * scale} height={figure.scene.height * scale} label={`${figure.label}: ${figure.caption}`} />
      <figcaption id={captionId}>{figure.caption}</figcaption>
    </figure>
  );
}
