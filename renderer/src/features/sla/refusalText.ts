import type { TFunction } from 'i18next';
import type { PdfRefusal } from '@shared/pdfSeal/contract';
import { formatBytes } from '../../i18n';

/** Why a PDF was refused, in words (the hardening.pdf.refusals strings). */
export function refusalReason(t: TFunction, refusal: PdfRefusal, language: string): string {
  switch (refusal.code) {
    case 'file-too-large':
      return t('hardening.pdf.refusals.fileTooLarge', { limit: formatBytes(refusal.limit, language) });
    case 'chained-filters':
      return t('hardening.pdf.refusals.chainedFilters', { filters: refusal.filters.join(' + ') });
    case 'hidden-filter':
      return t('hardening.pdf.refusals.hiddenFilter');
    case 'stream-too-large':
      return t('hardening.pdf.refusals.streamTooLarge', { limit: formatBytes(refusal.limit, language) });
    case 'bad-xref-stream':
      return t('hardening.pdf.refusals.badXrefStream');
    case 'too-slow':
      return t('hardening.pdf.refusals.tooSlow', { seconds: refusal.seconds });
    case 'reader-failed':
      return t('hardening.pdf.refusals.readerFailed');
  }
}

/** The whole verdict line for a refused file: "This file cannot be read: …". */
export function refusalText(t: TFunction, refusal: PdfRefusal, language: string): string {
  return t('hardening.pdf.unreadable', { reason: refusalReason(t, refusal, language) });
}
