/**
 * The Node side of the SLA PDF benchmark, bundled by run.mjs (vite SSR build) so that run.mjs can
 * use the app's own print options and the post-processing Electron runs after printToPDF.
 */
export { en } from '../../shared/locales/en';
export { printOptions, printRoute } from '../../shared/pdf';
export { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
export { sealPdfForRequest } from '../../shared/pdfSeal';
export { sha256Hex } from '../../shared/sla/canonical';
export { slaFooter, slaSealRequest } from '../../renderer/src/features/sla/exportRequest';
